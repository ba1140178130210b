// The command line as instructors use it: real processes, real files.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../src/engine/log/canonical';
import { capture } from './support/cli-capture';

const BIN = join(__dirname, '..', 'bin', 'crisis-lab.mjs');
const TERROR = 'scenarios/terror-attack-member.yaml';
const FRONTIER = 'scenarios/frontier-armed-attack.yaml';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: join(__dirname, '..') });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SUMMARY_FIELDS = [
  'scenario', 'rules', 'seed', 'policy', 'result', 'turns', 'daysToFirstCollectiveMeasure', 'maxEscalation',
  'finalEscalation', 'casualties', 'deterrence', 'cohesion', 'autonomy', 'entrapment', 'legitimacy', 'score', 'decisions',
];

describe('crisis-lab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-cli-'));

  it('run writes a log that verify accepts, and --json prints the summary with every contract field', () => {
    const log = join(dir, 'game.json');
    const run = cli('run', FRONTIER, '--rules', 'nato', '--seed', '42', '--out', log, '--json');
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out);
    // product.md: the summary names "at least" these fields.
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(SUMMARY_FIELDS));
    expect(summary).toMatchObject({ scenario: 'frontier-armed-attack', rules: 'nato', seed: '42', policy: 'consult-first' });
    for (const d of summary.decisions) expect(d.rule).toMatch(/^N[1-7]$/);
    const verify = cli('verify', log);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain('verified');
  });

  it('the same scenario, rules, seed and policy give a byte-identical log', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(cli('run', TERROR, '--rules', 'sco', '--seed', 'x1', '--policy', 'random', '--out', a).code).toBe(0);
    expect(cli('run', TERROR, '--rules', 'sco', '--seed', 'x1', '--policy', 'random', '--out', b).code).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
  });

  it('verify refuses a log changed by hand and says why, with exit code 1', () => {
    const log = join(dir, 'tampered.json');
    expect(cli('run', TERROR, '--rules', 'nato', '--seed', '3', '--out', log).code).toBe(0);
    const data = JSON.parse(readFileSync(log, 'utf8'));
    data.summary.score = 100;
    writeFileSync(log, JSON.stringify(data));
    const verify = cli('verify', log);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/refused: the digest does not match/);
    writeFileSync(join(dir, 'foreign.json'), '{"hello": "world"}');
    expect(cli('verify', join(dir, 'foreign.json')).err).toMatch(/refused: not an outcome log/);
  });

  it('run with a policy file plays its intents', () => {
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'turns:\n  - { turn: 1, intents: [consult] }\n');
    const run = cli('run', FRONTIER, '--rules', 'nato', '--seed', '5', '--policy', policy, '--json');
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(run.out);
    expect(summary.policy).toBe('file:policy.yaml');
    expect(summary.decisions.some((d: { kind: string }) => d.kind === 'consultation' || d.kind === 'statement')).toBe(true);
  });

  it('batch gives the same summaries with one worker or two, in job order', () => {
    // 80 games: each of two workers sends full bundles of summaries and then a partial one. A
    // design-lab rule set travels to the workers by name, and each builds its machine.
    const args = ['batch', TERROR, FRONTIER, '--rules', 'nato,sco+commitment=automatic', '--runs', '10', '--policy', 'hawk,dove'];
    const one = cli(...args, '--workers', '1', '--json');
    const two = cli(...args, '--workers', '2', '--json');
    expect(one.code, one.err).toBe(0);
    expect(two.out).toBe(one.out);
    const lines = one.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2 * 2 * 2 * 10);
    expect(lines.map((s) => `${s.scenario}/${s.rules}/${s.policy}/${s.seed}`).slice(8, 12)).toEqual([
      'terror-attack-member/nato/hawk/9',
      'terror-attack-member/nato/hawk/10',
      'terror-attack-member/nato/dove/1',
      'terror-attack-member/nato/dove/2',
    ]);
    const csv = cli('batch', TERROR, '--rules', 'nato', '--runs', '2', '--workers', '1');
    const rows = csv.out.trim().split('\n');
    expect(rows[0]!.split(',')).toEqual(SUMMARY_FIELDS);
    expect(rows).toHaveLength(3);
  });

  it('refuses bad usage with a message and exit code 2, and a broken scenario with its line and column', () => {
    const noRules = cli('run', TERROR, '--seed', '1');
    expect(noRules.code).toBe(2);
    expect(noRules.err).toMatch(/--rules is required/);
    expect(cli('frobnicate').code).toBe(2);
    const broken = cli('run', 'test/fixtures/scenarios/unknown-field.yaml', '--rules', 'nato', '--seed', '1');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/unknown-field\.yaml:\d+:\d+: /);
    expect(cli('run', TERROR, '--rules', 'nato', '--seed', '1', '--policy', 'kamikaze').err).toMatch(/unknown policy "kamikaze"/);
  });

  it('plays a design-lab rule set, spelled as a spec or with --feature, and verify accepts its log', () => {
    const spec = join(dir, 'spec.json');
    const flag = join(dir, 'flag.json');
    const run = cli('run', FRONTIER, '--rules', 'sco+commitment=automatic', '--seed', '7', '--out', spec, '--json');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).rules).toBe('sco+commitment=automatic');
    const log = JSON.parse(readFileSync(spec, 'utf8'));
    expect(log.rules).toBe('sco+commitment=automatic');
    expect(log.features.commitment).toBe('automatic');
    expect(log.features.council).toBe('cfm'); // the rest is the SCO's
    const verify = cli('verify', spec);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain('verified (frontier-armed-attack, sco+commitment=automatic, seed 7');
    // --feature appends to the rule set named: the same name, so the same bytes.
    expect(cli('run', FRONTIER, '--rules', 'sco', '--feature', 'commitment=automatic', '--seed', '7', '--out', flag).code).toBe(0);
    expect(readFileSync(flag)).toEqual(readFileSync(spec));
  });

  it('batch plays every rule set named, presets and specs alike', () => {
    const r = cli('batch', TERROR, FRONTIER, '--rules', 'nato,sco,csto', '--runs', '3', '--json');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    for (const scenario of ['terror-attack-member', 'frontier-armed-attack']) {
      const mine = lines.filter((s) => s.scenario === scenario);
      expect(mine.map((s) => `${s.rules}/${s.seed}`)).toEqual(['nato/1', 'nato/2', 'nato/3', 'sco/1', 'sco/2', 'sco/3', 'csto/1', 'csto/2', 'csto/3']);
    }
    const lab = cli('batch', TERROR, '--rules', 'nato,csto', '--feature', 'decisionRule=majority', '--feature', 'council=assembly', '--runs', '2', '--json');
    expect(lab.code, lab.err).toBe(0);
    expect(lab.out.trim().split('\n').map((l) => JSON.parse(l).rules)).toEqual([
      'nato+decisionRule=majority+council=assembly',
      'nato+decisionRule=majority+council=assembly',
      'csto+decisionRule=majority+council=assembly',
      'csto+decisionRule=majority+council=assembly',
    ]);
  });

  it('refuses an unknown rule set, feature or value in one line that lists the valid ones, with exit 2', () => {
    const rules = cli('run', TERROR, '--rules', 'natox', '--seed', '1');
    expect(rules.code).toBe(2);
    expect(rules.err).toBe('crisis-lab run: unknown rule set "natox"; the rule sets are: nato, sco, csto\n');
    const value = cli('run', TERROR, '--rules', 'sco', '--feature', 'commitment=bogus', '--seed', '1');
    expect(value.code).toBe(2);
    expect(value.err).toBe('crisis-lab run: rule set "sco+commitment=bogus": feature commitment has no value "bogus"; it takes: consultation-only, deems-necessary, automatic\n');
    const feature = cli('batch', TERROR, '--rules', 'nato,sco', '--feature', 'speed=high', '--runs', '1');
    expect(feature.code).toBe(2);
    expect(feature.err).toMatch(/^crisis-lab batch: rule set "nato\+speed=high": unknown feature "speed"; the features are: council, .*commitment/);
    expect(feature.err.trim().split('\n')).toHaveLength(1);
    expect(feature.out).toBe('');
    const incoherent = cli('run', TERROR, '--rules', 'nato+decisionRule=majority', '--seed', '1');
    expect(incoherent.code).toBe(2);
    expect(incoherent.err).toMatch(/decisionRule "majority" needs a body that votes/);
    expect(cli('run', TERROR, '--rules', 'nato,sco', '--seed', '1').code).toBe(2);
    expect(cli('run', TERROR, '--rules', 'sco', '--feature', 'commitment', '--seed', '1').err).toMatch(/--feature takes key=value/);
  });

  it('verify names the engine version that made an older log, and why a rule set cannot be played', () => {
    const log = join(dir, 'versions.json');
    expect(cli('run', TERROR, '--rules', 'csto', '--seed', '2', '--out', log).code).toBe(0);
    const data = JSON.parse(readFileSync(log, 'utf8'));
    const older = join(dir, 'older.json');
    writeFileSync(older, JSON.stringify({ ...data, engineVersion: '0.0.9' }));
    const v = cli('verify', older);
    expect(v.code).toBe(1);
    expect(v.err).toContain('made by engine version 0.0.9');
    expect(v.err).not.toMatch(/refused|digest|changed|tamper/);
    // A rule set this engine cannot resolve, in a log whose digest is whole.
    const { digest: _d, ...body } = { ...data, rules: 'csto+commitment=total' };
    const unknown = join(dir, 'unknown-rules.json');
    writeFileSync(unknown, JSON.stringify({ ...body, digest: sha256Hex(canonicalJson(body)) }));
    const u = cli('verify', unknown);
    expect(u.code).toBe(1);
    expect(u.err).toContain(`${unknown}: refused: the log's rule set cannot be played: rule set "csto+commitment=total": feature commitment has no value "total"`);
  });

  it('validate accepts every shipped scenario', () => {
    const files = execFileSync('ls', ['scenarios'], { cwd: join(__dirname, '..'), encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    const r = cli('validate', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('logs an instructor can trust, on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-trust-'));
  const at = (name: string) => join(dir, name);

  it('keygen, sign and verify --key: "signed by key X" for the named key, "integrity only" without a signature', async () => {
    expect((await capture(['run', TERROR, '--rules', 'nato', '--seed', '11', '--out', at('plain.json')])).code).toBe(0);
    copyFileSync(at('plain.json'), at('signed.json'));
    const keygen = await capture(['keygen', '--out', at('server.key')]);
    expect(keygen.code, keygen.err).toBe(0);
    const fingerprint = /key ([0-9a-f]{4}(?::[0-9a-f]{4}){3})/.exec(keygen.out)![1]!;
    expect(statSync(at('server.key')).mode & 0o077).toBe(0); // the secret key is its owner's alone
    expect((await capture(['keygen', '--out', at('server.key')])).err).toMatch(/exists/);
    const sign = await capture(['sign', '--key', at('server.key'), at('signed.json')]);
    expect(sign.out).toBe(`${at('signed.json')}: signed by key ${fingerprint}\n`);

    const open = await capture(['verify', at('plain.json')]);
    expect(open.code).toBe(0);
    expect(open.out).toContain('integrity only: the digest detects accidental and naive changes, not authorship');
    const keyed = await capture(['verify', '--key', at('server.key.pub'), at('signed.json'), at('plain.json')]);
    expect(keyed.code).toBe(1);
    expect(keyed.out).toContain(`${at('signed.json')}: verified (terror-attack-member, nato, seed 11`);
    expect(keyed.out).toContain(`signed by key ${fingerprint}\n`);
    expect(keyed.err).toContain(`${at('plain.json')}: refused: replays, but it is not signed`);
    // The secret key where the public one belongs is named as such.
    expect((await capture(['verify', '--key', at('server.key'), at('signed.json')])).err).toMatch(/is a secret key; give the public key/);
    // A signed log whose player was changed and digest recomputed is refused.
    const data = JSON.parse(readFileSync(at('signed.json'), 'utf8'));
    data.player = 'Someone else';
    const { digest: _d, signature: _s, ...body } = data;
    writeFileSync(at('forged.json'), JSON.stringify({ ...data, digest: sha256Hex(canonicalJson(body)) }));
    expect((await capture(['verify', at('forged.json')])).err).toMatch(/refused: the signature does not match/);
  });

  it('flags the same log twice and the same game under two names, and still verifies both', async () => {
    expect((await capture(['run', FRONTIER, '--rules', 'sco', '--seed', '4', '--out', at('a.json')])).code).toBe(0);
    copyFileSync(at('a.json'), at('a-again.json'));
    const data = JSON.parse(readFileSync(at('a.json'), 'utf8'));
    const { digest: _d, ...body } = { ...data, player: 'Second student' };
    writeFileSync(at('renamed.json'), JSON.stringify({ ...body, digest: sha256Hex(canonicalJson(body)) }));
    const r = await capture(['verify', at('a.json'), at('a-again.json'), at('renamed.json')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`${at('a-again.json')}: duplicate: the same log as ${at('a.json')}`);
    expect(r.err).toContain(`${at('renamed.json')}: duplicate: the same game as ${at('a.json')} (there no name (consult-first), here "Second student")`);
  });

  it('names one bad input and still reports the others: a deeply nested log, a folder, a missing file, a file too large, a non-strict log', async () => {
    expect((await capture(['run', TERROR, '--rules', 'sco', '--seed', '8', '--out', at('good.json')])).code).toBe(0);
    writeFileSync(at('deep.json'), readFileSync(at('good.json'), 'utf8').replace('"policy":', `"player":${'['.repeat(300_000)}${']'.repeat(300_000)},"policy":`));
    writeFileSync(at('huge.json'), Buffer.alloc(8_000_001, 0x20));
    writeFileSync(at('twice.json'), readFileSync(at('good.json'), 'utf8').replace('"seed":"', '"seed":"9","seed":"'));
    const r = await capture(['verify', at('deep.json'), dir, at('missing.json'), at('huge.json'), at('twice.json'), at('good.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/good\.json: verified/);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/deep\.json: refused: not a strict log: nesting deeper than 64 levels at line 1, column \d+$/);
    expect(lines[1]).toMatch(/: refused: .* is a folder, not an outcome log$/);
    expect(lines[2]).toMatch(/missing\.json: refused: .*missing\.json not found$/);
    expect(lines[3]).toMatch(/huge\.json: refused: .* is 8\.0 MB; an outcome log is at most 8\.0 MB$/);
    expect(lines[4]).toMatch(/twice\.json: refused: not a strict log: the key "seed" a second time in one object/);
  });

  it('batch --logs writes each game\'s log under a name that says which game, and verify accepts them all', async () => {
    const r = await capture(['batch', TERROR, '--rules', 'nato,sco+commitment=automatic', '--runs', '2', '--policy', 'hawk', '--workers', '1', '--logs', at('logs'), '--json']);
    expect(r.code, r.err).toBe(0);
    const names = readdirSync(at('logs')).sort();
    expect(names).toEqual([
      'terror-attack-member.nato.hawk.1.json',
      'terror-attack-member.nato.hawk.2.json',
      'terror-attack-member.sco+commitment=automatic.hawk.1.json',
      'terror-attack-member.sco+commitment=automatic.hawk.2.json',
    ]);
    // The same bytes as `run --out` writes for that game.
    expect((await capture(['run', TERROR, '--rules', 'nato', '--seed', '2', '--policy', 'hawk', '--out', at('run.json')])).code).toBe(0);
    expect(readFileSync(join(at('logs'), names[1]!))).toEqual(readFileSync(at('run.json')));
    const v = await capture(['verify', ...names.map((n) => join(at('logs'), n))]);
    expect(v.code, v.err).toBe(0);
    expect(v.out.trim().split('\n')).toHaveLength(4);
  });

  it('caps what would exhaust the machine, each with a clear message: --runs, a batch\'s games, --workers, a policy file', async () => {
    const runs = await capture(['batch', TERROR, '--rules', 'nato', '--runs', '1e12']);
    expect(runs.code).toBe(2);
    expect(runs.err).toMatch(/--runs must be a whole number of at least 1, not "1e12"/);
    expect((await capture(['batch', TERROR, '--rules', 'nato', '--runs', '1000000000000'])).err).toMatch(/--runs is at most 200,000: split larger runs with --seed-base/);
    const games = await capture(['batch', TERROR, FRONTIER, '--rules', 'nato,sco', '--runs', '60000']);
    expect(games.err).toBe('crisis-lab batch: 240,000 games asked (2 scenario × 2 rule set × 1 policy × 60000 runs); a batch plays at most 200,000: split it with --seed-base\n');
    const workers = await capture(['batch', TERROR, '--rules', 'nato', '--runs', '2', '--workers', '256']);
    expect(workers.code).toBe(2);
    expect(workers.err).toMatch(new RegExp(`--workers is at most ${availableParallelism()}: this machine has ${availableParallelism()} core`));
    writeFileSync(at('big-policy.yaml'), 'turns:\n' + '  - { turn: 1, intents: [consult] }\n'.repeat(40_000));
    const policy = await capture(['run', TERROR, '--rules', 'nato', '--seed', '1', '--policy', at('big-policy.yaml')]);
    expect(policy.code).toBe(1);
    expect(policy.err).toMatch(/policy file .*big-policy\.yaml is 1\.\d MB; a policy file is at most 1\.0 MB/);
    writeFileSync(at('long-policy.yaml'), 'turns:\n' + Array.from({ length: 400 }, (_, i) => `  - { turn: ${i + 1}, intents: [] }\n`).join(''));
    expect((await capture(['run', TERROR, '--rules', 'nato', '--seed', '1', '--policy', at('long-policy.yaml')])).err).toMatch(/policy file .*long-policy\.yaml: turns/);
  });

  it('--policy constructor (or any name of the object machinery) is an unknown policy', async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = await capture(['run', TERROR, '--rules', 'nato', '--seed', '1', '--policy', name]);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(new RegExp(`unknown policy "${name}"`));
    }
  });

  it('piping to head ends quietly: no EPIPE error, no stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" batch ${TERROR} --rules nato,sco --runs 300 --workers 1 --json | head -c 10`], {
      encoding: 'utf8',
      cwd: join(__dirname, '..'),
    });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).toBe('');
  });
});
