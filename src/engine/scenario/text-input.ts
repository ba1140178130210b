// Bytes to text for a scenario file, the same in the browser and on the command line: UTF-8,
// with or without a byte-order mark. UTF-16 and UTF-32 (what some Windows editors save as
// "Unicode") and text that is not valid UTF-8 are refused with the reason and where.
import type { MessageCode } from './messages/index';
import type { Params } from './problem';

export type DecodedText =
  | { ok: true; text: string }
  | { ok: false; code: MessageCode; params: Params; line: number; column: number };

const refuse = (code: MessageCode, params: Params = {}, line = 1, column = 1): DecodedText => ({ ok: false, code, params, line, column });

export function decodeScenarioBytes(bytes: Uint8Array): DecodedText {
  const b = (i: number) => bytes[i];
  // UTF-32 first: its little-endian mark starts like UTF-16's.
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return refuse('file.utf16', { encoding: 'UTF-32 LE' });
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return refuse('file.utf16', { encoding: 'UTF-32 BE' });
  if (b(0) === 0xff && b(1) === 0xfe) return refuse('file.utf16', { encoding: 'UTF-16 LE' });
  if (b(0) === 0xfe && b(1) === 0xff) return refuse('file.utf16', { encoding: 'UTF-16 BE' });
  // UTF-16 without a mark: a scenario starts with ASCII, so every other byte is 0.
  if (bytes.length >= 4 && b(0) !== 0 && b(1) === 0 && b(2) !== 0 && b(3) === 0) return refuse('file.utf16', { encoding: 'UTF-16 LE' });
  if (bytes.length >= 4 && b(0) === 0 && b(1) !== 0 && b(2) === 0 && b(3) !== 0) return refuse('file.utf16', { encoding: 'UTF-16 BE' });
  let text: string;
  try {
    // The decoder drops a UTF-8 byte-order mark, as editors do.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('file.notUtf8', {}, ...firstBadByte(bytes));
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return refuse('file.nul', {}, ...lineAndColumn(text, nul));
  return { ok: true, text };
}

/** Where the first byte that is not UTF-8 sits, counted in the text before it. */
function firstBadByte(bytes: Uint8Array): [number, number] {
  const bad = firstInvalidUtf8(bytes);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  return lineAndColumn(before, before.length);
}

/** The index of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const size = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += size;
  }
  return bytes.length;
}

function lineAndColumn(text: string, offset: number): [number, number] {
  const upTo = text.slice(0, offset);
  const lineStart = upTo.lastIndexOf('\n') + 1;
  return [upTo.split('\n').length, offset - lineStart + 1];
}
