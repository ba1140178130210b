// `crisis-lab compare` through bin/, on a temporary folder of played logs, a tampered log, a
// log of another engine version and the JSON lines of `crisis-lab batch --json`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logText } from '../src/engine/log/outcome-log';
import { parseCsv, parseTableCsv, type Comparison } from '../src/compare/index';
import { playLogs, writeLogs } from '../bench/compare-bench';
import { keyFingerprint, publicKeyOf, signLog } from '../src/engine/log/signature';
import { PUBLIC_LABEL, SECRET_LABEL, keyFileText } from '../src/cli/key-file';

const ROOT = resolve(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/crisis-lab.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('crisis-lab compare', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-'));
    const logs = playLogs(10, { scenarios: ['scenarios/tutorial.yaml'], player: (i) => (i < 2 ? 'Aigerim' : undefined) });
    writeLogs(join(dir, 'class', 'group-a'), logs.slice(0, 6));
    writeLogs(join(dir, 'class', 'group-b'), logs.slice(6));
    const tampered = JSON.parse(logText(logs[2]!));
    tampered.turns[0].intents = ['act-alone'];
    writeFileSync(join(dir, 'class', 'tampered.json'), JSON.stringify(tampered));
    const old = JSON.parse(logText(logs[3]!));
    old.engineVersion = '0.0.1';
    writeFileSync(join(dir, 'class', 'old.json'), JSON.stringify(old));
    writeFileSync(join(dir, 'class', 'notes.txt'), 'not read');
    mkdirSync(join(dir, 'batch'));
    const batch = run('batch', 'scenarios/tutorial.yaml', '--rules', 'nato,sco', '--runs', '3', '--workers', '1', '--json');
    expect(batch.status, batch.stderr).toBe(0);
    writeFileSync(join(dir, 'batch', 'runs.jsonl'), batch.stdout);
    // Three presets and a design-lab rule set, as logs and as batch summaries.
    const lab = ['nato', 'sco', 'csto', 'sco+commitment=automatic'];
    writeLogs(join(dir, 'lab', 'logs'), playLogs(8, { scenarios: ['scenarios/tutorial.yaml'], rules: lab }));
    const labBatch = run('batch', 'scenarios/tutorial.yaml', '--rules', 'csto,nato,sco', '--runs', '2', '--workers', '1', '--json');
    expect(labBatch.status, labBatch.stderr).toBe(0);
    writeFileSync(join(dir, 'lab', 'runs.jsonl'), labBatch.stdout);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies a folder recursively, prints the table and names the refused logs', () => {
    const r = run('compare', join(dir, 'class'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('13 inputs: 10 verified logs, 0 unverified batch summaries, 1 refused, 1 from another engine version, 1 ignored (not logs)');
    // A file that is not a log is listed as ignored, with the reason.
    expect(r.stderr).toContain(`${join(dir, 'class', 'notes.txt')}: ignored: not a .json, .jsonl or .ndjson file`);
    expect(r.stdout).toMatch(/tutorial under NATO rules: 5 verified logs/);
    expect(r.stdout).toMatch(/score\s+5\s+0\s/);
    expect(r.stdout).toContain('Pairs (same scenario, seed, policy and player under two rule sets): 5; logs without a partner: 0');
    expect(r.stdout).toContain('Aigerim');
    expect(r.stderr).toContain(`${join(dir, 'class', 'tampered.json')}: refused: the digest does not match`);
    expect(r.stderr).toContain(`${join(dir, 'class', 'old.json')}: other engine version 0.0.1`);
    expect(run('compare', '--hide-names', join(dir, 'class')).stdout).not.toContain('Aigerim');
  });

  it('reads batch summaries as unverified, and prints JSON', () => {
    const r = run('compare', '--json', join(dir, 'batch'), join(dir, 'class', 'group-a'));
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.counts).toMatchObject({ inputs: 12, verified: 6, summaries: 6, refused: 0, otherVersion: 0, ignored: 0 });
    expect(c.groups.map((g) => `${g.rules}/${g.basis}/${g.games}`)).toEqual(['nato/log/3', 'sco/log/3', 'nato/summary/3', 'sco/summary/3']);
    expect(c.entries[0]!.source).toBe(`${join(dir, 'batch', 'runs.jsonl')}:1`);
  });

  it('writes a CSV that reads back to the JSON numbers', () => {
    const csvFile = join(dir, 'table.csv');
    const r = run('compare', join(dir, 'class'), '--csv', csvFile);
    expect(r.status, r.stderr).toBe(0);
    const rows = parseTableCsv(readFileSync(csvFile, 'utf8'));
    const c = JSON.parse(run('compare', '--json', join(dir, 'class')).stdout) as Comparison;
    expect(rows).toHaveLength(2 * 10);
    for (const row of rows) {
      const g = c.groups.find((x) => x.rules === row.rules && x.basis === row.basis)!;
      const { scenario: _s, scenarioSha: _h, rules: _r, basis: _b, indicator, ...numbers } = row;
      expect(numbers).toEqual(g.stats[indicator]);
    }
    expect(run('compare', join(dir, 'class'), '--csv', '-').stdout.split('\n')[0]).toBe('scenario,scenarioSha,rules,basis,indicator,count,missing,min,q1,median,q3,max,mean');
  });

  it('compares any number of rule sets, a design-lab spec among them, in the table, the pairs and the CSV', () => {
    const r = run('compare', '--json', join(dir, 'lab'));
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.counts).toMatchObject({ verified: 8, summaries: 6, refused: 0 });
    expect(c.groups.map((g) => `${g.rules}/${g.basis}/${g.games}`)).toEqual([
      'nato/log/2',
      'sco/log/2',
      'csto/log/2',
      'sco+commitment=automatic/log/2',
      'nato/summary/2',
      'sco/summary/2',
      'csto/summary/2',
    ]);
    expect([c.pairs.length, c.unpaired]).toEqual([12, 0]);
    const rows = parseTableCsv(run('compare', '--csv', '-', join(dir, 'lab')).stdout);
    expect(rows).toHaveLength(7 * 10);
    expect(rows.filter((row) => row.rules === 'sco+commitment=automatic' && row.indicator === 'score')[0]!.count).toBe(2);
    const text = run('compare', join(dir, 'lab')).stdout;
    expect(text).toContain('tutorial under rule set sco+commitment=automatic: 2 verified logs');
    expect(text).toContain('tutorial under CSTO rules: 2 unverified batch summaries');
  });

  it('exits 1 when nothing is accepted or, with --strict, when something is refused; 2 on usage errors', () => {
    const r = run('compare', join(dir, 'class', 'tampered.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('refused');
    expect(run('compare', '--strict', join(dir, 'class')).status).toBe(1);
    expect(run('compare', join(dir, 'nothing-here')).status).toBe(1);
    expect(run('compare').status).toBe(2);
    expect(run('compare', '--json', '--csv', 'x', dir).status).toBe(2);
  });

  it('gives the same entries over worker threads as in one thread', () => {
    const one = JSON.parse(run('compare', '--json', '--workers', '1', join(dir, 'class')).stdout) as Comparison;
    const two = JSON.parse(run('compare', '--json', '--workers', '2', join(dir, 'class')).stdout) as Comparison;
    expect(two).toEqual(one);
  });

  it('checks each log against the assignment: pools the matching ones, names the others', () => {
    const r = run('compare', '--json', '--assignment', 'scenarios/tutorial.yaml', '--rules', 'nato', '--seed', '2', join(dir, 'class', 'group-a'), join(dir, 'class', 'group-b'));
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.counts).toMatchObject({ inputs: 10, verified: 1, offAssignment: 9 });
    expect(c.groups.map((g) => `${g.rules}/${g.games}`)).toEqual(['nato/1']);
    expect(r.stderr).toMatch(/seed-1_\d+\.json: not the assignment's game: seed 1; the assignment fixes 2/);
    expect(r.stderr).toMatch(/_sco_seed-2_\d+\.json: not the assignment's game: played under rule set sco; the assignment fixes nato/);
    // Another version of the scenario (one word of its title changed): nothing is pooled.
    const edited = join(dir, 'tutorial-edited.yaml');
    writeFileSync(edited, readFileSync('scenarios/tutorial.yaml', 'utf8').replace('five days in the Northern Pact', 'five days in the Southern Pact'));
    const v = run('compare', '--assignment', edited, join(dir, 'class', 'group-a'));
    expect(v.status).toBe(1);
    expect(v.stderr).toContain("not the assignment's game: another version of the assignment's scenario");
    expect(v.stdout).toContain('Checked against the assignment: scenario tutorial');
    expect(run('compare', '--strict', '--assignment', 'scenarios/tutorial.yaml', '--seed', '2', join(dir, 'class', 'group-a')).status).toBe(1);
    // Mistakes in the call say what to do.
    expect(run('compare', '--rules', 'nato', join(dir, 'class')).stderr).toContain('give --assignment SCENARIO too');
    const missing = run('compare', '--assignment', join(dir, 'no-such.yaml'), join(dir, 'class'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such.yaml');
  });

  it('counts a log handed in twice once, flags the same game under another name, and filters', () => {
    const logs = playLogs(4, { scenarios: ['scenarios/tutorial.yaml'], player: () => 'Aigerim' });
    const renamed = playLogs(1, { scenarios: ['scenarios/tutorial.yaml'], player: () => 'Boris' });
    const twice = join(dir, 'twice');
    writeLogs(join(twice, 'a'), logs);
    writeLogs(join(twice, 'b'), [logs[0]!, renamed[0]!]);
    const r = run('compare', twice, '--games-csv', join(dir, 'games.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/b\/crisis-lab_tutorial_nato_seed-0_0000\.json: duplicate: the same log as .*a\/crisis-lab_tutorial_nato_seed-0_0000\.json, counted once/);
    expect(r.stdout).toContain('6 inputs: 5 verified logs, 0 unverified batch summaries, 0 refused, 0 from another engine version, 1 duplicate counted once');
    expect(r.stdout).toMatch(/b\/crisis-lab_tutorial_nato_seed-0_0001\.json \(Boris\): same game as .*a\/crisis-lab_tutorial_nato_seed-0_0000\.json/);
    // The per-game CSV: one row per game listed (the copy too, not counted), each with its player.
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'games.csv'), 'utf8'));
    expect(rows).toHaveLength(6);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((x) => `${x[at('player')]}/${x[at('counted')]}/${x[at('flag')]}`).sort()).toEqual(
      ['Aigerim/yes/same-game', 'Aigerim/yes/', 'Aigerim/yes/', 'Aigerim/yes/', 'Aigerim/no/duplicate', 'Boris/yes/same-game'].sort(),
    );
    const f = JSON.parse(run('compare', '--json', '--filter', 'rules=sco', '--filter', 'human', join(dir, 'lab')).stdout) as Comparison;
    expect(f.counts.verified + f.counts.summaries).toBe(0);
    const bots = JSON.parse(run('compare', '--json', '--filter', 'bot', '--filter', 'rules=sco', join(dir, 'lab')).stdout) as Comparison;
    expect(bots.groups.map((g) => `${g.rules}/${g.basis}/${g.games}`)).toEqual(['sco/log/2', 'sco/summary/2']);
    expect(run('compare', '--filter', 'colour=red', join(dir, 'lab')).status).toBe(2);
  });

  it('names a symlink loop, a dangling link and a link cycle, and still reports the rest', () => {
    const messy = join(dir, 'messy');
    writeLogs(join(messy, 'week-1'), playLogs(2, { scenarios: ['scenarios/tutorial.yaml'] }));
    symlinkSync('..', join(messy, 'week-1', 'back-up'));
    symlinkSync(join(messy, 'nowhere.json'), join(messy, 'dangling.json'));
    symlinkSync(join(messy, 'cycle-b'), join(messy, 'cycle-a'));
    symlinkSync(join(messy, 'cycle-a'), join(messy, 'cycle-b'));
    const r = run('compare', messy);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 verified logs');
    expect(r.stderr).toContain(`${join(messy, 'week-1', 'back-up')}: ignored: a link to the folder ${realpathSync(messy)}, already read (a symlink loop?)`);
    expect(r.stderr).toContain(`${join(messy, 'dangling.json')}: refused: cannot read the file: ENOENT`);
    expect(r.stderr).toContain(`${join(messy, 'cycle-a')}: refused: cannot read the file: ELOOP`);
  });
});

describe('crisis-lab compare --key', () => {
  it('says who signed each verified log, and counts the class server’s logs apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-key-'));
    try {
      const logs = playLogs(4, { scenarios: ['scenarios/tutorial.yaml'] });
      const server = '11'.repeat(32);
      const other = '22'.repeat(32);
      const texts = [logText(signLog(logs[0]!, server)), logText(signLog(logs[1]!, server)), logText(signLog(logs[2]!, other)), logText(logs[3]!)];
      texts.forEach((t, i) => writeFileSync(join(dir, `log-${i}.json`), t));
      writeFileSync(join(dir, 'server.pub'), keyFileText(PUBLIC_LABEL, publicKeyOf(server)));
      const plain = run('compare', dir, '--workers', '1');
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stdout).toContain(`Verified logs signed by key ${keyFingerprint(publicKeyOf(server))}: 2; signed by key ${keyFingerprint(publicKeyOf(other))}: 1; integrity only (the digest detects accidental and naive changes, not authorship): 1`);
      const keyed = run('compare', dir, '--workers', '1', '--key', join(dir, 'server.pub'), '--json');
      expect(keyed.status, keyed.stderr).toBe(0);
      const c = JSON.parse(keyed.stdout) as Comparison;
      expect(c.signers).toEqual({ serverKey: publicKeyOf(server), byServer: 2, otherKeys: [{ key: publicKeyOf(other), fingerprint: keyFingerprint(publicKeyOf(other)), logs: 1 }], integrityOnly: 1 });
      const text = run('compare', dir, '--workers', '1', '--key', join(dir, 'server.pub'));
      expect(text.stdout).toContain(`signed by this class's server (key ${keyFingerprint(publicKeyOf(server))}): 2; signed by key ${keyFingerprint(publicKeyOf(other))} (not this class's server): 1;`);
      // A secret key given where the public one is wanted is named, not used.
      writeFileSync(join(dir, 'server.key'), keyFileText(SECRET_LABEL, server));
      const wrong = run('compare', dir, '--key', join(dir, 'server.key'));
      expect(wrong.status).not.toBe(0);
      expect(wrong.stderr).toContain('is a secret key');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
