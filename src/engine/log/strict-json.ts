// A strict reading of a log's text. JSON.parse keeps the last of two equal keys, turns `1.0`,
// `1e0` and `0.30000000000000001` into numbers that print otherwise, and makes `__proto__` an
// ordinary key: each lets two texts read alike, or one text read two ways. Refusing them makes
// "the log replays to the same bytes" literally true: the only freedom left is white space and
// key order, which the canonical form does not carry.
import { CanonicalError, MAX_JSON_DEPTH, canonicalJson } from './canonical';
import type { JsonFault, RefusalParams } from './refusal';

/** A refusal names its fault and parameters (line and column among them) beside the English reason. */
export type StrictRead = { ok: true; value: unknown; canonical: string } | StrictRefusal;
export type StrictRefusal = { ok: false; reason: string; fault: JsonFault; params: RefusalParams };

/** Reads JSON text strictly; on success also gives its canonical form. */
export function readStrictJson(text: string): StrictRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // JSON.parse's own message differs between engines: the reader below names line and column.
    return refuse(() => new StrictReader(body).read()) ?? { ok: false, reason: 'not JSON', fault: 'unknown', params: {} };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (error) {
    // A `__proto__` key, or nesting too deep: the reader below says where.
    return refuse(() => new StrictReader(body).read()) ?? strictRefusal(error);
  }
  // The common case, a file as the engine wrote it: equal to its own canonical form, so it has no
  // repeated key and no number written otherwise; nothing more to read.
  if (body === canonical || body === canonical + '\n') return { ok: true, value, canonical };
  return refuse(() => new StrictReader(body).read()) ?? { ok: true, value, canonical };
}

function refuse(read: () => void): StrictRefusal | null {
  try {
    read();
    return null;
  } catch (error) {
    if (error instanceof CanonicalError) return strictRefusal(error);
    throw error;
  }
}

function strictRefusal(error: unknown): StrictRefusal {
  if (error instanceof CanonicalError) return { ok: false, reason: error.message, fault: error.fault, params: error.params };
  return { ok: false, reason: (error as Error).message, fault: 'unknown', params: {} };
}

/** Walks the text and throws a CanonicalError naming line and column at the first thing refused. */
class StrictReader {
  private i = 0;

  constructor(private readonly text: string) {}

  read(): void {
    this.space();
    this.value(0);
    this.space();
    if (this.i < this.text.length) this.fail('text after the end of the JSON value', 'trailing-text');
  }

  private fail(what: string, fault: JsonFault, params: RefusalParams = {}, at = this.i): never {
    let line = 1;
    let start = 0;
    for (let k = 0; k < at; k++) {
      if (this.text.charCodeAt(k) === 10) {
        line++;
        start = k + 1;
      }
    }
    const column = at - start + 1;
    throw new CanonicalError(`not strict JSON: ${what} at line ${line}, column ${column}`, fault, { ...params, line, column });
  }

  private space(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  private value(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep', { max: MAX_JSON_DEPTH });
    const c = this.text[this.i];
    if (c === '{') this.object(depth);
    else if (c === '[') this.array(depth);
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (this.text.startsWith('true', this.i)) this.i += 4;
    else if (this.text.startsWith('false', this.i)) this.i += 5;
    else if (this.text.startsWith('null', this.i)) this.i += 4;
    else if (c === undefined) this.fail('the text ends where a value should be', 'text-ends');
    else this.fail(`unexpected "${c}"`, 'unexpected-character', { character: c });
  }

  private object(depth: number): void {
    const keys = new Set<string>();
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      if (this.text[this.i] !== '"') this.fail('a key in double quotes expected', 'key-expected');
      const at = this.i;
      const key = this.string();
      if (key === '__proto__') this.fail('a "__proto__" key', 'proto-key', {}, at);
      if (keys.has(key)) this.fail(`the key "${key}" a second time in one object`, 'repeated-key', { key }, at);
      keys.add(key);
      this.space();
      if (this.text[this.i] !== ':') this.fail('":" expected', 'colon-expected');
      this.i++;
      this.space();
      this.value(depth + 1);
      this.space();
      const next = this.text[this.i++];
      if (next === '}') return;
      if (next !== ',') this.fail('"," or "}" expected', 'comma-or-brace-expected', {}, this.i - 1);
      this.space();
    }
  }

  private array(depth: number): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.space();
      const next = this.text[this.i++];
      if (next === ']') return;
      if (next !== ',') this.fail('"," or "]" expected', 'comma-or-bracket-expected', {}, this.i - 1);
      this.space();
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('a string that never ends', 'unterminated-string', {}, start);
      if (c === 34) break;
      if (c < 32) this.fail('a control character inside a string', 'control-character');
      this.i += c === 92 ? 2 : 1;
    }
    this.i++;
    try {
      return JSON.parse(this.text.slice(start, this.i)) as string;
    } catch {
      return this.fail('a string with a bad escape', 'bad-escape', {}, start);
    }
  }

  private number(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.i;
    const m = match.exec(this.text);
    if (!m) return this.fail('a malformed number', 'malformed-number');
    const written = m[0];
    const value = Number(written);
    // The one spelling JSON.stringify gives this number: anything else reads as a number that prints otherwise.
    const canonical = Number.isFinite(value) ? JSON.stringify(value) : null;
    if (written !== canonical) {
      if (canonical === null) this.fail(`the number ${written}, too large for JSON`, 'number-too-large', { written });
      this.fail(`the number ${written}, which is written ${canonical}`, 'number-form', { written, canonical });
    }
    this.i += written.length;
  }
}
