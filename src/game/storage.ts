// Nothing lost: the game state is saved after every turn and a reload resumes it. A save is never
// trusted as it stands: on load it is rebuilt by replaying its scenario, rule set, seed, pack and
// each turn's inputs, so a damaged or hand-edited save cannot stop the game from starting. One
// that cannot be rebuilt is set aside, its raw text kept for the player to download.
// The embedded scenario is trusted only when its hash is a shipped scenario's (validated when the
// site was built): the replay then uses the shipped scenario itself. Any other goes through the
// validator, which is loaded only then.
import { ENGINE_VERSION, INTENTS, inputOf, isPackId, replayIntents, scenarioHash, type GameState, type Scenario, type TurnRecord } from './engine';

export const SAVE_KEY = 'crisis-lab.game';
/** Where the last save that could not be restored is kept, as it was. */
export const SET_ASIDE_KEY = 'crisis-lab.game.set-aside';
const VERSION = 1;

export interface Saved {
  game: GameState;
  player: string;
  /** The game was opened from an assignment link with these choices fixed. */
  locked: boolean;
}

/** Why a save could not be restored, for the start screen to say in the player's language. */
export type DropReason = 'unreadable' | 'incomplete' | 'scenario' | 'pack' | 'replay';

/** What happened to a save on load: replayed (another engine version), repaired (this version,
 * but its state did not match its own inputs) or set aside (kept as `raw` for download). */
export type SavedNotice = { kind: 'replayed' } | { kind: 'repaired' } | { kind: 'dropped'; reason: DropReason; detail: string; raw: string };

export interface LoadedSave {
  saved: Saved | null;
  notice: SavedNotice | null;
}

/** Whether the last save reached the browser's storage; `quota` when the storage is full. */
export type SaveResult = { ok: true } | { ok: false; problem: 'quota' | 'unavailable' };

/** A save that cannot be restored, with the reason the start screen gives. */
export class SaveError extends Error {
  constructor(
    readonly reason: DropReason,
    message: string,
  ) {
    super(message);
  }
}

/** The validator a save needed could not be loaded (the network failed before the site was kept
 * offline): not the save's fault, so loadSaved rejects with it and leaves the save where it is. */
export class ValidatorUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the scenario validator could not be loaded (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

/** Whoever keeps a copy elsewhere (an LMS, src/game/lms/) hears of every save and discard. */
const saveListeners = new Set<(saved: Saved | null) => void>();
export function onSaveChange(listener: (saved: Saved | null) => void): () => void {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  // Chrome and Safari name it; older Firefox used its own name; codes 22 and 1014 are the legacy ones.
  const code = (error as { code?: number }).code;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function saveGame(saved: Saved): SaveResult {
  let result: SaveResult = { ok: true };
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ v: VERSION, engine: ENGINE_VERSION, ...saved }));
  } catch (error) {
    result = { ok: false, problem: isQuotaError(error) ? 'quota' : 'unavailable' };
  }
  for (const listener of saveListeners) listener(saved);
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const KNOWN_INTENTS = new Set<string>(INTENTS);

/** A turn record whose inputs can be played again: known intents (motions and seats are the
 * engine's to check). */
function isReplayableTurn(record: unknown): record is TurnRecord {
  return isRecord(record) && Array.isArray(record.intents) && record.intents.every((i) => typeof i === 'string' && KNOWN_INTENTS.has(i));
}

/** Where a save's scenario is read from: the shipped one with the same hash, else the validator. */
export interface SavedScenarios {
  /** The shipped scenario whose scenarioHash is `hash`, or null. */
  shipped(hash: string): Promise<Scenario | null>;
  /** An embedded scenario read again as a file would be (older formats migrated). */
  read(scenario: unknown): Promise<{ ok: true; scenario: Scenario } | { ok: false; message: string }>;
}

/** The scenario to replay a save with: the shipped one when the save's is byte for byte one of
 * them (canonically), else the save's own as the validator reads it. */
async function savedScenario(scenario: Record<string, unknown>, scenarios: SavedScenarios): Promise<Scenario> {
  let hash: string | null = null;
  try {
    hash = scenarioHash(scenario as unknown as Scenario);
  } catch {
    // Not canonical JSON (cannot happen after JSON.parse, but a save is not trusted): the validator says why.
  }
  const shipped = hash === null ? null : await scenarios.shipped(hash);
  if (shipped) return shipped;
  let read: Awaited<ReturnType<SavedScenarios['read']>>;
  try {
    read = await scenarios.read(scenario);
  } catch (error) {
    throw new ValidatorUnavailable(error);
  }
  if (!read.ok) throw new SaveError('scenario', read.message);
  return read.scenario;
}

/** The game a save describes, replayed from its scenario (a shipped one by hash, else read again,
 * older formats migrated), rule set, seed, parameter pack and each turn's inputs. A save from
 * before packs has none and plays under the scenario's (else baseline); one naming a pack this
 * engine does not know cannot be replayed as it was played. Rejects with a SaveError when it
 * cannot be rebuilt. */
export async function rebuild(old: Partial<GameState>, scenarios: SavedScenarios): Promise<GameState> {
  if (!isRecord(old.scenario) || typeof old.rules !== 'string' || typeof old.seed !== 'string' || !Array.isArray(old.turns)) {
    throw new SaveError('incomplete', 'the save lacks its scenario, rules, seed or turns');
  }
  const pack: unknown = old.pack;
  if (pack !== undefined && (typeof pack !== 'string' || !isPackId(pack))) throw new SaveError('pack', `the save names an unknown parameter pack (${String(pack)})`);
  if (!old.turns.every(isReplayableTurn)) throw new SaveError('replay', 'a turn of the save has no list of known requests');
  const scenario = await savedScenario(old.scenario, scenarios);
  try {
    return replayIntents(scenario, old.rules, old.seed, old.turns.map(inputOf), pack === undefined ? {} : { pack });
  } catch (error) {
    // The engine refused the rule set or a turn: named, never shown as an internal error.
    throw new SaveError('replay', error instanceof Error && !(error instanceof TypeError) ? error.message : 'its turns cannot be played again');
  }
}

/** Keeps a save that cannot be restored out of the way (it would fail on every load), as it was. */
function setAside(raw: string, reason: DropReason, detail: string): LoadedSave {
  try {
    localStorage.setItem(SET_ASIDE_KEY, raw);
  } catch {
    // Storage full: the raw text still travels in the notice, for download this once.
  }
  clearSaved();
  return { saved: null, notice: { kind: 'dropped', reason, detail, raw } };
}

export async function loadSaved(scenarios: SavedScenarios): Promise<LoadedSave> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(SAVE_KEY);
  } catch {
    return { saved: null, notice: null };
  }
  if (!raw) return { saved: null, notice: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return setAside(raw, 'unreadable', 'not JSON');
  }
  if (!isRecord(data) || data.v !== VERSION || !isRecord(data.game)) return setAside(raw, 'unreadable', 'not a saved game of this format');
  const player = typeof data.player === 'string' ? data.player.slice(0, 80) : '';
  const locked = data.locked === true;
  let game: GameState;
  try {
    game = await rebuild(data.game as Partial<GameState>, scenarios);
  } catch (error) {
    if (error instanceof ValidatorUnavailable) throw error;
    if (error instanceof SaveError) return setAside(raw, error.reason, error.message);
    return setAside(raw, 'replay', 'its turns cannot be played again');
  }
  const saved: Saved = { game, player, locked };
  if (data.engine !== ENGINE_VERSION) {
    saveGame(saved);
    return { saved, notice: { kind: 'replayed' } };
  }
  // Same engine: the replay is the saved state itself unless the save was damaged or edited.
  if (JSON.stringify(data.game) === JSON.stringify(game)) return { saved, notice: null };
  saveGame(saved);
  return { saved, notice: { kind: 'repaired' } };
}

export function clearSaved(): void {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch {
    // nothing to clear
  }
  for (const listener of saveListeners) listener(null);
}
