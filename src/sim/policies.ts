// Built-in player policies for headless games: bots that pick intents each turn from what the
// rule set allows. They read the game as a player would; they never change it.
import { intentOptions } from '../engine/index';
import type { GameState, TurnInput } from '../engine/index';
import { seedRng } from '../engine/index';
import type { IntentId, Scenario, ScriptedPolicy } from '../engine/index';
import { BUILT_IN_POLICIES, INTENTS } from '../engine/index';

export interface PlayerPolicy {
  name: string;
  /** The player's intents this turn, or a full input with others' motions (scripted policies). */
  choose(game: GameState): IntentId[] | TurnInput;
}

/** The built-in policies' names live with the scenario format, so the validator refuses them as a
 * scripted policy's name without importing the simulator. */
export const POLICY_NAMES = BUILT_IN_POLICIES;

function available(game: GameState): Set<IntentId> {
  return new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
}

const attacked = (game: GameState) => game.memory.firedEvents.length > 0;
const pick = (can: Set<IntentId>, wanted: IntentId[]) => wanted.filter((i) => can.has(i));

/** Does nothing: the baseline every other policy is compared with. */
const passive = (): PlayerPolicy => ({ name: 'passive', choose: () => [] });

/** Asks for the strongest collective measure at once and strikes back. */
const hawk = (): PlayerPolicy => ({
  name: 'hawk',
  choose(game) {
    if (!attacked(game)) return [];
    return pick(available(game), ['collective-defence', 'suspend-member', 'act-alone', 'joint-statement']);
  },
});

/** Talks, seeks common words and lowers the temperature. */
const dove = (): PlayerPolicy => ({
  name: 'dove',
  choose(game) {
    if (!attacked(game)) return [];
    const wanted: IntentId[] = ['consult', 'joint-statement'];
    if (game.scenario.adversary.kind === 'group') wanted.push('ct-cooperation');
    if (game.indicators.escalation > 1.5) wanted.push('de-escalate');
    return pick(available(game), wanted);
  },
});

/** Consults first, then asks for more as the evidence and the danger grow (the 2001 and 2022 pattern). */
const consultFirst = (): PlayerPolicy => {
  let consulted = false;
  return {
    name: 'consult-first',
    choose(game) {
      if (!attacked(game)) return [];
      const can = available(game);
      if (!consulted) {
        consulted = true;
        return pick(can, ['consult']);
      }
      const wanted: IntentId[] = [];
      if (game.scenario.adversary.kind === 'group') wanted.push('ct-cooperation');
      if (game.indicators.escalation >= 3) wanted.push('collective-defence');
      else wanted.push('joint-statement');
      return pick(can, wanted);
    },
  };
};

/** Each available intent with a fixed chance, from its own generator so the game's dice are untouched. */
const random = (seed: string): PlayerPolicy => {
  const rng = seedRng(`${seed}:policy`);
  return {
    name: 'random',
    choose(game) {
      const can = available(game);
      return INTENTS.filter((i) => can.has(i) && rng.next() < 0.3);
    },
  };
};

/** The intents written in a scenario's policy (e.g. `historical`) or a policy file, turn by turn;
 * an intent the rules do not allow at that moment is skipped. */
export function scriptedPolicy(name: string, script: ScriptedPolicy): PlayerPolicy {
  return {
    name,
    choose(game) {
      const can = available(game);
      const turn = script.turns.find((t) => t.turn === game.turn);
      if (!turn) return [];
      const intents = INTENTS.filter((i) => turn.intents.includes(i) && can.has(i));
      // A motion goes ahead when the rules take its request now and nobody asks for it first.
      const asked = new Set<IntentId>(intents);
      const motions = (turn.motions ?? []).filter((m) => {
        if (!can.has(m.intent) || asked.has(m.intent)) return false;
        asked.add(m.intent);
        return true;
      });
      return motions.length > 0 ? { intents, motions } : intents;
    },
  };
}

/** A policy by name: a built-in, or a scripted policy of the scenario (`scripted` takes its first). */
export function policyByName(name: string, scenario: Scenario, seed: string): PlayerPolicy {
  switch (name) {
    case 'passive':
      return passive();
    case 'hawk':
      return hawk();
    case 'dove':
      return dove();
    case 'consult-first':
      return consultFirst();
    case 'random':
      return random(seed);
  }
  const scripts = scenario.policies;
  if (name === 'scripted') {
    const first = Object.keys(scripts).sort()[0];
    if (!first) throw new Error(`scenario ${scenario.id} has no scripted policy`);
    return scriptedPolicy(first, scripts[first]!);
  }
  // Own names only: `constructor` or `toString` is an unknown policy, not the object's own machinery.
  const script = Object.prototype.hasOwnProperty.call(scripts, name) ? scripts[name] : undefined;
  if (script) return scriptedPolicy(name, script);
  const known = [...POLICY_NAMES, ...Object.keys(scripts)].join(', ');
  throw new Error(`unknown policy "${name}"; known: ${known}, or a policy file`);
}
