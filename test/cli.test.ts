// The command line as instructors use it: real processes, real files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../src/engine/log/canonical';

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
