// The scenario format's words, as plain constants: the engine reads them at run time without
// loading the schema library (a batch worker stays small). schema.ts builds its enums from them.

export const SCENARIO_FORMAT_VERSION = 2;

/** The preset rule sets (src/engine/rules/features.ts, PRESET_IDS; a test keeps the two equal). */
export const RULE_SETS = ['nato', 'sco', 'csto'] as const;

/** A member's answer to a proposal. */
export const POSITIONS = ['support', 'object', 'abstain', 'stay-out'] as const;

export const LANGUAGES = ['en', 'ru', 'kk'] as const;

export const INDICATORS = [
  'escalation',
  'casualties',
  'deterrence',
  'cohesion',
  'autonomy',
  'entrapment',
  'legitimacy',
  'speed',
] as const;

export const INTENTS = [
  'consult',
  'collective-defence',
  'joint-statement',
  'ct-cooperation',
  'suspend-member',
  'act-alone',
  'de-escalate',
] as const;

export const EVENT_KINDS = [
  'terrorist-attack',
  'armed-attack',
  'cyber-attack',
  'hybrid-campaign',
  'airspace-incident',
  'unrest',
  'member-clash',
] as const;

export const CRISIS_TYPES = [
  'tutorial',
  'terrorism',
  'armed-attack',
  'cyber',
  'hybrid',
  'ambiguous-incident',
  'unrest',
  'intra-bloc-clash',
  'maritime-standoff',
] as const;

/**
 * The player policies built into the simulator (src/sim/policies.ts plays them and takes this
 * list from here; the engine may not import the simulator). They are looked up before a
 * scenario's own, so the validator refuses a scripted policy with one of these names.
 */
export const BUILT_IN_POLICIES = ['passive', 'hawk', 'dove', 'consult-first', 'random', 'scripted'] as const;
