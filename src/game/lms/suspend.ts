// What the LMS keeps between sessions (cmi.suspend_data, at most 4,096 characters in SCORM
// 1.2): the seed, the intents of every turn played and a hash of the game they give. The game
// is rebuilt by replaying them, as a saved game of another engine is (src/game/storage.ts).
// Where the package does not fix them, the scenario's id, the rule set and the parameter pack
// are added, since the game cannot be found without them.
import { DEFAULT_PACK, INTENTS, createLog, isPackId, replayIntents, type GameState, type IntentId, type PackId, type Scenario } from '../engine';

/** SCORM 1.2's limit for cmi.suspend_data (CMIString4096). */
export const SUSPEND_LIMIT = 4096;
const FORMAT = '1';

/** What the package fixes; a saved game names only what differs. */
export interface SuspendDefaults {
  scenario: string | null;
  rules: string | null;
  pack: PackId | null;
}

export interface Suspended {
  seed: string;
  intents: IntentId[][];
  hash: string;
  scenario: string | null;
  rules: string | null;
  pack: PackId | null;
}

/** Why a kept game cannot be resumed. The game's notes say it in the player's language
 * (`lms.why.<code>`); the error's own message, in English, is for the console. */
export type ResumeProblem = 'format' | 'incomplete' | 'pack' | 'intents' | 'no-scenario' | 'scenario-missing' | 'no-rules' | 'replay';

export class ResumeError extends Error {
  constructor(
    readonly problem: ResumeProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Sixteen hex digits of the outcome log's SHA-256 digest: equal games, equal hashes. */
export function gameHash(game: GameState): string {
  return createLog(game).digest.slice(0, 16);
}

/** One letter per intent (a = consult, b = collective-defence, …), each turn closed by a dot. */
export function encodeIntents(turns: readonly (readonly IntentId[])[]): string {
  return turns.map((intents) => intents.map((i) => String.fromCharCode(97 + INTENTS.indexOf(i))).join('') + '.').join('');
}

export function decodeIntents(text: string): IntentId[][] {
  if (text === '') return [];
  if (!text.endsWith('.')) throw new ResumeError('intents', 'the intents are cut short');
  return text
    .slice(0, -1)
    .split('.')
    .map((turn) =>
      [...turn].map((letter) => {
        const intent = INTENTS[letter.charCodeAt(0) - 97];
        if (!intent) throw new ResumeError('intents', `unknown intent letter “${letter}”`);
        return intent;
      }),
    );
}

/** The pack a game gets when nothing is chosen: the package's, else the scenario's, else baseline. */
function impliedPack(defaults: SuspendDefaults, scenario: Scenario): PackId {
  return defaults.pack ?? scenario.pack ?? DEFAULT_PACK;
}

export function encodeSuspend(game: GameState, defaults: SuspendDefaults): string {
  const params = new URLSearchParams();
  params.set('v', FORMAT);
  if (game.scenario.id !== defaults.scenario) params.set('c', game.scenario.id);
  if (game.rules !== defaults.rules) params.set('r', game.rules);
  if (game.pack !== impliedPack(defaults, game.scenario)) params.set('p', game.pack);
  params.set('s', game.seed);
  params.set('i', encodeIntents(game.turns.map((t) => t.intents)));
  params.set('h', gameHash(game));
  const text = params.toString();
  if (text.length > SUSPEND_LIMIT) throw new Error(`the saved game needs ${text.length} characters; SCORM 1.2 keeps ${SUSPEND_LIMIT}`);
  return text;
}

export function decodeSuspend(text: string): Suspended {
  const params = new URLSearchParams(text);
  if (params.get('v') !== FORMAT) throw new ResumeError('format', 'not a saved game of this format');
  const seed = params.get('s');
  const hash = params.get('h');
  const intents = params.get('i');
  if (!seed || !hash || intents === null) throw new ResumeError('incomplete', 'the saved game lacks its seed, intents or hash');
  const pack = params.get('p');
  if (pack !== null && !isPackId(pack)) throw new ResumeError('pack', `unknown parameter pack “${pack}”`);
  return { seed, intents: decodeIntents(intents), hash, scenario: params.get('c'), rules: params.get('r'), pack };
}

export interface Resumed {
  game: GameState;
  /** False when the replayed game differs from the one saved (another engine version made it). */
  sameGame: boolean;
}

/** Replays a saved game. `find` gives a scenario by id (the package's or a shipped one). */
export function resumeSuspended(saved: Suspended, defaults: SuspendDefaults, find: (id: string) => Scenario | null): Resumed {
  const id = saved.scenario ?? defaults.scenario;
  if (!id) throw new ResumeError('no-scenario', 'the saved game does not name its scenario');
  const scenario = find(id);
  if (!scenario) throw new ResumeError('scenario-missing', `scenario “${id}” is not in this package`);
  const rules = saved.rules ?? defaults.rules;
  if (!rules) throw new ResumeError('no-rules', 'the saved game does not name its rule set');
  const game = replayIntents(scenario, rules, saved.seed, saved.intents, { pack: saved.pack ?? impliedPack(defaults, scenario) });
  return { game, sameGame: gameHash(game) === saved.hash };
}
