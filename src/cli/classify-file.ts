// One file of logs or summaries, read and classified (verified, refused, other version, summary).
import { readFileSync } from 'node:fs';
import { classifyText, type Entry } from '../compare/index';

export function classifyFile(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [{ source: file, status: 'refused', reason: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }];
  }
  return classifyText(text, file);
}
