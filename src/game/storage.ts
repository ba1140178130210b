// Nothing lost: the game state is saved after every turn and a reload resumes it.
import { ENGINE_VERSION, formatProblem, inputOf, isPackId, parseScenario, replayIntents, type GameState } from './engine';

const KEY = 'crisis-lab.game';
const VERSION = 1;

export interface Saved {
  game: GameState;
  player: string;
  /** The game was opened from an assignment link with these choices fixed. */
  locked: boolean;
}

/** What happened to a save from another engine version, for the start screen to say. */
export type SavedNotice = { kind: 'replayed' } | { kind: 'dropped'; reason: string };

export interface LoadedSave {
  saved: Saved | null;
  notice: SavedNotice | null;
}

/** Whoever keeps a copy elsewhere (an LMS, src/game/lms/) hears of every save and discard. */
const saveListeners = new Set<(saved: Saved | null) => void>();
export function onSaveChange(listener: (saved: Saved | null) => void): () => void {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}

export function saveGame(saved: Saved): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ v: VERSION, engine: ENGINE_VERSION, ...saved }));
  } catch (error) {
    console.warn('Could not save the game', error);
  }
  for (const listener of saveListeners) listener(saved);
}

/** A state this engine wrote: it names its rule set's features and its parameter pack, and
 * carries the machine's snapshot. */
function isCurrentShape(game: Partial<GameState>): boolean {
  return (
    typeof game.rules === 'string' &&
    typeof game.features === 'object' &&
    game.features !== null &&
    typeof game.alliance === 'object' &&
    Array.isArray(game.turns) &&
    typeof game.pack === 'string' &&
    isPackId(game.pack) &&
    typeof game.parameters === 'object' &&
    game.parameters !== null
  );
}

/** A game saved by another engine: its scenario read again (older formats are migrated), then
 * replayed from its rule set, seed, parameter pack and each turn's inputs. A save from before
 * packs has none and plays under the scenario's (else baseline); one naming a pack this engine
 * does not know cannot be replayed as it was played. Throws when it cannot be. */
export function rebuild(old: Partial<GameState>): GameState {
  if (!old.scenario || typeof old.rules !== 'string' || typeof old.seed !== 'string' || !Array.isArray(old.turns)) throw new Error('the save lacks its scenario, rules, seed or turns');
  const pack: unknown = old.pack;
  if (pack !== undefined && (typeof pack !== 'string' || !isPackId(pack))) throw new Error(`the save names an unknown parameter pack (${String(pack)})`);
  const parsed = parseScenario(JSON.stringify(old.scenario), 'saved game');
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('; '));
  return replayIntents(parsed.scenario, old.rules, old.seed, old.turns.map(inputOf), pack === undefined ? {} : { pack });
}

export function loadSaved(): LoadedSave {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return { saved: null, notice: null };
  }
  if (!raw) return { saved: null, notice: null };
  try {
    const data = JSON.parse(raw) as { v?: number; engine?: string } & Partial<Omit<Saved, 'game'>> & { game?: Partial<GameState> };
    if (data.v !== VERSION || !data.game || typeof data.game !== 'object') throw new Error('not a saved game of this format');
    const player = typeof data.player === 'string' ? data.player : '';
    const locked = data.locked === true;
    if (data.engine === ENGINE_VERSION && isCurrentShape(data.game)) return { saved: { game: data.game as GameState, player, locked }, notice: null };
    // Saved by another engine version: its state may not fit this engine, so the game is
    // rebuilt from its scenario, rules, seed and the inputs played so far, and saved again.
    const saved: Saved = { game: rebuild(data.game), player, locked };
    saveGame(saved);
    return { saved, notice: { kind: 'replayed' } };
  } catch (error) {
    clearSaved();
    return { saved: null, notice: { kind: 'dropped', reason: error instanceof Error ? error.message : String(error) } };
  }
}

export function clearSaved(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
  for (const listener of saveListeners) listener(null);
}
