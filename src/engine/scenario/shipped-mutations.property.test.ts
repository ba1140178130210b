// The shipped scenarios, broken the ways people break files (a stray indent, a cut line, a lost
// bracket or quote, a tab, a pasted line, a truncated save, Windows line ends): every problem
// points inside the file, at most one column past a line's end, and reads as a message for an
// author in each language, never as an internal error.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { formatProblem, formatProblemIn, parseScenario } from './load';
import { VALIDATOR_MESSAGES } from './messages/index';

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: readFileSync(`scenarios/${f}`, 'utf8') }));

/** What a program's own failure looks like; none of it may reach an author. */
const INTERNAL = /Cannot read|undefined|is not a function|is not iterable|Maximum call stack|\[object|fault in the validator/;
const CODES = new Set(Object.keys(VALIDATOR_MESSAGES.en));

const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'indent', 'newline', 'duplicate-line', 'truncate', 'crlf'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  size: fc.integer({ min: 1, max: 12 }),
  piece: fc.constantFrom('{', '}', '[', ']', '"', "'", ':', ': ', '- ', '&a ', '*a', '*b', '#', '\t', '  ', '? ', '|', '>-', ',', '%', '@', '`', 'x: 1', '\u00a0', 'ñ'),
});

function apply(text: string, e: { kind: string; at: number; size: number; piece: string }): string {
  const at = Math.floor(e.at * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.size);
    case 'indent':
      return text.slice(0, lineStart) + ' '.repeat(e.size % 4 || 1) + text.slice(lineStart);
    case 'newline':
      return `${text.slice(0, at)}\n${' '.repeat(e.size % 6)}${text.slice(at)}`;
    case 'duplicate-line': {
      const end = text.indexOf('\n', at);
      const line = text.slice(lineStart, end === -1 ? text.length : end + 1);
      return text.slice(0, lineStart) + line + text.slice(lineStart);
    }
    case 'truncate':
      return text.slice(0, at);
    default:
      return text.replace(/\n/g, '\r\n');
  }
}

function check(name: string, text: string): void {
  const result = parseScenario(text, name);
  if (result.ok) return;
  if (result.problems.length === 0) throw new Error('refused without a problem');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  for (const p of result.problems) {
    const line = lines[p.line - 1];
    const shown = `${formatProblem(p)}\n  in ${JSON.stringify(text.slice(0, 200))}…`;
    if (line === undefined || p.column < 1 || p.column > line.length + 1) throw new Error(`outside the text: ${shown} (line is ${JSON.stringify(line)})`);
    if (!CODES.has(p.code)) throw new Error(`unknown code ${p.code}: ${shown}`);
    for (const lang of ['en', 'ru', 'kk'] as const) {
      const message = formatProblemIn(p, lang);
      if (INTERNAL.test(message) || /[\r\n]/.test(message)) throw new Error(`not a message for an author (${lang}): ${message}`);
    }
  }
}

describe('shipped scenarios, mutated', () => {
  it('give problems inside the file, worded for an author in every language (300 mutated files)', () => {
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (i, edits) => {
        const file = files[i]!;
        check(file.name, edits.reduce(apply, file.text));
      }),
      { numRuns: 300, seed: 20_261_129 },
    );
  }, 120_000);
});
