// The `policy` field of a log: who played. Typed, so that a label cannot carry anything else:
// 'human' for a person at the game, a bot's id (a built-in such as `hawk`, a scenario's scripted
// line such as `historical`, or a tool's fixed line such as the golden logs' `every-request`),
// or `file:<name>` for a policy file played from the command line.
/** 'human', a bot's id, or `file:<name>`; checked by policyProblem when a log is read. */
export type LogPolicy = string;

const BOT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const FILE_NAME = /^file:[^\u0000-\u001f/\\]{1,255}$/;

/** Why a value is no policy a log can name, or null when it is one. */
export function policyProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'the log names no player policy';
  if (value === 'human' || (value.length <= 64 && BOT_ID.test(value)) || FILE_NAME.test(value)) return null;
  return `the log's policy "${value.slice(0, 80)}" is none the engine writes: "human", a bot's id (lower-case words joined by "-") or "file:" and a file name`;
}

/** Why a value is no player name a log can carry (the game trims what the student typed), or null. */
export function playerProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) return 'the log\'s player name is not a name as the game writes it';
  return null;
}
