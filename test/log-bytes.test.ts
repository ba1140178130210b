// `crisis-lab verify` reads a log's bytes and, when the log is as the engine wrote it and its
// scenario one already validated, verifies it without decoding the scenario (verifyLogBytes);
// any other log is decoded and read as text. The verdict must be the one the general path gives
// the same bytes decoded (a trailing space sends a text down the general path): for logs as
// written, for a byte changed, inserted or removed anywhere, for edits inside the embedded
// scenario's bytes only, and for a decoy of the scenario's place elsewhere in the log. A batch's
// logs, written with the scenario's bytes spliced in, are the bytes createLogText writes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { nodeSha256 } from '../src/cli/node-host';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLogPieces, createLogText, logText, type OutcomeLog } from '../src/engine/log/outcome-log';
import { verifyLogText, type VerifyResult } from '../src/engine/log/verify-log';
import { verifyLogBytes } from '../src/engine/log/log-bytes';
import { writeScenario } from '../src/engine/log/written-scenario';
import { canonicalJson, pureSha256, sha256Hex, sha256Pieces, useSha256 } from '../src/engine/log/canonical';
import { signLog } from '../src/engine/log/signature';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, Scenario } from '../src/engine/scenario/schema';

const FRONTIER = loadScenarioFile('scenarios/frontier-armed-attack.yaml');

function play(scenario: Scenario, rules: string, seed: string): GameState {
  const wish: IntentId[][] = [['consult'], ['joint-statement'], ['collective-defence', 'ct-cooperation'], [], ['de-escalate']];
  let game: GameState = newGame(scenario, rules, seed);
  while (!game.result) {
    const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
    game = playTurn(game, (wish[game.turn - 1] ?? []).filter((i) => offered.has(i)));
  }
  return game;
}

const encode = (text: string) => new TextEncoder().encode(text);
const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** As `crisis-lab verify` reads a file: bytes first, else the text decoded as a file is. */
function viaBytes(bytes: Uint8Array): VerifyResult | 'not UTF-8' {
  const fast = verifyLogBytes(bytes);
  if (fast !== null) return fast;
  const text = decoded(bytes);
  return text === null ? 'not UTF-8' : verifyLogText(text);
}

/** The general path's verdict on the same bytes: decoded, and a space after the text. */
function general(bytes: Uint8Array): VerifyResult | 'not UTF-8' {
  const text = decoded(bytes);
  return text === null ? 'not UTF-8' : verifyLogText(`${text} `);
}

function decoded(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The digest a careful forger writes after an edit, when the edit leaves JSON. */
function redigest(bytes: Uint8Array): Uint8Array {
  const text = decoded(bytes);
  if (text === null) return bytes;
  try {
    const { digest: _digest, signature: _signature, ...body } = JSON.parse(text) as OutcomeLog;
    // The first digest in the text: a decoy field may sort before it.
    return encode(text.replace(/"digest":"[0-9a-f]{64}"/, `"digest":"${sha256Hex(canonicalJson(body))}"`));
  } catch {
    return bytes;
  }
}

let text = '';
let bytes = new Uint8Array();
/** Where the embedded scenario's bytes lie in `bytes`. */
let scenarioStart = 0;
let scenarioEnd = 0;

beforeAll(() => {
  useSha256(nodeSha256); // as the command line does; the pure hash is held to it below
  // A player's name outside ASCII puts multi-byte characters before the scenario as well.
  text = createLogText(play(FRONTIER, 'nato', 'bytes'), { policy: 'human', player: 'Ана "Ж" Müller' });
  bytes = encode(text);
  // The first verification validates the scenario (through the text) and caches it.
  expect(verifyLogBytes(bytes)).toBeNull();
  expect(verifyLogText(text)).toMatchObject({ ok: true });
  const scenario = encode(writeScenario(FRONTIER).text);
  scenarioStart = Buffer.from(bytes).indexOf(Buffer.from(scenario));
  scenarioEnd = scenarioStart + scenario.length;
  expect(scenarioStart).toBeGreaterThan(0);
});
afterAll(() => useSha256(pureSha256));

/** The scenario back in the validated scenarios' cache (edited scenarios, each validated once,
 * push it out after a few dozen), so the bytes' path is open to what follows. */
function known(): void {
  expect(verifyLogText(text)).toMatchObject({ ok: true });
  expect(verifyLogBytes(bytes)).toMatchObject({ ok: true });
}

describe('a log as written, its scenario known', () => {
  it('is verified from its bytes, with the verdict the text gets', () => {
    const fast = verifyLogBytes(bytes);
    expect(fast).toMatchObject({ ok: true });
    expect(fast).toEqual(verifyLogText(text));
    if (!fast?.ok) throw new Error('refused');
    expect(`${canonicalJson(fast.log)}\n`).toBe(text);
  });

  it('with a byte-order mark, without its final newline, and signed, is verified from its bytes too', () => {
    const signed = `${canonicalJson(signLog(JSON.parse(text) as OutcomeLog, '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'))}\n`;
    for (const b of [join([new Uint8Array([0xef, 0xbb, 0xbf]), bytes]), bytes.subarray(0, bytes.length - 1), encode(signed)]) {
      const fast = verifyLogBytes(b);
      expect(fast).toMatchObject({ ok: true });
      expect(fast).toEqual(general(b));
    }
  });

  it('leaves to the text a log it cannot read as written: two byte-order marks, white space, keys reordered', () => {
    const reordered = JSON.stringify(JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    for (const b of [join([new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), bytes]), encode(`${text} `), encode(reordered)]) {
      expect(verifyLogBytes(b)).toBeNull();
      expect(viaBytes(b)).toEqual(general(b));
    }
  });
});

describe('the same verdict as the general path', () => {
  const kinds = ['replace', 'insert', 'remove'] as const;
  const edit = (at: number, byte: number, how: (typeof kinds)[number]) =>
    how === 'replace'
      ? join([bytes.subarray(0, at), new Uint8Array([byte]), bytes.subarray(at + 1)])
      : how === 'insert'
        ? join([bytes.subarray(0, at), new Uint8Array([byte]), bytes.subarray(at)])
        : join([bytes.subarray(0, at), bytes.subarray(at + 1)]);

  it('for a byte replaced, inserted or removed at any of 200 places, digest left or recomputed (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(255), fc.constantFrom(...kinds), fc.boolean(), (cut, byte, how, forge) => {
        known();
        const at = cut % bytes.length;
        const edited = edit(at, byte, how);
        const b = forge ? redigest(edited) : edited;
        expect(viaBytes(b), `${how} ${byte} at ${at}`).toEqual(general(b));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('for a byte changed inside the embedded scenario only, at 200 places: refused, as the general path refuses it (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(0x30, 0x39, 0x61, 0x7a, 0x22, 0x2c, 0x20, 0x80, 0xd0), fc.boolean(), (cut, byte, forge) => {
        const at = scenarioStart + (cut % (scenarioEnd - scenarioStart));
        if (bytes[at] === byte) return;
        known();
        const edited = edit(at, byte, 'replace');
        const b = forge ? redigest(edited) : edited;
        const verdict = viaBytes(b);
        expect(verdict === 'not UTF-8' || !verdict.ok, `${byte} at ${at}`).toBe(true);
        expect(verdict).toEqual(general(b));
      }),
      { numRuns: 200, seed: 31 },
    );
  });

  it('for a number of the scenario changed, then the digest, then the scenario\'s hash too', () => {
    const content = canonicalJson((JSON.parse(text) as OutcomeLog).scenario.content);
    known();
    const halved = content.replace(/"resolve":([0-9.]+)/, (_m, v: string) => `"resolve":${Number(v) / 2}`);
    const edited = encode(text.replace(content, halved));
    expect(viaBytes(edited)).toMatchObject({ ok: false, code: 'digest-mismatch' });
    expect(viaBytes(redigest(edited))).toMatchObject({ ok: false, code: 'scenario-hash' });
    const log = JSON.parse(text.replace(content, halved)) as OutcomeLog;
    log.scenario.sha256 = sha256Hex(halved);
    const forged = redigest(encode(`${canonicalJson(log)}\n`));
    const verdict = viaBytes(forged);
    expect(verdict).toMatchObject({ ok: false });
    expect(verdict).toEqual(general(forged));
  });

  it('for the known scenario planted where the root\'s scenario is not (a field no engine writes, sorting first)', () => {
    const content = canonicalJson((JSON.parse(text) as OutcomeLog).scenario.content);
    known();
    const decoy = encode(text.replace(/^\{/, `{"a":{"b":1,"scenario":{"content":${content}}},`));
    expect(viaBytes(decoy)).toMatchObject({ ok: false, code: 'digest-mismatch' });
    expect(viaBytes(redigest(decoy))).toMatchObject({ ok: false, code: 'unknown-field' });
    for (const b of [decoy, redigest(decoy)]) expect(viaBytes(b)).toEqual(general(b));
  });

  it('for a log whose scenario is known but whose text is not UTF-8 elsewhere', () => {
    const at = text.indexOf('"seed":"') + 8;
    const b = edit(at, 0xff, 'replace');
    expect(verifyLogBytes(b)).toBeNull();
    expect(viaBytes(b)).toBe('not UTF-8');
  });
});

describe('a batch\'s logs, the scenario written once and spliced in', () => {
  const SCENARIOS = ['frontier-armed-attack', 'terror-attack-member', 'rats-central-asia'].map((id) => loadScenarioFile(`scenarios/${id}.yaml`));

  it('are the bytes createLogText writes, canonical, for games of three scenarios under both presets', () => {
    for (const scenario of SCENARIOS) {
      const written = writeScenario(scenario);
      for (const rules of ['nato', 'sco']) {
        for (const seed of ['1', '2']) {
          const game = play(scenario, rules, seed);
          const spliced = join(createLogPieces(game, { policy: 'human' }, written).map((p) => (typeof p === 'string' ? encode(p) : p)));
          const logTextNow = createLogText(game, { policy: 'human' });
          expect(Buffer.from(spliced).equals(Buffer.from(encode(logTextNow)))).toBe(true);
          // Independently: the text is the canonical form of what it says, and its digest the body's hash.
          const log = JSON.parse(logTextNow) as OutcomeLog;
          expect(logText(log)).toBe(logTextNow);
          const { digest, ...body } = log;
          expect(digest).toBe(sha256Hex(canonicalJson(body)));
          expect(verifyLogBytes(spliced) ?? verifyLogText(logTextNow)).toMatchObject({ ok: true });
        }
      }
    }
  });

  it('ignore a written scenario of another object, and hash pieces as their text, with Node\'s hash and the pure one', () => {
    const game = play(FRONTIER, 'sco', '3');
    const other = writeScenario(loadScenarioFile('scenarios/terror-attack-member.yaml'));
    const pieces = createLogPieces(game, { policy: 'human' }, other);
    expect(pieces.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('')).toBe(createLogText(game, { policy: 'human' }));
    const decodedPieces = pieces.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p)));
    const node = sha256Pieces(pieces);
    useSha256(pureSha256);
    try {
      expect(sha256Pieces(pieces)).toBe(node);
      expect(pureSha256(decodedPieces.join(''))).toBe(node);
    } finally {
      useSha256(nodeSha256);
    }
  });
});
