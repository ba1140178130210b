// What the validator says about a file: each problem carries a code and its parameters, so the
// game and the command line can word it in the reader's language; `message` is the English
// wording, kept for logs, tests and tools that read plain text.
import type { Language } from './schema';
import type { MessageCode } from './messages/en';
import { problemText } from './messages/index';

/** A field path segment: a mapping key or a list index. */
export type PathSeg = string | number;

/** A value a message is built from. Field names and values are passed as written in the file. */
export type Param = string | number | boolean | readonly string[] | Fragment | undefined;
export type Params = { readonly [name: string]: Param };

/** A part of a message worded per language (how to write a value, what was found). */
export interface Fragment {
  /** A MessageCode; typed as text because the catalogue's own type is built from Params. */
  readonly code: string;
  readonly params?: Params;
}

export interface ScenarioProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them; at most one past the line's end. */
  column: number;
  /** Field path such as `states[2].profile.riskTolerance`; empty when the problem is the file. */
  path: string;
  /** What is wrong, for `problemText`. */
  code: MessageCode;
  params: Params;
  /** The English wording, prefixed with the path: names the field and says how to fix it. */
  message: string;
}

export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The problem in one language, prefixed with its field path as written in the file. */
export function problemMessage(problem: { path: string; code: string; params: Params }, lang: Language = 'en'): string {
  // One problem is one output line, whatever a parameter holds.
  const text = problemText(problem.code, problem.params, lang).replace(/\s*[\r\n]+\s*/g, ' ');
  return problem.path === '' ? text : `${problem.path}: ${text}`;
}

/** `file:line:col: message` in English, the form editors and compilers use. */
export function formatProblem(problem: ScenarioProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** `file:line:col: message` in one language. */
export function formatProblemIn(problem: ScenarioProblem, lang: Language): string {
  return lang === 'en' ? formatProblem(problem) : `${problem.file}:${problem.line}:${problem.column}: ${problemMessage(problem, lang)}`;
}

/** A problem at a place, worded in English for `message`. */
export function makeProblem(file: string, line: number, column: number, path: string, code: MessageCode, params: Params = {}): ScenarioProblem {
  return { file, line, column, path, code, params, message: problemMessage({ path, code, params }, 'en') };
}
