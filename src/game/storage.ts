// Nothing lost: the game state is saved after every turn and a reload resumes it.
import type { GameState } from './engine';

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
    localStorage.setItem(KEY, JSON.stringify({ v: VERSION, ...saved }));
  } catch (error) {
    console.warn('Could not save the game', error);
  }
}

export function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const data = JSON.parse(raw) as { v?: number } & Partial<Saved>;
    if (data.v !== VERSION || !data.game || typeof data.game !== 'object') return null;
    return { game: data.game, player: typeof data.player === 'string' ? data.player : '', locked: data.locked === true };
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
