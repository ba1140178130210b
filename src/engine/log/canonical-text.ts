// Whether a log's text is already its own canonical form, read without building anything: a log
// as the engine wrote it is, and then its digest can be taken over the text as it stands instead
// of writing the whole log again (the costliest part of verifying, after the replay). The
// recogniser accepts only what canonicalJson writes: no white space, every object's keys in
// increasing order (so none twice), no `__proto__` key, strings and numbers spelt as
// JSON.stringify spells them, nesting under MAX_JSON_DEPTH. Anything else answers null and the
// caller takes the general path, which reads the text strictly and writes its canonical form.
import { MAX_JSON_DEPTH } from './canonical';

/** Where a top-level member lies: from its key's opening quote to the end of its value. */
export interface MemberSpan {
  key: string;
  start: number;
  end: number;
}

export interface CanonicalLayout {
  /** The root object's members, in the text's (increasing) order. */
  members: MemberSpan[];
  /** The value of `scenario.content`, when the root has an object `scenario` with that member. */
  scenarioContent: { start: number; end: number } | null;
}

/** The length of a text already known to be canonical that starts at `at`, or 0: lets the
 * recogniser step over an embedded scenario it has seen before. */
export type KnownValueAt = (text: string, at: number) => number;

/** Not canonical: the recogniser gives up (a control flow, not an error the caller sees). */
const NOT_CANONICAL = Symbol('not canonical');

/**
 * The layout of `text.slice(start, end)` when that slice is exactly the canonical form of an
 * object, or null. `known` is asked only at `scenario.content`.
 */
export function canonicalLayout(text: string, start: number, end: number, known?: KnownValueAt): CanonicalLayout | null {
  const reader = new Recogniser(text, end, known);
  try {
    return reader.root(start);
  } catch (error) {
    if (error === NOT_CANONICAL) return null;
    throw error;
  }
}

/** What an object's members are to the recogniser: any object, the root, or the root's scenario. */
const ANY = 0;
const ROOT = 1;
const SCENARIO = 2;

class Recogniser {
  private i = 0;
  private readonly members: MemberSpan[] = [];
  private scenarioContent: { start: number; end: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly known: KnownValueAt | undefined,
  ) {}

  root(start: number): CanonicalLayout {
    this.i = start;
    if (this.text.charCodeAt(this.i) !== 123 /* { */) throw NOT_CANONICAL;
    this.object(0, ROOT);
    if (this.i !== this.end) throw NOT_CANONICAL;
    return { members: this.members, scenarioContent: this.scenarioContent };
  }

  private value(depth: number): void {
    const c = this.text.charCodeAt(this.i);
    if (c === 34 /* " */) this.string();
    else if (c === 123 /* { */) this.object(depth, ANY);
    else if (c === 91 /* [ */) this.array(depth);
    else if (c === 45 /* - */ || (c >= 48 && c <= 57)) this.number();
    else if (c === 116 /* t */ && this.text.startsWith('true', this.i)) this.i += 4;
    else if (c === 102 /* f */ && this.text.startsWith('false', this.i)) this.i += 5;
    else if (c === 110 /* n */ && this.text.startsWith('null', this.i)) this.i += 4;
    else throw NOT_CANONICAL;
  }

  private object(depth: number, kind: number): void {
    // canonicalJson refuses an object or array at this depth: the general path says so.
    if (depth >= MAX_JSON_DEPTH) throw NOT_CANONICAL;
    const text = this.text;
    this.i++;
    if (text.charCodeAt(this.i) === 125 /* } */) {
      this.i++;
      return;
    }
    // The previous key as written (from its opening quote to past its closing one), and whether
    // it held an escape: plain keys are compared where they stand, without being cut out.
    let previousStart = -1;
    let previousEnd = -1;
    let previousPlain = true;
    for (;;) {
      const keyStart = this.i;
      if (text.charCodeAt(keyStart) !== 34) throw NOT_CANONICAL;
      const plain = this.string();
      const keyEnd = this.i;
      if (previousStart >= 0 && !this.increasing(previousStart, previousEnd, previousPlain, keyStart, keyEnd, plain)) throw NOT_CANONICAL;
      if (keyEnd - keyStart === 11 && text.startsWith('"__proto__"', keyStart)) throw NOT_CANONICAL;
      previousStart = keyStart;
      previousEnd = keyEnd;
      previousPlain = plain;
      if (text.charCodeAt(this.i) !== 58 /* : */) throw NOT_CANONICAL;
      this.i++;
      if (kind === ANY) this.value(depth + 1);
      else if (kind === ROOT) this.rootMember(keyStart, keyEnd);
      else this.scenarioMember(keyStart, keyEnd);
      const next = text.charCodeAt(this.i++);
      if (next === 125 /* } */) return;
      if (next !== 44 /* , */) throw NOT_CANONICAL;
    }
  }

  private rootMember(keyStart: number, keyEnd: number): void {
    const key = JSON.parse(this.text.slice(keyStart, keyEnd)) as string;
    if (key === 'scenario' && this.text.charCodeAt(this.i) === 123) this.object(1, SCENARIO);
    else this.value(1);
    this.members.push({ key, start: keyStart, end: this.i });
  }

  /** A member of the root's `scenario` object; its `content` is stepped over when already known. */
  private scenarioMember(keyStart: number, keyEnd: number): void {
    if (keyEnd - keyStart !== 9 || !this.text.startsWith('"content"', keyStart)) return this.value(2);
    const start = this.i;
    const skip = this.known?.(this.text, start) ?? 0;
    if (skip > 0 && start + skip <= this.end) this.i += skip;
    else this.value(2);
    this.scenarioContent = { start, end: this.i };
  }

  /** Whether the key written at [b, bEnd) sorts after the one at [a, aEnd), by UTF-16 code units
   * of the keys as read (as Array.prototype.sort orders them). */
  private increasing(a: number, aEnd: number, aPlain: boolean, b: number, bEnd: number, bPlain: boolean): boolean {
    const text = this.text;
    if (!aPlain || !bPlain) return (JSON.parse(text.slice(a, aEnd)) as string) < (JSON.parse(text.slice(b, bEnd)) as string);
    // Plain keys read as written: compare between the quotes.
    const aLength = aEnd - a - 2;
    const bLength = bEnd - b - 2;
    const n = Math.min(aLength, bLength);
    for (let k = 1; k <= n; k++) {
      const x = text.charCodeAt(a + k);
      const y = text.charCodeAt(b + k);
      if (x !== y) return x < y;
    }
    return aLength < bLength;
  }

  private array(depth: number): void {
    if (depth >= MAX_JSON_DEPTH) throw NOT_CANONICAL;
    this.i++;
    if (this.text.charCodeAt(this.i) === 93 /* ] */) {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      const next = this.text.charCodeAt(this.i++);
      if (next === 93 /* ] */) return;
      if (next !== 44 /* , */) throw NOT_CANONICAL;
    }
  }

  /** Steps over a string; true when it holds nothing JSON.stringify would escape. */
  private string(): boolean {
    const start = this.i;
    let plain = true;
    for (let k = start + 1; k < this.end; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 34 /* " */) {
        this.i = k + 1;
        // An escape, or a surrogate (paired ones stay as they are, lone ones are escaped): the
        // string is canonical only when JSON.stringify writes what it reads as.
        if (!plain && !this.stringifiesAs(start, this.i)) throw NOT_CANONICAL;
        return plain;
      }
      if (c === 92 /* \ */) {
        plain = false;
        k++; // the escaped character cannot end the string
      } else if (c < 32) throw NOT_CANONICAL;
      else if (c >= 0xd800 && c <= 0xdfff) plain = false;
    }
    throw NOT_CANONICAL; // the string never ends
  }

  private stringifiesAs(start: number, end: number): boolean {
    const written = this.text.slice(start, end);
    try {
      return JSON.stringify(JSON.parse(written)) === written;
    } catch {
      return false;
    }
  }

  private number(): void {
    const text = this.text;
    const start = this.i;
    let k = start;
    if (text.charCodeAt(k) === 45 /* - */) k++;
    const first = text.charCodeAt(k);
    if (!isDigit(first)) throw NOT_CANONICAL;
    k++;
    if (first !== 48) while (isDigit(text.charCodeAt(k))) k++;
    const integerDigits = k - start - (text.charCodeAt(start) === 45 ? 1 : 0);
    let fractionDigits = 0;
    let leadingZeros = 0;
    let lastDigit = 0;
    if (text.charCodeAt(k) === 46 /* . */) {
      k++;
      while (text.charCodeAt(k + leadingZeros) === 48) leadingZeros++;
      while (isDigit(text.charCodeAt(k + fractionDigits))) fractionDigits++;
      if (fractionDigits === 0) throw NOT_CANONICAL;
      k += fractionDigits;
      lastDigit = text.charCodeAt(k - 1);
    }
    const e = text.charCodeAt(k);
    const exponent = e === 101 || e === 69;
    if (exponent) {
      k++;
      const sign = text.charCodeAt(k);
      if (sign === 43 || sign === 45) k++;
      if (!isDigit(text.charCodeAt(k))) throw NOT_CANONICAL;
      while (isDigit(text.charCodeAt(k))) k++;
    }
    this.i = k;
    if (!exponent && integerDigits + fractionDigits <= 15 && isPrinted(text.charCodeAt(start) === 45, first, integerDigits, fractionDigits, leadingZeros, lastDigit)) return;
    // Anything rarer (many digits, an exponent, -0, a trailing zero) is checked by printing it.
    const written = text.slice(start, k);
    if (String(Number(written)) !== written) throw NOT_CANONICAL;
  }
}

/**
 * Whether a number written in plain decimal, with at most 15 digits, is what String() prints for
 * it, without printing it: a decimal of at most 15 significant digits is the only one of at most
 * that many that a double rounds to (DBL_DIG), so the shortest round-trip spelling String()
 * chooses is that decimal itself, as long as it has no trailing zero in its fraction, is not -0
 * and is at least 1e-6 (below that String() writes an exponent). The integer part's leading
 * zeros are already refused by the grammar.
 */
function isPrinted(negative: boolean, first: number, integerDigits: number, fractionDigits: number, leadingZeros: number, lastDigit: number): boolean {
  if (fractionDigits === 0) return !(negative && first === 48 && integerDigits === 1);
  if (lastDigit === 48) return false;
  return first !== 48 || leadingZeros <= 5;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
