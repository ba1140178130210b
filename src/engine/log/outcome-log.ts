// The outcome log: the whole record of one game, with a digest over it, that any engine of the
// same version can replay to the same bytes (../shared/design/product.md).
import { Scenario } from '../scenario/schema';
import { resolveRuleSet } from '../rules/rule-set';
import type { InstitutionalFeatures } from '../rules/features';
import { newGame, playTurn, type GameOptions } from '../game/game';
import { PACK_IDS, PARAMETER_KEYS, isPackId, type ModelParameters, type PackId } from '../model/parameters';
import { summarize, type GameSummary } from '../game/summary';
import type { GameState, TurnInput, TurnRecord } from '../game/types';
import type { IntentId } from '../scenario/schema';
import { ENGINE_VERSION } from '../version';
import { canonicalJson, sha256Hex } from './canonical';

export const LOG_FORMAT = 'alliance-crisis-lab/outcome-log';
export const LOG_VERSION = 1;

export interface OutcomeLog {
  format: typeof LOG_FORMAT;
  logVersion: number;
  engineVersion: string;
  scenario: { id: string; sha256: string; content: Scenario };
  /** The rule set's name: a preset, one the scenario defines, or a design-lab spec. */
  rules: string;
  /** Every institutional feature of that rule set, so a custom game verifies like any other. */
  features: InstitutionalFeatures;
  /** The reading of the research the model followed, and every constant's value. */
  pack: PackId;
  parameters: ModelParameters;
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
    features: game.features,
    pack: game.pack,
    parameters: game.parameters,
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

/** Replays a scenario, rule set, seed and each turn's inputs, turn by turn. */
export function replayIntents(scenario: Scenario, rules: string, seed: string, inputs: (IntentId[] | TurnInput)[], options: GameOptions = {}): GameState {
  let game = newGame(scenario, rules, seed, options);
  for (const input of inputs) {
    if (game.result) break;
    game = playTurn(game, input);
  }
  return game;
}

/** A turn record's inputs, as playTurn takes them. */
export function inputOf(record: TurnRecord): TurnInput {
  return { intents: record.intents, ...(record.motions ? { motions: record.motions } : {}), ...(record.seats ? { seats: record.seats } : {}) };
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
  if (typeof log.rules !== 'string' || typeof log.seed !== 'string' || !Array.isArray(log.turns)) {
    return { ok: false, reason: 'the log lacks its rules, seed or turns' };
  }
  const rules = resolveRuleSet(log.rules, parsed.data.ruleSets);
  if (!rules.ok) return { ok: false, reason: `the log's rule set cannot be played: ${rules.error}` };
  if (canonicalJson(rules.value.features) !== canonicalJson(log.features ?? null)) {
    return { ok: false, reason: `the log's institutional features are not those of rule set "${log.rules}"` };
  }
  if (typeof log.pack !== 'string' || !isPackId(log.pack)) {
    return { ok: false, reason: `the log names no known parameter pack (${PACK_IDS.join(', ')})` };
  }
  const parameters = parametersOf(log.parameters);
  if (!parameters) return { ok: false, reason: `the log's parameters are not a number for each of: ${PARAMETER_KEYS.join(', ')}` };
  let replayed: GameState;
  try {
    replayed = replayIntents(
      parsed.data,
      log.rules,
      log.seed,
      log.turns.map(inputOf),
      { pack: log.pack, parameters },
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

function parametersOf(input: unknown): ModelParameters | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const values = input as Record<string, unknown>;
  const out = {} as ModelParameters;
  for (const key of PARAMETER_KEYS) {
    const v = values[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    out[key] = v;
  }
  return Object.keys(values).length === PARAMETER_KEYS.length ? out : null;
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
