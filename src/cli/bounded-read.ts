// Reading an input file with a cap on its size: a file too large for what it claims to be is
// refused before it is read, never loaded whole (a policy file of a million turns, or a "log"
// of gigabytes, would otherwise exhaust memory before any check could speak).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export class InputError extends Error {}

/** The file's UTF-8 text, or an InputError that says plainly why not. */
export function readBounded(file: string, maxBytes: number, what: string): string {
  return utf8Text(file, readBoundedBytes(file, maxBytes, what));
}

/** The file's bytes, refused as readBounded refuses them, but not decoded (`verify` finds a
 * scenario it knows in a log's bytes, and decodes only the rest). */
export function readBoundedBytes(file: string, maxBytes: number, what: string): Uint8Array {
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file} is a folder, not ${what}`);
    if (!stat.isFile()) throw new InputError(`${file} is not a regular file, so not ${what}`);
    if (stat.size > maxBytes) throw new InputError(`${file} is ${megabytes(stat.size)}; ${what} is at most ${megabytes(maxBytes)}`);
    // Read at most one byte past the limit: a file that grew since stat is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size + 1, maxBytes + 1));
    fd = openSync(file, 'r');
    let read = 0;
    for (let n = 1; n > 0 && read < buffer.length; read += n) n = readSync(fd, buffer, read, buffer.length - read, read);
    if (read > maxBytes) throw new InputError(`${file} is larger than ${megabytes(maxBytes)}, the most ${what} can be`);
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file} not found`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${file} cannot be read: permission denied`);
    throw new InputError(`${file} cannot be read: ${code ?? (error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file's bytes as UTF-8 text (a leading byte-order mark dropped), or an InputError. */
export function utf8Text(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file} is not UTF-8 text`);
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}
