// YAML syntax errors as problems. The parser's English text is kept for the English message;
// other languages word the error by the parser's code, quoting the offending text as written.
import type { Document } from 'yaml';
import { MAX_NESTING } from './guards';
import { pathAtOffset, type Reporter } from './locate';

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

interface Unclosed {
  offset: number;
  bracket: '[' | '{';
}

/**
 * Reports the document's syntax errors. After the first error that is not a duplicate key the
 * tree is the parser's guess, so duplicate keys found there (often empty keys of broken lines)
 * are not reported: they would name fields the author never wrote.
 */
export function reportSyntaxErrors(doc: Document, text: string, errors: readonly YamlError[], unclosed: readonly Unclosed[], report: Reporter): void {
  const firstBroken = errors.find((e) => e.code !== 'DUPLICATE_KEY')?.pos[0] ?? Infinity;
  let strayTokens = 0;
  for (const error of errors) {
    if (error.code === 'DUPLICATE_KEY' && error.pos[0] > firstBroken) continue;
    // Once the document has ended early (a stray indent, a bad line), every later token is
    // "unexpected in YAML stream": the first says where reading stopped, the rest are noise.
    if (/ in YAML stream\b/.test(error.message) && strayTokens++ > 0) continue;
    syntaxProblem(doc, text, error, unclosed, report);
  }
}

function syntaxProblem(doc: Document, text: string, error: YamlError, unclosed: readonly Unclosed[], report: Reporter): void {
  const offset = error.pos[0];
  if (error.code === 'DUPLICATE_KEY') {
    const path = pathAtOffset(doc, offset, MAX_NESTING);
    const key = path.length > 0 ? String(path[path.length - 1]) : text.slice(error.pos[0], error.pos[1]);
    report.at(offset, path, 'duplicateKey', { key });
    return;
  }
  if (error.code === 'RESOURCE_EXHAUSTION') {
    report.at(offset, [], 'tooDeep', { max: MAX_NESTING });
    return;
  }
  // No field path here: where the text is broken, the path the parser guessed misleads more
  // than it helps. The library's own words are precise; we add what to look at.
  const detail = error.message.replace(/\s+/g, ' ').trim();
  const token = /^Unexpected .* token in YAML stream: "(.*)"$/.exec(detail)?.[1];
  // The parser notices a missing bracket where the text goes on without it; name the opener.
  const kind = /^Flow (sequence|map)\b.*end with/.exec(detail)?.[1];
  const bracket = kind === 'map' ? '{' : kind === 'sequence' ? '[' : undefined;
  const opener = bracket && [...unclosed].reverse().find((u) => u.bracket === bracket && u.offset < offset);
  const where = opener ? { bracket: opener.bracket, ...report.lines.position(opener.offset) } : {};
  report.at(offset, [], 'syntax', { yaml: error.code, detail, ...(token !== undefined ? { token } : {}), ...where });
}
