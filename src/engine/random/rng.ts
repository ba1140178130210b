// The game's only source of chance: seedrandom's alea, whose state is saved in the game
// state so that a resumed game draws the same numbers as one played without a pause.
import seedrandom from 'seedrandom';
import type { RngState } from '../game/types';

export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
  /** The generator's state, to store in the game state. */
  save(): RngState;
}

export function seedRng(seed: string): Rng {
  return wrap(seedrandom.alea(seed, { state: true }));
}

export function restoreRng(state: RngState): Rng {
  return wrap(seedrandom.alea('', { state: state as seedrandom.State.Alea }));
}

function wrap(prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>): Rng {
  return {
    next: () => prng(),
    save: () => prng.state() as unknown as RngState,
  };
}

/** A roughly normal draw (Irwin–Hall of four uniforms), mean 0 and the given spread. */
export function noise(rng: Rng, spread: number): number {
  const sum = rng.next() + rng.next() + rng.next() + rng.next();
  // Four uniforms have variance 4/12; scale to a standard deviation of `spread`.
  return ((sum - 2) / Math.sqrt(4 / 12)) * spread;
}

export function chance(rng: Rng, probability: number): boolean {
  return rng.next() < probability;
}

/** A whole number from min to max inclusive. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}

/** A uniform number in [0, 1) fixed by the seed and a name: the same in every game of that seed,
 * whatever was drawn before. Chance in the world outside the alliance (which chance events
 * happen, the adversary's luck, the toll of fighting) comes from here, so a game replayed under
 * another rule set meets the same world: only what the institutions change differs. */
export function drawAt(seed: string, ...name: (string | number)[]): number {
  return seedrandom.alea(`${seed}\u0000${name.join('\u0000')}`)();
}
