// A turn's copy of the game's memory. Copying every member-by-member map each turn was a large
// share of a turn's time, while most turns write to few of them (contributions are asked for on
// some turns only, strain grows only as the ladder rises). So a turn's copy shares the maps with
// the game state it came from, and a map is copied the first time the turn writes to it
// (`writable`): the state played from is never changed, and the new state's maps come out the
// same, key for key and in the same order, as when every map was copied up front.
import type { GameMemory } from './types';

/** The maps a turn may write to, each through `writable`. */
export type MemoryMap = 'contributions' | 'strain' | 'acquiesced' | 'pledges' | 'excess' | 'stances';

/** Each map's bit in `owned`. */
const BIT: Record<MemoryMap, number> = { contributions: 1, strain: 2, acquiesced: 4, pledges: 8, excess: 16, stances: 32 };

/** The last turn copy made and the maps it has made its own so far. A turn's copy is written only
 * while that turn is played (playTurn, one synchronous call), and the next turn copies again, so
 * one record suffices; a memory it does not name (a new game's, or a copy a later turnMemory
 * superseded) has its maps copied before every write: never shared. A WeakMap of sets, one
 * entry per turn, cost a tenth of the memory's share of a turn. */
let current: GameMemory | null = null;
let owned = 0;

/** The turn's copy of `m`: its lists copied (openTurn and the ladder push onto them), its maps
 * shared until written. `attribution` is shared too: openTurn replaces it with a new object
 * (advanceAttribution) before it writes to it. */
export function turnMemory(m: GameMemory): GameMemory {
  // Written over a copy rather than in a literal after a spread (V8's slow path): the same keys
  // in the same order.
  const copy: GameMemory = { ...m };
  copy.firedEvents = [...m.firedEvents];
  copy.credited = [...m.credited];
  current = copy;
  owned = 0;
  return copy;
}

/** The map `key` of a turn's memory, made the turn's own (copied) before its first write. */
export function writable<K extends MemoryMap>(memory: GameMemory, key: K): GameMemory[K] {
  const mine = memory === current;
  if (mine && (owned & BIT[key]) !== 0) return memory[key];
  const copy = { ...memory[key] } as GameMemory[K];
  memory[key] = copy;
  if (mine) owned |= BIT[key];
  return copy;
}
