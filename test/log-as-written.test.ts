// A log's text as the engine wrote it is verified by hashing the text as it stands and stepping
// over an embedded scenario already validated; any other text takes the general path (read
// strictly, written again in canonical form). Both must give the same verdict on every text: a
// text with a space after it always takes the general path and, white space being free, must
// get the verdict the bare text gets. Edits of the embedded scenario alone, made while that
// scenario is in the cache, are refused as before.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLogText, type OutcomeLog } from '../src/engine/log/outcome-log';
import { verifyLogText, type VerifyResult } from '../src/engine/log/verify-log';
import { canonicalJson, sha256Hex } from '../src/engine/log/canonical';
import { signLog } from '../src/engine/log/signature';
import type { GameState } from '../src/engine/game/types';
import type { IntentId } from '../src/engine/scenario/schema';

const SCENARIO = loadScenarioFile('scenarios/frontier-armed-attack.yaml');

function play(rules: string, seed: string, player?: string): string {
  const wish: IntentId[][] = [['consult'], ['joint-statement'], ['collective-defence'], [], ['de-escalate']];
  let game: GameState = newGame(SCENARIO, rules, seed);
  while (!game.result) {
    const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
    game = playTurn(game, (wish[game.turn - 1] ?? []).filter((i) => offered.has(i)));
  }
  return createLogText(game, { policy: 'human', ...(player === undefined ? {} : { player }) });
}

/** The verdict as the general path gives it: a trailing space makes the text not canonical. */
const general = (text: string): VerifyResult => verifyLogText(`${text} `);

/** The digest a careful forger writes after an edit: over the body's canonical form. */
function redigest(text: string): string {
  const { digest: _digest, signature: _signature, ...body } = JSON.parse(text) as OutcomeLog;
  const digest = sha256Hex(canonicalJson(body));
  return text.replace(/^\{"digest":"[0-9a-f]{64}"/, `{"digest":"${digest}"`);
}

let text = '';
beforeAll(() => {
  text = play('nato', 'as-written', 'Ana "Ж" Müller');
  // The scenario is validated once and cached: every case below meets it as a known scenario.
  expect(verifyLogText(text)).toMatchObject({ ok: true });
});

describe('the same verdict as the general path', () => {
  it('for the text as written, with a byte-order mark, without its newline, signed, and with its keys in another order', () => {
    const signed = `${canonicalJson(signLog(JSON.parse(text) as OutcomeLog, '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'))}\n`;
    const reordered = JSON.stringify(JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    for (const t of [text, `\ufeff${text}`, text.trimEnd(), signed, reordered]) {
      const verdict = verifyLogText(t);
      expect(verdict.ok).toBe(true);
      expect(verdict).toEqual(general(t));
    }
  });

  it('for the text with any one character replaced, inserted or removed, digest left or recomputed (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('0', '1', '9', '.', '-', 'e', '"', '\\', ',', ':', '{', '}', '[', ']', ' ', 'a', 'Ж', '\ud800'), fc.constantFrom('replace', 'insert', 'remove'), fc.boolean(), (cut, character, how, forge) => {
        const at = 1 + (cut % (text.length - 2));
        const edited = how === 'replace' ? text.slice(0, at) + character + text.slice(at + 1) : how === 'insert' ? text.slice(0, at) + character + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        let t = edited;
        if (forge) {
          try {
            t = redigest(edited);
          } catch {
            // not JSON any more: nothing to recompute
          }
        }
        expect(verifyLogText(t), `${how} ${JSON.stringify(character)} at ${at}`).toEqual(general(t));
      }),
      { numRuns: 200, seed: 29 },
    );
  });

  it.each([
    ['a key given twice', () => text.replace('"seed":"', '"seed":"forged","seed":"')],
    ['a number respelt', () => text.replace('"logVersion":1', '"logVersion":1.0')],
    ['a "__proto__" key', () => text.replace('"turns":[{', '"turns":[{"__proto__":null,')],
    ['a foreign object', () => '{"name":"alliance-crisis-lab","version":"0.1.0"}\n'],
    ['a log of another engine version', () => text.replace(/"engineVersion":"[^"]*"/, '"engineVersion":"0.0.1-other"')],
    ['a scenario that is an array', () => redigest(text.replace(/"content":\{.*\},"id":/, '"content":[1],"id":'))],
    ['a scenario that is null', () => redigest(text.replace(/"content":\{.*\},"id":/, '"content":null,"id":'))],
    ['a field no engine writes', () => redigest(text.replace('"turns":', '"grade":"A","turns":'))],
  ])('for %s', (_name, make) => {
    const t = make();
    const verdict = verifyLogText(t);
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(general(t));
  });
});

describe('an edit of the embedded scenario only, its validated copy in the cache', () => {
  /** The content's text, and the text with the content replaced. */
  const content = () => canonicalJson((JSON.parse(text) as OutcomeLog).scenario.content);
  const withContent = (next: string) => text.replace(content(), next);

  it('one number of the scenario changed in the text is refused for the digest', () => {
    const edited = withContent(content().replace(/"resolve":([0-9.]+)/, (_m, v: string) => `"resolve":${Number(v) / 2}`));
    expect(edited).not.toBe(text);
    expect(verifyLogText(edited)).toMatchObject({ ok: false, code: 'digest-mismatch' });
  });

  it('the scenario changed and the digest recomputed is refused for the scenario\'s hash', () => {
    const edited = redigest(withContent(content().replace(/"resolve":([0-9.]+)/, (_m, v: string) => `"resolve":${Number(v) / 2}`)));
    expect(verifyLogText(edited)).toMatchObject({ ok: false, code: 'scenario-hash' });
  });

  it('the scenario changed, its hash and the digest recomputed, is refused because the replay differs', () => {
    const log = JSON.parse(text) as OutcomeLog;
    log.scenario.content.adversary.resolve = 0.01;
    log.scenario.content.states = log.scenario.content.states.map((s) => ({ ...s, profile: { ...s.profile, ties: {}, threat: {} } }));
    log.scenario.sha256 = sha256Hex(canonicalJson(log.scenario.content));
    const forged = redigest(`${canonicalJson(log)}\n`);
    expect(verifyLogText(forged)).toMatchObject({ ok: false, reason: expect.stringMatching(/replay/) });
    expect(verifyLogText(text)).toMatchObject({ ok: true });
  });

  it('a known scenario with one member added at its end is not taken for the known one', () => {
    const known = content();
    const extended = `${known.slice(0, -1)},"zzz":1}`;
    const forged = redigest(withContent(extended));
    const verdict = verifyLogText(forged);
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(general(forged));
  });

  it('a scenario the validator refuses, with its hash and the digest recomputed, is refused with the problem', () => {
    const log = JSON.parse(text) as OutcomeLog;
    log.scenario.content.alliance.members = [...log.scenario.content.alliance.members, 'ZZZ'];
    log.scenario.sha256 = sha256Hex(canonicalJson(log.scenario.content));
    const forged = redigest(`${canonicalJson(log)}\n`);
    expect(verifyLogText(forged)).toMatchObject({ ok: false, code: 'scenario-invalid' });
    // Refused again from the cache, and the genuine log still verifies beside it.
    expect(verifyLogText(forged)).toMatchObject({ ok: false, code: 'scenario-invalid' });
    expect(verifyLogText(text)).toMatchObject({ ok: true });
  });

  it('a verified log carries the scenario it embeds, equal to the one a reader parses', () => {
    const verdict = verifyLogText(text);
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(canonicalJson(verdict.log.scenario.content)).toBe(content());
    expect(canonicalJson(verdict.log)).toBe(text.trimEnd());
  });
});
