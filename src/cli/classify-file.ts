// One file of logs or summaries, read and classified (verified, refused, other version, summary).
import { readFileSync } from 'node:fs';
import { classifyLogBytes, classifyText, type Entry } from '../compare/index';

export function classifyFile(file: string): Entry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return [{ source: file, status: 'refused', reason: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }];
  }
  // A log as the engine wrote it, of a scenario already validated, is verified from its bytes
  // (as `crisis-lab verify` does); any other file is decoded and read as text (the same verdict).
  return classifyLogBytes(bytes, file) ?? classifyText(bytes.toString('utf8'), file);
}
