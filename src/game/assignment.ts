// The assignment link: ?scenario=<id or URL>&rules=sco&seed=42&pack=sceptic&lock=1. `rules` is
// any rule set the scenario resolves: a preset, one the scenario defines, or a design-lab spec
// such as `sco+commitment=automatic`. It is checked against the scenario once that is loaded.
// `pack` names the reading of the research (a parameter pack); the start screen checks it.
import { DEFAULT_PACK, isPackId, type PackId } from './engine';

export interface Assignment {
  scenario: string | null;
  rules: string | null;
  seed: string | null;
  /** The parameter pack as written in the link, known or not. */
  pack: string | null;
  lock: boolean;
}

export function readAssignment(search: string): Assignment {
  const params = new URLSearchParams(search);
  // A '+' in a query string reads as a space; a rule-set spec has no spaces, so they were '+'.
  const rules = params.get('rules')?.trim().replace(/\s+/g, '+') ?? null;
  const seed = params.get('seed');
  const pack = params.get('pack')?.trim().toLowerCase() ?? null;
  return {
    scenario: params.get('scenario') || null,
    rules: rules ? rules.slice(0, 400) : null,
    seed: seed !== null && seed.trim() !== '' ? seed.trim().slice(0, 64) : null,
    pack: pack ? pack.slice(0, 40) : null,
    lock: params.get('lock') === '1' || params.get('lock') === 'true',
  };
}

/** A seed for the UI to offer; the engine itself never draws from Math.random. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}

/** The pack a game would be played under: one an instructor's locked link fixes, else the
 * student's pick, else the link's, else the scenario's own, else baseline. */
export function chosenPack(picked: PackId | null, linked: string | null, scenarioPack: PackId | undefined, locked: boolean): PackId {
  const fromLink = linked !== null && isPackId(linked) ? linked : null;
  if (locked && fromLink) return fromLink;
  return picked ?? fromLink ?? scenarioPack ?? DEFAULT_PACK;
}
