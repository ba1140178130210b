// The outcome log: the whole record of one game, with a digest over it, that any engine of the
// same version can replay to the same bytes (../shared/design/product.md).
import { Scenario, type IntentId, type RuleSetId } from '../scenario/schema';
import { newGame, playTurn } from '../game/game';
import { summarize, type GameSummary } from '../game/summary';
import type { GameState, TurnRecord } from '../game/types';
import { ENGINE_VERSION } from '../version';
import { canonicalJson, sha256Hex } from './canonical';

export const LOG_FORMAT = 'alliance-crisis-lab/outcome-log';
export const LOG_VERSION = 1;

export interface OutcomeLog {
  format: typeof LOG_FORMAT;
  logVersion: number;
  engineVersion: string;
  scenario: { id: string; sha256: string; content: Scenario };
  rules: RuleSetId;
  seed: string;
  /** The bot policy that played, or 'human'. */
  policy: string;
  /** Present only when the student typed a name. */
  player?: string;
  turns: TurnRecord[];
  summary: GameSummary;
  digest: string;
}

export interface LogOptions {
  policy?: string;
  player?: string;
}

export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

export function createLog(game: GameState, options: LogOptions = {}): OutcomeLog {
  const policy = options.policy ?? 'human';
  const player = options.player?.trim() ? options.player.trim() : undefined;
  const body = {
    format: LOG_FORMAT,
    logVersion: LOG_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: game.scenario.id, sha256: scenarioHash(game.scenario), content: game.scenario },
    rules: game.rules,
    seed: game.seed,
    policy,
    ...(player ? { player } : {}),
    turns: game.turns,
    summary: summarize(game, policy),
  } as const;
  // Round-trip through canonical JSON so that the object equals what a reader parses back.
  const digest = sha256Hex(canonicalJson(body));
  return JSON.parse(canonicalJson({ ...body, digest })) as OutcomeLog;
}

/** Serialised log text: canonical JSON, so the same game gives the same bytes everywhere. */
export function logText(log: OutcomeLog): string {
  return canonicalJson(log) + '\n';
}

/** Replays a scenario, rule set, seed and intents, turn by turn. */
export function replayIntents(scenario: Scenario, rules: RuleSetId, seed: string, intentsByTurn: IntentId[][]): GameState {
  let game = newGame(scenario, rules, seed);
  for (const intents of intentsByTurn) {
    if (game.result) break;
    game = playTurn(game, intents);
  }
  return game;
}

export type VerifyResult =
  | { ok: true; log: OutcomeLog }
  | { ok: false; reason: string; engineVersion?: string };

export function verifyLog(input: unknown): VerifyResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: 'not an outcome log: not a JSON object' };
  const log = input as Partial<OutcomeLog>;
  if (log.format !== LOG_FORMAT) return { ok: false, reason: `not an outcome log: "format" is not "${LOG_FORMAT}"` };
  if (typeof log.logVersion !== 'number' || log.logVersion > LOG_VERSION) {
    return { ok: false, reason: `log format version ${String(log.logVersion)} is newer than this engine reads (${LOG_VERSION})` };
  }
  if (typeof log.engineVersion !== 'string') return { ok: false, reason: 'the log names no engine version' };
  if (log.engineVersion !== ENGINE_VERSION) {
    return {
      ok: false,
      engineVersion: log.engineVersion,
      reason: `made by engine version ${log.engineVersion}; this is ${ENGINE_VERSION}: verify it with that version`,
    };
  }
  const { digest, ...body } = log;
  if (typeof digest !== 'string' || sha256Hex(canonicalJson(body)) !== digest) {
    return { ok: false, reason: 'the digest does not match: the log was changed after it was written' };
  }
  const parsed = Scenario.safeParse(log.scenario?.content);
  if (!parsed.success) return { ok: false, reason: 'the scenario inside the log is not a valid scenario' };
  if (scenarioHash(parsed.data) !== log.scenario?.sha256) {
    return { ok: false, reason: 'the scenario inside the log does not match its SHA-256' };
  }
  if ((log.rules !== 'nato' && log.rules !== 'sco') || typeof log.seed !== 'string' || !Array.isArray(log.turns)) {
    return { ok: false, reason: 'the log lacks its rules, seed or turns' };
  }
  let replayed: GameState;
  try {
    replayed = replayIntents(
      parsed.data,
      log.rules,
      log.seed,
      log.turns.map((t) => t.intents),
    );
  } catch (error) {
    return { ok: false, reason: `replay failed: ${(error as Error).message}` };
  }
  const again = createLog(replayed, { policy: log.policy ?? 'human', ...(typeof log.player === 'string' ? { player: log.player } : {}) });
  if (again.digest !== digest) {
    const turn = firstDifferentTurn(again.turns, log.turns);
    return {
      ok: false,
      reason: turn === null ? 'the replay gives a different log' : `the replay differs from the log at turn ${turn}`,
    };
  }
  return { ok: true, log: again };
}

/** The first turn whose records differ, or null when the turns agree. */
export function firstDifferentTurn(a: TurnRecord[], b: TurnRecord[]): number | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || canonicalJson(x) !== canonicalJson(y)) return (x ?? y)?.turn ?? i + 1;
  }
  return null;
}
