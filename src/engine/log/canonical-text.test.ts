// The recogniser of canonical text must say yes exactly when a text is canonicalJson's own form
// of what it reads as: a yes lets the verifier hash the text as it stands, so a yes too many would
// let a text the digest does not cover through. Each case is held to canonicalJson itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { canonicalLayout } from './canonical-text';

/** What the recogniser must answer: the text is canonicalJson's form of its own reading. */
function isCanonical(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false; // the recogniser reads objects only
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}

/** canonicalJson's text, or null for what it refuses (a generated `__proto__` key). */
function writtenOrNull(value: unknown): string | null {
  try {
    return canonicalJson(value);
  } catch {
    return null;
  }
}

const recognised = (text: string): boolean => canonicalLayout(text, 0, text.length) !== null;

/** Numbers as a hand or another writer might spell them: signs, leading and trailing zeros, exponents. */
const spelling = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,22}$/), fc.stringMatching(/^0[0-9]{1,3}$/)),
    fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{1,20}$/), fc.stringMatching(/^\.0{1,9}[1-9]{1,3}$/), fc.constant('.')),
    fc.oneof(fc.constant(''), fc.stringMatching(/^[eE][+-]?[0-9]{1,3}$/)),
  )
  .map((parts) => parts.join(''));

describe('numbers', () => {
  it('every finite double as String() prints it is recognised (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(recognised(`{"n":${String(x)}}`), String(x)).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('a spelling is recognised exactly when String() prints its number so (property)', () => {
    fc.assert(
      fc.property(spelling, (written) => {
        const text = `{"n":${written}}`;
        expect(recognised(text), written).toBe(isCanonical(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it.each([
    ['0', true],
    ['-0', false],
    ['1.0', false],
    ['1e0', false],
    ['10E-1', false],
    ['0.30000000000000004', true],
    ['0.30000000000000001', false],
    ['0.000001', true],
    ['0.0000001', false],
    ['1e-7', true],
    ['123456789012345', true],
    ['1234567890123456789', false],
    ['1e+21', true],
    ['100000000000000000000', true],
    ['01', false],
    ['-0.5', true],
    ['-0.50', false],
  ])('%s: %s', (written, expected) => {
    expect(recognised(`{"n":${written}}`)).toBe(expected);
    expect(isCanonical(`{"n":${written}}`)).toBe(expected);
  });
});

describe('strings and keys', () => {
  it('any string as JSON.stringify writes it is recognised, as a value and as a key (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const q = JSON.stringify(s);
        expect(recognised(`{"s":${q}}`), q).toBe(true);
        expect(recognised(`{${q}:1}`), q).toBe(s !== '__proto__'); // the one key canonicalJson refuses
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it.each([
    ['an escape JSON.stringify does not write', '{"s":"\\u0041"}'],
    ['an escaped slash', '{"s":"a\\/b"}'],
    ['an upper-case \\u escape of a control', '{"s":"\\u001F"}'],
    ['a lone surrogate written raw', '{"s":"\ud800"}'],
    ['a control character written raw', '{"s":"a\tb"}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['a key twice', '{"a":1,"a":2}'],
    ['a "__proto__" key', '{"__proto__":1}'],
    ['integer-like keys in the order JavaScript enumerates them', '{"9":1,"10":2}'],
    ['white space', '{"a": 1}'],
    ['a trailing comma', '{"a":1,}'],
    ['text after the object', '{"a":1}x'],
    ['an array at the root', '[1]'],
    ['an unterminated string', '{"a":"b'],
  ])('refuses %s', (_what, text) => {
    expect(recognised(text)).toBe(false);
    expect(isCanonical(text)).toBe(false);
  });

  it('keys are ordered as the sort orders them: by UTF-16 code units, escapes read', () => {
    for (const text of ['{"10":2,"9":1}', '{"A":1,"a":2}', '{"a":1,"ab":2}', '{"\\"":1,"a":2}', '{"z":1,"é":2}', '{"\ud83d\ude00":2,"\uffff":1}']) {
      expect(isCanonical(text), text).toBe(true);
      expect(recognised(text), text).toBe(true);
    }
  });
});

describe('any JSON object', () => {
  it('canonicalJson\'s own text is recognised (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (value) => {
        const text = writtenOrNull(value);
        if (text !== null) expect(recognised(text), text).toBe(true);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  it('the same text with white space, keys in their writing order, or one character changed is recognised exactly when it is canonical (property)', () => {
    const variants = (value: unknown, cut: number, character: string): string[] => {
      const text = writtenOrNull(value) ?? JSON.stringify(value);
      const at = cut % (text.length + 1);
      return [
        JSON.stringify(value),
        JSON.stringify(value, null, 1),
        text.slice(0, at) + character + text.slice(at),
        text.slice(0, at) + character + text.slice(at + 1),
        text.slice(0, at) + text.slice(at + 1),
      ];
    };
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.nat(), fc.constantFrom(' ', '"', '\\', ',', ':', '{', '}', '[', ']', '0', '1', '.', 'e', '-', 'a', 'é', '\ud800'), (value, cut, character) => {
        for (const text of variants(value, cut, character)) expect(recognised(text), text).toBe(isCanonical(text));
      }),
      { numRuns: 1500, seed: 19 },
    );
  });

  it('nesting: as deep as canonicalJson writes is recognised, one level deeper is not', () => {
    const nested = (levels: number) => `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    let deepest = 0;
    while (isCanonical(nested(deepest + 1))) deepest++;
    expect(deepest).toBeGreaterThan(50);
    expect(recognised(nested(deepest))).toBe(true);
    expect(recognised(nested(deepest + 1))).toBe(false);
    expect(recognised(nested(100_000))).toBe(false);
  });
});

describe('the layout', () => {
  const text = '{"a":[1,{"b":2}],"scenario":{"content":{"x":"y"},"id":"s"},"z":"\\"q\\""}';

  it('names each top-level member with where it lies, and where the scenario\'s content lies', () => {
    const layout = canonicalLayout(text, 0, text.length)!;
    expect(layout.members.map((m) => [m.key, text.slice(m.start, m.end)])).toEqual([
      ['a', '"a":[1,{"b":2}]'],
      ['scenario', '"scenario":{"content":{"x":"y"},"id":"s"}'],
      ['z', '"z":"\\"q\\""'],
    ]);
    expect(text.slice(layout.scenarioContent!.start, layout.scenarioContent!.end)).toBe('{"x":"y"}');
  });

  it('reads within the bounds it is given (a byte-order mark before, a newline after)', () => {
    const framed = `\ufeff${text}\n`;
    expect(canonicalLayout(framed, 1, framed.length - 1)?.members).toHaveLength(3);
    expect(canonicalLayout(framed, 0, framed.length)).toBeNull();
  });

  it('steps over a known scenario only where the text is that scenario, and still reads the rest', () => {
    const known = '{"x":"y"}';
    const at = (t: string, i: number) => (t.slice(i, i + known.length) === known ? known.length : 0);
    expect(canonicalLayout(text, 0, text.length, at)?.scenarioContent).toEqual({ start: text.indexOf(known), end: text.indexOf(known) + known.length });
    // A known scenario followed by something that is not canonical is still refused.
    const after = text.replace('"id":"s"', '"id": "s"');
    expect(canonicalLayout(after, 0, after.length, at)).toBeNull();
    // Another content is read as any value is: a non-canonical one is refused.
    const other = text.replace('{"x":"y"}', '{"y":1,"x":2}');
    expect(canonicalLayout(other, 0, other.length, at)).toBeNull();
  });
});
