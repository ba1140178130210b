// A turn's copy of the game's memory. Copying every member-by-member map each turn was a large
// share of a turn's time, while most turns write to few of them (contributions are asked for on
// some turns only, strain grows only as the ladder rises). So a turn's copy shares the maps with
// the game state it came from, and a map is copied the first time the turn writes to it
// (`writable`): the state played from is never changed, and the new state's maps come out the
// same, key for key and in the same order, as when every map was copied up front.
import type { GameMemory } from './types';

/** The maps a turn may write to, each through `writable`. */
export type MemoryMap = 'contributions' | 'strain' | 'acquiesced' | 'pledges' | 'excess' | 'stances';

/** The maps each turn's copy has made its own so far. A memory not made by turnMemory (a new
 * game's) is never listed, so its maps are always copied before a write: never shared. */
const owned = new WeakMap<GameMemory, Set<MemoryMap>>();

/** The turn's copy of `m`: its lists copied (openTurn and the ladder push onto them), its maps
 * shared until written. `attribution` is shared too: openTurn replaces it with a new object
 * (advanceAttribution) before it writes to it. */
export function turnMemory(m: GameMemory): GameMemory {
  const copy: GameMemory = { ...m, firedEvents: [...m.firedEvents], credited: [...m.credited] };
  owned.set(copy, new Set());
  return copy;
}

/** The map `key` of a turn's memory, made the turn's own (copied) before its first write. */
export function writable<K extends MemoryMap>(memory: GameMemory, key: K): GameMemory[K] {
  const mine = owned.get(memory);
  if (mine?.has(key)) return memory[key];
  const copy = { ...memory[key] } as GameMemory[K];
  memory[key] = copy;
  mine?.add(key);
  return copy;
}
