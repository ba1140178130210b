// Tampering: change any one field of an outcome log and verifyLog refuses it with a reason;
// foreign JSON is refused with a reason; a log whose digest was recomputed after a change is
// still refused, because the replay differs (and the reason names the turn). The text is read
// strictly (no repeated key, no __proto__, numbers as the engine writes them, bounded nesting);
// a signature ties a log to a server's key; the policy and player fields are typed; and an edit of
// the embedded scenario alone is either refused by the validator's checks or shows in its hash.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLog, logText, replayIntents, scenarioHash, type OutcomeLog } from '../src/engine/log/outcome-log';
import { verifyLog, verifyLogText, verifyLogTextAsync } from '../src/engine/log/verify-log';
import { webCryptoSha256 } from '../src/engine/log/web-sha256';
import { REFUSAL_CODES } from '../src/engine/log/refusal';
import { keyFingerprint, publicKeyOf, signLog } from '../src/engine/log/signature';
import { scoreOf } from '../src/engine/game/indicators';
import { canonicalJson, pureSha256, sha256Hex } from '../src/engine/log/canonical';
import { ENGINE_VERSION } from '../src/engine/version';
import { PRESETS } from '../src/engine/rules/features';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, Scenario } from '../src/engine/scenario/schema';

/** A shipped scenario by id; a broken one fails with every problem's line and column. */
const load = (name: string): Scenario => loadScenarioFile(`scenarios/${name}.yaml`);

const SCENARIOS = { terror: load('terror-attack-member'), frontier: load('frontier-armed-attack') };

/** A game that asks for what is offered from a short list, so the log has decisions and several turns. */
function play(scenario: Scenario, rules: string, seed: string): GameState {
  const wish: IntentId[][] = [['consult'], ['joint-statement'], ['collective-defence', 'ct-cooperation'], [], ['de-escalate']];
  let game = newGame(scenario, rules, seed);
  while (!game.result) {
    const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
    game = playTurn(game, (wish[game.turn - 1] ?? []).filter((i) => offered.has(i)));
  }
  return game;
}

/** A fresh deep copy of a log, as a reader would parse it. */
const copy = (log: OutcomeLog): OutcomeLog => JSON.parse(logText(log)) as OutcomeLog;

/** Recompute the digest of a changed log, as a careful forger would (over all but digest and signature). */
function resign<L extends OutcomeLog>(log: L): L {
  const { digest: _old, signature: _signature, ...body } = log;
  return { ...log, digest: sha256Hex(canonicalJson(body)) };
}

function refused(input: unknown): string {
  const verdict = verifyLog(input);
  if (verdict.ok) throw new Error('verifyLog accepted a changed log');
  expect(typeof verdict.reason).toBe('string');
  expect(verdict.reason.length).toBeGreaterThan(10);
  // Every refusal carries a stable code beside its English reason, for the page to word.
  expect(REFUSAL_CODES).toContain(verdict.code);
  return verdict.reason;
}

const logs: Record<string, OutcomeLog> = {};
beforeAll(() => {
  // Long enough games (at least three turns, a decision and a sitting with members' positions) so
  // there is something to change in the middle.
  for (const [name, sc] of Object.entries(SCENARIOS)) {
    for (const rules of ['nato', 'sco', 'csto', 'sco+commitment=automatic']) {
      for (let i = 0; ; i++) {
        const game = play(sc, rules, `tamper-${i}`);
        if (game.turns.length >= 3 && game.turns.some((t) => t.decisions.length > 0) && game.turns.some((t) => t.sittings.length > 0)) {
          logs[`${name}/${rules}`] = createLog(game, { policy: 'human', player: 'Student' });
          break;
        }
      }
    }
  }
});

describe.each(['terror/nato', 'terror/sco', 'terror/csto', 'frontier/nato', 'frontier/sco', 'frontier/csto', 'frontier/sco+commitment=automatic'])('a log of %s', (which) => {
  const log = () => copy(logs[which]!);

  it('is accepted untouched, and again after a trip through JSON text', () => {
    expect(verifyLog(log())).toMatchObject({ ok: true });
  });

  const edits: [string, (l: OutcomeLog) => void, RegExp][] = [
    ['a number in a turn\'s indicators', (l) => (l.turns[1]!.indicators.escalation += 0.1), /digest/],
    ['the casualties of a turn', (l) => (l.turns[0]!.indicators.casualties += 1), /digest/],
    ['an intent', (l) => (l.turns[1]!.intents = [...l.turns[1]!.intents, 'act-alone']), /digest/],
    ['a member position', (l) => {
      const [intent, positions] = Object.entries(l.turns.find((t) => Object.keys(t.positions).length > 0)?.positions ?? {})[0] ?? [];
      if (!intent || !positions) throw new Error('no positions in this log');
      const m = Object.keys(positions).find((k) => positions[k] !== 'object')!;
      positions[m] = 'object';
    }, /digest/],
    ['a decision\'s rule', (l) => {
      const d = l.turns.flatMap((t) => t.decisions)[0];
      if (!d) throw new Error('no decision in this log');
      d.rule = d.rule.startsWith('N') ? 'S1' : 'N1';
    }, /digest/],
    ['the adversary\'s move', (l) => (l.turns[0]!.adversary = l.turns[0]!.adversary === 'hold' ? 'escalate' : 'hold'), /digest/],
    ['the seed', (l) => (l.seed = `${l.seed}x`), /digest/],
    ['the rules', (l) => (l.rules = l.rules === 'nato' ? 'sco' : 'nato'), /digest/],
    ['a feature', (l) => (l.features.council = l.features.council === 'nac' ? 'cfm' : 'nac'), /digest/],
    ['the policy', (l) => (l.policy = 'hawk'), /digest/],
    ['the player name', (l) => (l.player = 'Someone else'), /digest/],
    ['a summary score', (l) => (l.summary.score += 1), /digest/],
    ['the summary result', (l) => (l.summary.result = l.summary.result === 'war' ? 'resolved' : 'war'), /digest/],
    ['the summary days to the first collective measure', (l) => (l.summary.daysToFirstCollectiveMeasure = (l.summary.daysToFirstCollectiveMeasure ?? 0) + 1), /digest/],
    ['the scenario content', (l) => (l.scenario.content.adversary.resolve = l.scenario.content.adversary.resolve / 2), /digest/],
    ['the scenario hash', (l) => (l.scenario.sha256 = '0'.repeat(64)), /digest/],
    ['the scenario id', (l) => (l.scenario.id = 'another-scenario'), /digest/],
    ['the digest', (l) => (l.digest = l.digest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))), /digest/],
    ['a dropped turn', (l) => l.turns.pop(), /digest/],
    ['the engine version', (l) => (l.engineVersion = '0.0.1-other'), /engine version 0\.0\.1-other/],
    ['the log format version', (l) => (l.logVersion = 99), /version 99/],
    ['the format', (l) => ((l as { format: string }).format = 'something-else'), /not an outcome log/],
  ];

  it.each(edits)('is refused with a reason when %s changes', (_name, edit, reason) => {
    const l = log();
    edit(l);
    expect(refused(l)).toMatch(reason);
  });

  it('names the engine version that made a log from another version', () => {
    const l = log();
    l.engineVersion = '9.9.9';
    const verdict = verifyLog(l);
    expect(verdict).toMatchObject({ ok: false, engineVersion: '9.9.9' });
    expect(ENGINE_VERSION).not.toBe('9.9.9');
  });

  it('is refused when any one leaf of the log changes (property over every field)', () => {
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else leaves.push(path);
    };
    walk(log(), []);
    expect(leaves.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.nat({ max: leaves.length - 1 }), (i) => {
        const l = log() as unknown as Record<string | number, unknown>;
        const path = leaves[i]!;
        let parent = l as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        const v = parent[last];
        parent[last] = typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}~` : typeof v === 'boolean' ? !v : 0;
        refused(l);
      }),
      { numRuns: 80, seed: 3 },
    );
  });
});

describe('a forger who recomputes the digest', () => {
  const base = () => copy(logs['frontier/nato']!);

  it('changing an intent to another one the engine offered is refused: the replay differs at that turn', () => {
    const original = base();
    const scenario = original.scenario.content;
    const byTurn = original.turns.map((t) => t.intents);
    // Find a turn where another intent was on offer, and ask for it instead.
    for (let k = 1; k <= original.turns.length; k++) {
      const before = replayIntents(scenario, original.rules, original.seed, byTurn.slice(0, k - 1));
      if (before.result) break;
      const offered = intentOptions(before).filter((o) => o.available && !byTurn[k - 1]!.includes(o.intent) && o.intent !== 'act-alone');
      for (const alt of offered) {
        const intents = byTurn.map((t, i) => (i === k - 1 ? [...t, alt.intent] : t));
        // A careful forger keeps the later turns playable (a request still under way would make them fail).
        try {
          replayIntents(scenario, original.rules, original.seed, intents);
        } catch {
          continue;
        }
        const forged = base();
        forged.turns[k - 1]!.intents = intents[k - 1]!;
        expect(refused(resign(forged))).toBe(`the replay differs from the log at turn ${k}`);
        return;
      }
    }
    throw new Error('no turn offered another intent');
  });

  it('changing an intent to one not on offer is refused as a failed replay', () => {
    const forged = base();
    forged.turns[0]!.intents = ['suspend-member']; // NATO has no suspension clause
    expect(refused(resign(forged))).toMatch(/replay/);
  });

  it('changing a number in a turn\'s indicators is refused: the replay differs at that turn', () => {
    const forged = base();
    const k = forged.turns.length >= 2 ? 2 : 1;
    forged.turns[k - 1]!.indicators.deterrence = Math.min(1, forged.turns[k - 1]!.indicators.deterrence + 0.05);
    expect(refused(resign(forged))).toBe(`the replay differs from the log at turn ${k}`);
  });

  it('changing a decision is refused: the replay differs at that turn', () => {
    const forged = base();
    const t = forged.turns.find((x) => x.decisions.length > 0)!;
    t.decisions[0]!.outcome = t.decisions[0]!.outcome === 'blocked' ? 'adopted' : 'blocked';
    expect(refused(resign(forged))).toBe(`the replay differs from the log at turn ${t.turn}`);
  });

  it('dropping the last turn is refused (the summary no longer matches the replay)', () => {
    const forged = base();
    forged.turns.pop();
    expect(refused(resign(forged))).toMatch(/replay/);
  });

  it('dropping a middle turn is refused at that turn', () => {
    const forged = base();
    const [gone] = forged.turns.splice(1, 1);
    expect(refused(resign(forged))).toBe(`the replay differs from the log at turn ${gone!.turn}`);
  });

  it('changing only the summary is refused (the replay gives another log)', () => {
    const forged = base();
    forged.summary.score = forged.summary.score > 50 ? 1 : 99;
    expect(refused(resign(forged))).toMatch(/replay gives a different log/);
  });

  it('changing the seed is refused', () => {
    const forged = base();
    forged.seed = `${forged.seed}-forged`;
    expect(refused(resign(forged))).toMatch(/replay/);
  });

  it('changing the rule set alone is refused: the features the log records are not that rule set\'s', () => {
    const forged = base();
    forged.rules = 'sco';
    expect(refused(resign(forged))).toBe('the log\'s institutional features are not those of rule set "sco"');
  });

  it('changing one feature alone is refused the same way', () => {
    const forged = base();
    forged.features.command = 'none';
    expect(refused(resign(forged))).toBe('the log\'s institutional features are not those of rule set "nato"');
  });

  it('changing the rule set and its features together is refused because the replay differs', () => {
    for (const [rules, features] of [['sco', PRESETS.sco], ['nato+council=cfm', { ...PRESETS.nato, council: 'cfm' }]] as const) {
      const forged = base();
      forged.rules = rules;
      forged.features = { ...features };
      expect(refused(resign(forged)), rules).toMatch(/replay/);
    }
  });

  it('a rule set that cannot be played is refused with the reason', () => {
    const forged = base();
    forged.rules = 'nato+council=parliament';
    expect(refused(resign(forged))).toMatch(/rule set cannot be played: .*council has no value "parliament"/);
  });

  it('changing who moved a motion is refused: the replay differs at that turn', () => {
    const scenario = base().scenario.content;
    let game = newGame(scenario, 'nato', 'motion');
    game = playTurn(game, { intents: ['consult'], motions: [{ by: 'POL', intent: 'joint-statement' }] });
    while (!game.result) game = playTurn(game, []);
    const log = copy(createLog(game));
    expect(verifyLog(log)).toMatchObject({ ok: true });
    log.turns[0]!.motions = [{ by: 'DEU', intent: 'joint-statement' }];
    expect(refused(resign(log))).toBe('the replay differs from the log at turn 1');
  });

  it('changing the scenario content without its hash is refused for the hash', () => {
    const forged = base();
    forged.scenario.content.adversary.resolve = 0.01;
    expect(refused(resign(forged))).toMatch(/SHA-256/);
  });

  it('changing the scenario content and its hash is refused because the replay differs', () => {
    const forged = base();
    forged.scenario.content.adversary.resolve = 0.01;
    forged.scenario.content.states = forged.scenario.content.states.map((s) => ({ ...s, profile: { ...s.profile, ties: {}, threat: {} } }));
    forged.scenario.sha256 = sha256Hex(canonicalJson(forged.scenario.content));
    expect(refused(resign(forged))).toMatch(/replay/);
  });

  it('an invalid scenario inside a signed log is refused as such', () => {
    const forged = base();
    (forged.scenario.content as { horizon: unknown }).horizon = -3;
    expect(refused(resign(forged))).toMatch(/not a valid scenario/);
  });

  it('a signed log with no turns array is refused', () => {
    const forged = base() as unknown as Record<string, unknown>;
    delete forged.turns;
    expect(refused(resign(forged as unknown as OutcomeLog))).toMatch(/turns/);
  });
});

describe('verifyLog never throws: it refuses', () => {
  /** Every path into the log (objects, arrays and leaves), the root excepted. */
  function paths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...path, i], out));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...path, k], out);
    return out;
  }

  it('a log with the player name replaced by a number and the digest recomputed is refused, not thrown on', () => {
    const forged = copy(logs['frontier/nato']!) as unknown as Record<string, unknown>;
    forged.player = 5;
    let verdict: ReturnType<typeof verifyLog> | undefined;
    expect(() => (verdict = verifyLog(resign(forged as unknown as OutcomeLog)))).not.toThrow();
    expect(verdict?.ok).toBe(false);
  });

  it('any one part of a signed log replaced by any JSON value is refused with a reason, never thrown on (property)', () => {
    const original = logs['terror/sco']!;
    const all = paths(copy(original)).filter((p) => p[0] !== 'digest');
    const originalText = canonicalJson(original);
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, value) => {
        const l = copy(original) as unknown as Record<string | number, unknown>;
        const path = all[i]!;
        let parent = l;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = value;
        const forged = resign(l as unknown as OutcomeLog);
        if (canonicalJson(forged) === originalText) return; // nothing changed after all
        let verdict: ReturnType<typeof verifyLog> | undefined;
        expect(() => (verdict = verifyLog(forged)), `${path.join('.')} = ${JSON.stringify(value)}`).not.toThrow();
        // The player's name and the policy are labels the replay copies; every other change is refused.
        if (path[0] === 'player') return;
        expect(verdict?.ok, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(false);
      }),
      { numRuns: 120, seed: 17 },
    );
  });

  it('arbitrary JSON is refused with a reason, never thrown on (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const verdict = verifyLog(value);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 23 },
    );
  });
});

describe('foreign input', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'alliance-crisis-lab/outcome-log'],
    ['an array', [1, 2, 3]],
    ['an empty object', {}],
    ['another JSON document', { name: 'alliance-crisis-lab', version: '0.1.0', dependencies: {} }],
    ['a log without a digest', (() => {
      const l = createLog(newGame(SCENARIOS.terror, 'nato', 'x')) as Partial<OutcomeLog>;
      delete l.digest;
      return l;
    })()],
  ])('refuses %s with a reason', (_name, input) => {
    refused(input);
  });
});

describe('a strict reading of the text (verifyLogText)', () => {
  const text = () => logText(logs['frontier/nato']!);
  const reason = (t: string): string => {
    const verdict = verifyLogText(t);
    if (verdict.ok) throw new Error('verifyLogText accepted a text it should refuse');
    return verdict.reason;
  };

  it('accepts the text as written, with a byte-order mark, and with other white space and key order (which the digest does not cover)', () => {
    expect(verifyLogText(text())).toMatchObject({ ok: true });
    expect(verifyLogText('\ufeff' + text())).toMatchObject({ ok: true });
    const reordered = JSON.stringify(JSON.parse(text(), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)), null, 2);
    expect(verifyLogText(reordered)).toMatchObject({ ok: true });
  });

  it('refuses a key given twice in one object, though JSON.parse would read the genuine value last and the digest would match', () => {
    // Two readers could see two seeds; JSON.parse keeps the genuine one, so read loosely it verifies.
    const doubled = text().replace('"seed":"', '"seed":"forged","seed":"');
    expect(verifyLog(JSON.parse(doubled))).toMatchObject({ ok: true });
    expect(reason(doubled)).toMatch(/not a strict log: the key "seed" a second time in one object at line 1, column \d+/);
    expect(verifyLogText(doubled)).toMatchObject({ ok: false, code: 'not-strict', params: { what: 'repeated-key', key: 'seed', line: 1, column: expect.any(Number) } });
  });

  it('refuses a "__proto__" key, wherever it is', () => {
    expect(reason(text().replace('{"digest"', '{"__proto__":{"ok":true},"digest"'))).toMatch(/not a strict log: a "__proto__" key at line 1/);
    expect(reason(text().replace('"turns":[{', '"turns":[{"__proto__":null,'))).toMatch(/__proto__/);
  });

  it.each([
    ['1.0', '"logVersion":1.0'],
    ['1e0', '"logVersion":1e0'],
    ['10E-1', '"logVersion":10E-1'],
    ['-0', '"seed":"x","zero":-0'],
  ])('refuses a number written otherwise than the engine writes it (%s)', (_name, spelling) => {
    const t = text().replace('"logVersion":1', spelling.startsWith('"seed"') ? `"logVersion":1,${spelling.replace('"seed":"x",', '')}` : spelling);
    expect(reason(t)).toMatch(/not a strict log: the number .* which is written/);
  });

  it('refuses nesting deeper than any log, with a reason, and never runs out of stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(reason(deep)).toMatch(/not an outcome log/);
    const inLog = text().replace('"player":"Student"', `"player":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(reason(inLog)).toMatch(/not a strict log: nesting deeper than 64 levels at line 1/);
    const parsed = JSON.parse(inLog) as unknown;
    expect(verifyLog(parsed)).toMatchObject({ ok: false, reason: expect.stringMatching(/deeper than 64/) });
  });

  it('refuses text that is not JSON, naming line and column', () => {
    expect(reason('{"format":\n  "alliance-crisis-lab/outcome-log",,}')).toMatch(/^not JSON: .* at line 2, column \d+$/);
    expect(reason('')).toMatch(/^not JSON/);
    expect(verifyLogText('{"format":\n  "x",,}')).toMatchObject({ ok: false, code: 'not-json', params: { what: 'key-expected', line: 2 } });
  });

  it('refuses a field no engine writes, even with the digest recomputed', () => {
    const l = copy(logs['frontier/nato']!) as OutcomeLog & { grade?: string };
    l.grade = 'A';
    expect(refused(resign(l))).toBe('the log has a field no engine writes: "grade"');
  });
});

describe('typed policy and player fields', () => {
  /** A forger who also brings the summary in line with the header. */
  const relabel = (edit: (l: OutcomeLog) => void): OutcomeLog => {
    const l = copy(logs['frontier/nato']!);
    edit(l);
    l.summary.policy = l.policy;
    return resign(l);
  };

  it.each(['hawk', 'consult-first', 'historical', 'every-request', 'file:policy.yaml', 'human'])('a policy label the engine writes (%s) verifies', (policy) => {
    expect(verifyLog(relabel((l) => (l.policy = policy)))).toMatchObject({ ok: true });
  });

  it.each(['', 'Hawk', '<script>alert(1)</script>', 'human ', 'file:', 'file:../../etc/passwd', 'a'.repeat(65)])('a policy label no engine writes (%j) is refused', (policy) => {
    expect(refused(relabel((l) => (l.policy = policy)))).toMatch(/policy/);
  });

  it('a player name that is not a trimmed string is refused', () => {
    for (const player of [' padded ', '', 5, null, ['x']]) expect(refused(relabel((l) => ((l as { player: unknown }).player = player)))).toMatch(/player/);
  });
});

describe('signed logs', () => {
  // Fixed keys: signing is deterministic, so the test needs no random draw.
  const SERVER = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
  const OTHER = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';
  const base = () => copy(logs['terror/sco']!);

  it('a log signed with the server\'s key verifies and names the key; an unsigned one says so', () => {
    const signed = signLog(base(), SERVER);
    expect(signed.signature.key).toBe(publicKeyOf(SERVER));
    const verdict = verifyLog(JSON.parse(logText(signed)));
    expect(verdict).toMatchObject({ ok: true, signature: { status: 'signed', key: publicKeyOf(SERVER), fingerprint: keyFingerprint(publicKeyOf(SERVER)) } });
    expect(verifyLog(base())).toMatchObject({ ok: true, signature: { status: 'unsigned' } });
    // The digest is the same signed or not: a signature vouches for exactly the log it came with.
    expect(signed.digest).toBe(base().digest);
  });

  it('a forger who changes the player name and recomputes the digest breaks the signature', () => {
    const forged = signLog(base(), SERVER);
    forged.player = 'Someone else';
    expect(refused(resign(forged))).toMatch(/signature does not match/);
  });

  it('a signature moved onto another log, a changed signature or a swapped key is refused', () => {
    const signed = signLog(base(), SERVER);
    const other = copy(logs['terror/nato']!);
    expect(refused({ ...other, signature: signed.signature })).toMatch(/signature does not match/);
    const flipped = { ...signed, signature: { ...signed.signature, value: signed.signature.value.replace(/^./, (c) => (c === '0' ? '1' : '0')) } };
    expect(refused(flipped)).toMatch(/signature does not match/);
    expect(refused({ ...signed, signature: { ...signed.signature, key: publicKeyOf(OTHER) } })).toMatch(/signature does not match/);
  });

  it('a malformed signature is refused with a reason', () => {
    for (const signature of [null, 'abc', { algorithm: 'rsa', key: '0'.repeat(64), value: '0'.repeat(128) }, { algorithm: 'ed25519', key: 'x', value: '0'.repeat(128) }, { ...signLog(base(), SERVER).signature, extra: 1 }]) {
      expect(refused({ ...base(), signature })).toMatch(/signature/);
    }
  });

  it('re-signed by the forger\'s own key, the log verifies as signed by that key, not the server\'s', () => {
    const forged = base();
    forged.player = 'Someone else';
    const verdict = verifyLog(signLog(resign(forged), OTHER));
    expect(verdict).toMatchObject({ ok: true, signature: { status: 'signed', key: publicKeyOf(OTHER) } });
    expect(publicKeyOf(OTHER)).not.toBe(publicKeyOf(SERVER));
  });
});

describe('an edit of the embedded scenario only', () => {
  const base = () => copy(logs['frontier/nato']!);
  /** The forger rewrites the scenario, its hash, the summary's score and the digest. */
  function forge(edit: (s: Scenario) => void): OutcomeLog {
    const l = base();
    edit(l.scenario.content);
    l.scenario.sha256 = sha256Hex(canonicalJson(l.scenario.content));
    l.summary.score = scoreOf(l.scenario.content, l.turns[l.turns.length - 1]!.indicators);
    return resign(l);
  }

  it('objectives rewritten so the score jumps verify only as a game of another scenario: its hash is not the shipped file\'s', () => {
    const forged = forge((s) => (s.player.objectives = { deterrence: 1 }));
    const verdict = verifyLog(forged);
    // The digest cannot tell, and the replay cannot either (objectives weigh the score, not the play):
    // this is what checking against the assignment (compare --assignment) and signatures are for.
    expect(verdict).toMatchObject({ ok: true });
    expect(forged.scenario.sha256).not.toBe(scenarioHash(SCENARIOS.frontier));
    expect(base().scenario.sha256).toBe(scenarioHash(SCENARIOS.frontier));
  });

  it('a scenario that validate refuses on its cross-references is refused inside a log too', () => {
    const forged = forge((s) => (s.alliance.members = [...s.alliance.members, 'ZZZ']));
    expect(refused(forged)).toMatch(/not a valid scenario: alliance\.members/);
  });

  it('a scenario that validate refuses on a missing state is refused inside a log, with the problem', () => {
    const forged = forge((s) => (s.player.state = 'QQQ'));
    expect(refused(forged)).toMatch(/not a valid scenario: .*QQQ|not a valid scenario: player\.state/);
  });
});

describe('verification with an asynchronous platform hash (Web Crypto in a browser)', () => {
  const webSha = webCryptoSha256();

  it('Web Crypto is found where there is one (Node has it too), and hashes as the pure-JavaScript SHA-256 does', async () => {
    expect(webSha).not.toBeNull();
    const text = logText(logs['terror/csto']!);
    expect(await webSha!(text)).toBe(pureSha256(text));
  });

  it('gives the verdicts verifyLogText gives: the log accepted, a change refused, a strict-reading fault named', async () => {
    const text = logText(logs['terror/csto']!);
    expect(await verifyLogTextAsync(text, webSha!)).toMatchObject({ ok: true, signature: { status: 'unsigned' } });
    const changed = text.replace('"seed":"', '"seed":"x');
    expect(await verifyLogTextAsync(changed, webSha!)).toEqual(verifyLogText(changed));
    expect(await verifyLogTextAsync(changed, webSha!)).toMatchObject({ ok: false, reason: expect.stringMatching(/digest/) });
    const doubled = text.replace('"seed":"', '"seed":"x","seed":"');
    expect(await verifyLogTextAsync(doubled, webSha!)).toMatchObject({ ok: false, reason: expect.stringMatching(/a second time/) });
  });
});
