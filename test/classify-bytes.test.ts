// `crisis-lab compare` and `crisis-lab sign` read a log's bytes and, when it is as the engine wrote
// it and its scenario one already validated, verify it from them (verifyLogBytes), as `verify`
// does; any other file is decoded and read as text. What they report must be what the text gave
// before: the same entry for compare (verified, refused, other version, ignored, with the same
// reason and code), the same line for sign.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { classifyFile } from '../src/cli/classify-file';
import { classifyLogBytes, classifyText } from '../src/compare/classify';
import { newGame, playTurn } from '../src/engine/game/game';
import { createLogText, type OutcomeLog } from '../src/engine/log/outcome-log';
import { canonicalJson, sha256Hex } from '../src/engine/log/canonical';
import { signLog } from '../src/engine/log/signature';
import { capture } from './support/cli-capture';

const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-classify-bytes-'));
const at = (name: string) => join(dir, name);
const encode = (text: string) => Buffer.from(text, 'utf8');
/** As compare read a file before: Node's lenient UTF-8 (a bad byte becomes U+FFFD). */
const lenient = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** A log of an invented-state scenario nobody else in this file plays, so its scenario is unknown
 * until the first verification here validates it. */
function logOf(seed: string, player?: string): string {
  let game = newGame(loadScenarioFile('scenarios/terror-attack-member.yaml'), 'sco', seed);
  while (!game.result) game = playTurn(game, game.turn === 1 ? ['consult'] : []);
  return createLogText(game, { policy: 'human', ...(player ? { player } : {}) });
}

/** The digest a careful forger writes after an edit, when the edit leaves JSON. */
function redigest(text: string): string {
  try {
    const { digest: _d, signature: _s, ...body } = JSON.parse(text) as OutcomeLog;
    return text.replace(/"digest":"[0-9a-f]{64}"/, `"digest":"${sha256Hex(canonicalJson(body))}"`);
  } catch {
    return text;
  }
}

let text = '';

beforeAll(() => {
  text = logOf('bytes', 'Ана Müller');
});

describe('compare: a file classified from its bytes', () => {
  it('is left to the text while its scenario is unknown, then read from its bytes with the entry the text gives', () => {
    const bytes = encode(text);
    expect(classifyLogBytes(bytes, 'a.json')).toBeNull();
    const fromText = classifyText(text, 'a.json');
    expect(fromText).toMatchObject([{ source: 'a.json', status: 'verified' }]);
    expect(classifyLogBytes(bytes, 'a.json')).toEqual(fromText);
    writeFileSync(at('a.json'), bytes);
    expect(classifyFile(at('a.json'))).toEqual(classifyText(text, at('a.json')));
  });

  it('gives the text\'s entry for a signed log, another engine version, a changed digest and a byte changed anywhere', () => {
    classifyText(text, 'warm.json'); // the scenario known, so the bytes' path is open
    const signed = `${canonicalJson(signLog(JSON.parse(text) as OutcomeLog, '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'))}\n`;
    const cases: [string, Uint8Array][] = [
      ['signed', encode(signed)],
      ['other version', encode(text.replace(/"engineVersion":"[^"]*"/, '"engineVersion":"0.0.1"'))],
      ['digest', encode(text.replace(/"digest":"[0-9a-f]/, '"digest":"x'))],
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(text)])],
    ];
    // A byte changed at 60 places spread over the log (the scenario's bytes among them), each with
    // the digest written again where the change leaves JSON, and a byte that is not UTF-8.
    const raw = encode(text);
    for (let k = 0; k < 60; k++) {
      const i = Math.floor(((k + 0.5) * raw.length) / 60);
      const changed = Buffer.from(raw);
      changed[i] = changed[i] === 0x31 ? 0x32 : 0x31;
      cases.push([`byte ${i}`, encode(redigest(lenient(changed)))]);
    }
    const bad = Buffer.from(raw);
    bad[Math.floor(raw.length / 2)] = 0xff;
    cases.push(['not UTF-8', bad]);
    const fromBytes = new Set<string>();
    for (const [how, bytes] of cases) {
      const fast = classifyLogBytes(bytes, 'x.json');
      for (const e of fast ?? []) fromBytes.add(e.status);
      const entries = classifyText(lenient(bytes), 'x.json');
      if (fast !== null) expect(fast, how).toEqual(entries);
      writeFileSync(at('x.json'), bytes);
      const file = classifyFile(at('x.json'));
      expect(file, how).toEqual(classifyText(lenient(bytes), at('x.json')));
    }
    // The bytes' path itself answered each kind of verdict.
    expect([...fromBytes].sort()).toEqual(['other-version', 'refused', 'verified']);
  });

  it('leaves to the text a document that does not say it is a log, though it holds a known scenario', () => {
    classifyText(text, 'warm.json');
    const log = JSON.parse(text) as Record<string, unknown>;
    // Canonical, its scenario where a log's is, but no format, engine version or digest.
    const decoy = `${canonicalJson({ pack: 'baseline', scenario: log.scenario })}\n`;
    expect(classifyLogBytes(encode(decoy), 'd.json')).toBeNull();
    writeFileSync(at('d.json'), decoy);
    expect(classifyFile(at('d.json'))).toEqual(classifyText(decoy, at('d.json')));
    expect(classifyFile(at('d.json'))).toMatchObject([{ status: 'ignored', why: { code: 'not-summary' } }]);
  });
});

describe('sign: a log verified from its bytes', () => {
  it('signs a log as written, and refuses a changed or undecodable one with the reason it gave before', async () => {
    const keygen = await capture(['keygen', '--out', at('server.key')]);
    expect(keygen.code, keygen.err).toBe(0);
    const second = logOf('bytes-2');
    // The first validates the scenario through the text; the second is then read from its bytes.
    writeFileSync(at('first.json'), text);
    writeFileSync(at('second.json'), second);
    const changed = second.replace(/"digest":"[0-9a-f]/, '"digest":"x');
    writeFileSync(at('changed.json'), changed);
    const bad = encode(second);
    bad[Math.floor(bad.length / 2)] = 0xff;
    writeFileSync(at('bad.json'), bad);
    const r = await capture(['sign', '--key', at('server.key'), at('first.json'), at('second.json'), at('changed.json'), at('bad.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${at('first.json')}: signed by key [0-9a-f:]+\n${at('second.json')}: signed by key [0-9a-f:]+\n$`));
    expect(r.err).toBe(
      `${at('changed.json')}: not signed: the digest does not match: the log was changed after it was written\n` +
        `${at('bad.json')}: ${at('bad.json')} is not UTF-8 text\n`,
    );
    const verified = await capture(['verify', '--key', at('server.key.pub'), at('first.json'), at('second.json')]);
    expect(verified.code, verified.err).toBe(0);
    expect(readFileSync(at('changed.json'), 'utf8')).toBe(changed); // a refused log is left as it was
  });
});
