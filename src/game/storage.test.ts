import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION, parseScenario, replayIntents, scenarioHash, type GameState, type Scenario } from './engine';
import { readSavedScenario } from './scenario-reader';
import { SAVE_KEY, SET_ASIDE_KEY, ValidatorUnavailable, loadSaved as loadSavedFrom, rebuild as rebuildFrom, saveGame, type SavedScenarios } from './storage';

function tutorial(): Scenario {
  const path = join(import.meta.dirname, '../../scenarios/tutorial.yaml');
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error('the tutorial does not parse');
  return result.scenario;
}

/** The app's sources of a save's scenario, with `shipped` standing for the build's manifest; counts
 * the validator's uses. */
function sources(shipped: Scenario[]): SavedScenarios & { reads: number } {
  const hashes = new Map(shipped.map((s) => [scenarioHash(s), s]));
  return {
    reads: 0,
    shipped: async (hash) => hashes.get(hash) ?? null,
    async read(scenario) {
      this.reads += 1;
      return readSavedScenario(scenario);
    },
  };
}

/** A localStorage of the browser's shape; `full` makes every write fail as a full quota does. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('a save from another engine, replayed', () => {
  const scenario = tutorial();
  const rebuild = (old: Partial<GameState>) => rebuildFrom(old, sources([scenario]));
  const original = replayIntents(scenario, 'nato', '1', [['consult'], []], { pack: 'sceptic' });
  // What an older engine's save keeps: the scenario, the choices and the turns' inputs.
  const old = (extra: Partial<GameState> | Record<string, unknown>): Partial<GameState> => ({ scenario, rules: 'nato', seed: '1', turns: original.turns, ...extra });

  it('keeps its parameter pack, so the replay is the game that was played', async () => {
    const game = await rebuild(old({ pack: 'sceptic' }));
    expect(game.pack).toBe('sceptic');
    expect(game.parameters).toEqual(original.parameters);
    expect(game.turns.map((t) => t.indicators)).toEqual(original.turns.map((t) => t.indicators));
  });

  it('plays a save from before packs under the scenario’s pack, else baseline', async () => {
    expect((await rebuild(old({}))).pack).toBe(scenario.pack ?? 'baseline');
    expect((await rebuild(old({ scenario: { ...scenario, pack: 'realist' } }))).pack).toBe('realist');
  });

  it('refuses a pack this engine does not know rather than replay it under another', async () => {
    await expect(rebuild(old({ pack: 'optimist' }))).rejects.toThrow(/unknown parameter pack/);
  });

  it('replays a shipped scenario as shipped, without the validator; any other only through it', async () => {
    const from = sources([scenario]);
    // Keys in another order: the same scenario canonically, so the same hash.
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>).reverse());
    const game = await rebuildFrom(old({ scenario: reordered as unknown as Scenario }), from);
    expect(from.reads).toBe(0);
    expect(game.scenario).toBe(scenario);
    const edited = { ...scenario, horizon: scenario.horizon + 1 };
    const replayed = await rebuildFrom(old({ scenario: edited }), from);
    expect(from.reads).toBe(1);
    expect(replayed.scenario.horizon).toBe(scenario.horizon + 1);
    // An edit the validator refuses is named by it, as when a file is loaded.
    await expect(rebuildFrom(old({ scenario: { ...scenario, horizon: -3 } }), from)).rejects.toMatchObject({ reason: 'scenario', message: /^saved game:\d+:\d+: .*horizon/ });
    expect(from.reads).toBe(2);
  });
});

describe('loading a save: validated, rebuilt, or set aside', () => {
  const scenario = tutorial();
  // The tutorial as another build shipped it: every save here goes through the validator.
  const loadSaved = () => loadSavedFrom(sources([]));
  const game = replayIntents(scenario, 'sco', '7', [['consult'], ['ct-cooperation']]);
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });
  const put = (value: unknown) => storage.items.set(SAVE_KEY, typeof value === 'string' ? value : JSON.stringify(value));

  it('resumes a genuine save as it was, with nothing to say', async () => {
    expect(saveGame({ game, player: 'Aigerim', locked: true })).toEqual({ ok: true });
    const loaded = await loadSaved();
    expect(loaded.notice).toBeNull();
    expect(loaded.saved?.player).toBe('Aigerim');
    expect(loaded.saved?.locked).toBe(true);
    expect(JSON.stringify(loaded.saved?.game)).toBe(JSON.stringify(game));
  });

  it('sets aside a save of the right version with an empty game, keeping its raw text (issue 14.3)', async () => {
    const raw = JSON.stringify({ v: 1, engine: ENGINE_VERSION, game: {} });
    put(raw);
    const loaded = await loadSaved();
    expect(loaded.saved).toBeNull();
    expect(loaded.notice).toMatchObject({ kind: 'dropped', reason: 'incomplete', raw });
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(raw);
    // The next load starts clean: the damaged save no longer stands in the way.
    expect(await loadSaved()).toEqual({ saved: null, notice: null });
  });

  it('sets aside text that is not JSON, or not a save of this format', async () => {
    put('{"v":1,"game":');
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'unreadable', raw: '{"v":1,"game":' });
    put({ v: 2, game: JSON.parse(JSON.stringify(game)) });
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'unreadable' });
    put([1, 2]);
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'unreadable' });
  });

  it('sets aside a save whose turns hold no list of known requests, or whose scenario no longer validates', async () => {
    const turns = JSON.parse(JSON.stringify(game.turns)) as Record<string, unknown>[];
    turns[1] = { ...turns[1], intents: ['launch-missiles'] };
    put({ v: 1, engine: ENGINE_VERSION, game: { ...JSON.parse(JSON.stringify(game)), turns } });
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'replay' });
    put({ v: 1, engine: ENGINE_VERSION, game: { ...JSON.parse(JSON.stringify(game)), turns: [null] } });
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'replay' });
    put({ v: 1, engine: ENGINE_VERSION, game: { ...JSON.parse(JSON.stringify(game)), scenario: { ...scenario, horizon: -3 } } });
    expect((await loadSaved()).notice).toMatchObject({ kind: 'dropped', reason: 'scenario' });
    put({ v: 1, engine: ENGINE_VERSION, game: { ...JSON.parse(JSON.stringify(game)), rules: 'warsaw-pact' } });
    const unknownRules = (await loadSaved()).notice;
    expect(unknownRules).toMatchObject({ kind: 'dropped', reason: 'replay' });
    expect(unknownRules?.kind === 'dropped' ? unknownRules.detail : '').not.toMatch(/Cannot read properties/);
  });

  it('rebuilds a save of this version whose state was damaged, from its own inputs', async () => {
    const damaged = JSON.parse(JSON.stringify(game)) as GameState;
    damaged.turns[0]!.indicators.cohesion = 0.99;
    delete (damaged as Partial<GameState>).alliance;
    put({ v: 1, engine: ENGINE_VERSION, game: damaged, player: 'Dana' });
    const loaded = await loadSaved();
    expect(loaded.notice).toEqual({ kind: 'repaired' });
    expect(JSON.stringify(loaded.saved?.game)).toBe(JSON.stringify(game));
    // Saved again as rebuilt: the next load has nothing to say.
    expect((await loadSaved()).notice).toBeNull();
  });

  it('replays a save from another engine version and says so', async () => {
    put({ v: 1, engine: '0.0.1', game: JSON.parse(JSON.stringify(game)), player: 'Dana' });
    const loaded = await loadSaved();
    expect(loaded.notice).toEqual({ kind: 'replayed' });
    expect(JSON.stringify(loaded.saved?.game)).toBe(JSON.stringify(game));
  });

  it('keeps a save whose validator could not be loaded, for the next load, rather than set it aside', async () => {
    saveGame({ game, player: '', locked: false });
    const raw = storage.getItem(SAVE_KEY);
    const offline: SavedScenarios = { shipped: async () => null, read: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) };
    await expect(loadSavedFrom(offline)).rejects.toBeInstanceOf(ValidatorUnavailable);
    expect(storage.getItem(SAVE_KEY)).toBe(raw);
    expect(storage.getItem(SET_ASIDE_KEY)).toBeNull();
    // A shipped scenario's save needs no validator at all.
    const shipped: SavedScenarios = { ...offline, shipped: async (hash) => (hash === scenarioHash(scenario) ? scenario : null) };
    expect((await loadSavedFrom(shipped)).notice).toBeNull();
  });

  it('reports a full storage quota instead of losing the turn silently', () => {
    storage.full = true;
    expect(saveGame({ game, player: '', locked: false })).toEqual({ ok: false, problem: 'quota' });
  });
});
