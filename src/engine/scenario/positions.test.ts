// Where problems point: lines and columns counted from the text itself, right after a syntax
// error, a stray indent or a block text; bare CR line ends and encodings said plainly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from './load';
import { LineIndex } from './locate';
import { decodeScenarioBytes } from './text-input';

const dir = 'test/fixtures/scenarios/';
const minimal = readFileSync(`${dir}minimal.yaml`, 'utf8');

function lines(text: string, file = 'x.yaml'): string[] {
  const result = parseScenario(text, file);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Every problem sits on a line of the text, at most one column past its end. */
function expectInside(text: string): void {
  const result = parseScenario(text, 'x.yaml');
  // A break inside a block text can leave the file valid: nothing to place then.
  if (result.ok) return;
  const textLines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  for (const p of result.problems) {
    expect(p.line, formatProblem(p)).toBeGreaterThanOrEqual(1);
    expect(p.line, formatProblem(p)).toBeLessThanOrEqual(textLines.length);
    expect(p.column, formatProblem(p)).toBeLessThanOrEqual(textLines[p.line - 1]!.length + 1);
  }
}

describe('LineIndex', () => {
  it('counts lines at LF, keeps a CR before it out of the column, and never goes past a line end', () => {
    const index = new LineIndex('ab\r\ncd\n\nxyz');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    // The CR of a CRLF is part of the line end: it never gets a column of its own past the text.
    expect(index.position(3)).toEqual({ line: 1, column: 3 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
    expect(index.position(10)).toEqual({ line: 4, column: 3 });
    expect(index.position(99)).toEqual({ line: 4, column: 4 });
    expect(index.position(-5)).toEqual({ line: 1, column: 1 });
  });
});

describe('positions after a syntax error', () => {
  it('keep block texts from shifting the lines of later problems after a stray indent', () => {
    // The YAML library's own line counter skipped the lines of block texts once the document
    // had ended early, and reported "briefing" 3 lines up at column 27 of a 23-character line.
    expect(lines(readFileSync(`${dir}stray-indent.yaml`, 'utf8'))).toEqual([
      'x.yaml:4:1: YAML syntax error: Unexpected scalar at node end; check the indentation, brackets and quotes here',
      'x.yaml:4:14: YAML syntax error: Unexpected map-value-ind token in YAML stream: ":"; check the indentation, brackets and quotes here',
    ]);
  });

  it('name no field path guessed from broken text, such as a duplicate empty key after the break', () => {
    const text = minimal.replace('      capability: 0.4\n      interests: 0.9\n', '      capability: 0.4, interests: 0.9\n      x: {\n');
    const found = lines(text);
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) expect(line).not.toMatch(/duplicate key "null"|\.null\b/);
    expectInside(text);
  });

  it('stay inside the text for a stray indent or a line break inserted anywhere in a shipped scenario', () => {
    const text = readFileSync('scenarios/tutorial.yaml', 'utf8');
    for (let at = 0; at < text.length; at += Math.ceil(text.length / 40)) {
      expectInside(`${text.slice(0, at)}\n  ${text.slice(at)}`);
    }
  });

  it('count a Windows line end as one, and a byte-order mark as no column', () => {
    const crlf = minimal.replace('horizon: 10', 'horizon: ten').replace(/\n/g, '\r\n');
    expect(lines(crlf)).toEqual([
      'x.yaml:15:10: horizon: expected a number, got the text "ten"; write a whole number from 1 to 120 (The last turn)',
    ]);
    expect(lines(`\uFEFF${crlf}`)).toEqual(lines(crlf));
  });
});

describe('a fault of the validator itself', () => {
  it('reads as a plain message, never as the program’s own error text', () => {
    // Not a string at all: reading it fails inside the loader with a TypeError.
    const result = parseScenario(null as unknown as string, 'x.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'x.yaml:1:1: the validator failed on this file because of a fault in the validator, not necessarily in the file; please report it with the file attached',
    ]);
  });
});

describe('line ends and encodings', () => {
  it('refuse bare CR line ends and say so, at the first of them', () => {
    expect(lines(readFileSync(`${dir}bare-cr.yaml`, 'utf8'), 'bare-cr.yaml')).toEqual([
      'bare-cr.yaml:1:75: the lines of this file end with a bare carriage return (CR, as on classic Mac OS), which YAML readers do not all take as a line end; save the file with LF or CRLF line ends',
    ]);
    // A CR inside a line, however it got there, is the same fault where it stands.
    expect(lines(minimal.replace('turnDays: 1\n', 'turnDays: 1\r \n'))[0]).toMatch(/^x\.yaml:14:12: the lines of this file end with a bare carriage return/);
  });

  it('decode UTF-8 with or without a byte-order mark, the same in the browser and the command line', () => {
    const bytes = new TextEncoder().encode(minimal);
    expect(decodeScenarioBytes(bytes)).toEqual({ ok: true, text: minimal });
    expect(decodeScenarioBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text: minimal });
  });

  it('refuse UTF-16 and UTF-32, with or without a mark, naming the encoding', () => {
    const utf16 = readFileSync(`${dir}utf16le.yaml`);
    expect(decodeScenarioBytes(new Uint8Array(utf16))).toMatchObject({ ok: false, code: 'file.utf16', params: { encoding: 'UTF-16 LE' }, line: 1, column: 1 });
    expect(decodeScenarioBytes(new Uint8Array(utf16.subarray(2)))).toMatchObject({ ok: false, params: { encoding: 'UTF-16 LE' } });
    const be = Buffer.from(utf16.subarray(2)).swap16();
    expect(decodeScenarioBytes(new Uint8Array(be))).toMatchObject({ ok: false, params: { encoding: 'UTF-16 BE' } });
    expect(decodeScenarioBytes(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toMatchObject({ ok: false, params: { encoding: 'UTF-32 BE' } });
    expect(decodeScenarioBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toMatchObject({ ok: false, params: { encoding: 'UTF-32 LE' } });
  });

  it('point at the first byte that is not UTF-8, and at a NUL character', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('id: x\ntitle: Caf'), 0xe9, 0x0a]);
    expect(decodeScenarioBytes(latin1)).toEqual({ ok: false, code: 'file.notUtf8', params: {}, line: 2, column: 11 });
    // A character cut short, an overlong form and a surrogate are not UTF-8 either.
    for (const bad of [[0x61, 0xe2, 0x82], [0x61, 0xc0, 0xaf], [0x61, 0xed, 0xa0, 0x80]]) {
      expect(decodeScenarioBytes(new Uint8Array(bad))).toMatchObject({ ok: false, code: 'file.notUtf8', line: 1, column: 2 });
    }
    expect(decodeScenarioBytes(new TextEncoder().encode('id: x\n\0'))).toMatchObject({ ok: false, code: 'file.nul', line: 2, column: 1 });
  });
});
