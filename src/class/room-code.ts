// Room codes students type from the board: short, upper case, without letters that read alike
// (0/O, 1/I/L) and without vowels, so no code spells a word.
import { randomInt } from 'node:crypto';

const ALPHABET = 'BCDFGHJKMNPQRSTVWXZ23456789';
export const CODE_LENGTH = 5;

export function newRoomCode(taken: ReadonlySet<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    if (!taken.has(code)) return code;
  }
}

