// The outcome log: the whole record of one game, with a digest over it, that any engine of the
// same version can replay to the same bytes (../shared/design/product.md). Writing a log needs
// nothing of the scenario reader: verifying one (verify-log.ts) validates the scenario it embeds,
// and lives apart so that a page that only writes logs (the game) does not reach yaml and zod.
import type { Scenario } from '../scenario/schema';
import type { InstitutionalFeatures } from '../rules/features';
import { newGame, playTurn, type GameOptions } from '../game/game';
import type { ModelParameters, PackId } from '../model/parameters';
import { summarize, type GameSummary } from '../game/summary';
import type { GameState, TurnInput, TurnRecord } from '../game/types';
import type { IntentId } from '../scenario/schema';
import { ENGINE_VERSION } from '../version';
import { canonicalJson, sha256Hex, sha256Pieces } from './canonical';
import { writeScenario, type WrittenScenario } from './written-scenario';
import type { LogPolicy } from './log-policy';
import type { LogSignature } from './signature';

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
  policy: LogPolicy;
  /** Present only when the student typed a name. */
  player?: string;
  turns: TurnRecord[];
  summary: GameSummary;
  /** SHA-256 of the canonical form of everything else but the signature. */
  digest: string;
  /** Present only in a log a server signed (signLog): a signature of the digest. */
  signature?: LogSignature;
}

export interface LogOptions {
  policy?: LogPolicy;
  player?: string;
}

export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

/** A log's text as the engine writes it: canonical JSON and a newline, so the same game gives the
 * same bytes everywhere. One serialisation and one hash: the digest's key sorts first. */
export function createLogText(game: GameState, options: LogOptions = {}, written?: WrittenScenario): string {
  const { parts, scenario } = logParts(game, options, written);
  return parts.join(scenario.text);
}

/**
 * The same log as pieces: text, and the scenario's bytes where it is embedded. `written`, the
 * scenario written once for many games (writeScenario), is used when it is this game's scenario
 * object; a batch then writes and hashes only what differs between its logs.
 */
export function createLogPieces(game: GameState, options: LogOptions = {}, written?: WrittenScenario): (string | Uint8Array)[] {
  const { parts, scenario } = logParts(game, options, written);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [scenario.bytes, part]));
}

/** The log's text cut where its scenario goes (the scenario between every two parts). */
function logParts(game: GameState, options: LogOptions, written: WrittenScenario | undefined): { parts: string[]; scenario: WrittenScenario } {
  const scenario = written?.scenario === game.scenario ? written : writeScenario(game.scenario);
  const policy = options.policy ?? 'human';
  const player = options.player?.trim() ? options.player.trim() : undefined;
  const body = {
    format: LOG_FORMAT,
    logVersion: LOG_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: game.scenario.id, sha256: scenario.sha256, content: game.scenario },
    rules: game.rules,
    features: game.features,
    pack: game.pack,
    parameters: game.parameters,
    seed: game.seed,
    policy,
    ...(player ? { player } : {}),
    turns: game.turns,
    summary: summarize(game, policy),
  };
  // The scenario is marked by a bare NUL, which canonical JSON never writes (it escapes every
  // control character), so the text splits exactly where the scenario goes.
  const parts = canonicalJson(body, new Map([[game.scenario, SCENARIO_MARK]])).split(SCENARIO_MARK);
  const digest = sha256Pieces(parts.flatMap((part, i) => (i === 0 ? [part] : [scenario.bytes, part])));
  parts[0] = `{"digest":"${digest}",${parts[0]!.slice(1)}`;
  parts[parts.length - 1] += '\n';
  return { parts, scenario };
}

const SCENARIO_MARK = '\u0000';

export function createLog(game: GameState, options: LogOptions = {}): OutcomeLog {
  // Parsed back from its text, so the object equals what a reader parses.
  return JSON.parse(createLogText(game, options)) as OutcomeLog;
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
  return {
    intents: record.intents,
    ...(record.motions ? { motions: record.motions } : {}),
    ...(record.seats ? { seats: record.seats } : {}),
    ...(record.speakers ? { speakers: record.speakers } : {}),
  };
}
