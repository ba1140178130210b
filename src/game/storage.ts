// Nothing lost: the game state is saved after every turn and a reload resumes it.
import { ENGINE_VERSION, replayIntents, type GameState } from './engine';

const KEY = 'crisis-lab.game';
const VERSION = 1;

export interface Saved {
  game: GameState;
  player: string;
  /** The game was opened from an assignment link with these choices fixed. */
  locked: boolean;
}

export function saveGame(saved: Saved): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ v: VERSION, engine: ENGINE_VERSION, ...saved }));
  } catch (error) {
    console.warn('Could not save the game', error);
  }
}

export function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const data = JSON.parse(raw) as { v?: number; engine?: string } & Partial<Saved>;
    if (data.v !== VERSION || !data.game || typeof data.game !== 'object') return null;
    let game = data.game;
    if (data.engine !== ENGINE_VERSION) {
      // Saved by another engine version: its state may not fit this engine, so the game is
      // rebuilt from its scenario, rules, seed and the intents played so far.
      game = replayIntents(game.scenario, game.rules, game.seed, game.turns.map((t) => t.intents));
    }
    return { game, player: typeof data.player === 'string' ? data.player : '', locked: data.locked === true };
  } catch {
    return null;
  }
}

export function clearSaved(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
