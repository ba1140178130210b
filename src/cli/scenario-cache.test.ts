import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../engine/index';
import { scenarioCache } from './scenario-cache';

const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-scenario-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = readFileSync('scenarios/tutorial.yaml', 'utf8');
const parsed = (text: string): Scenario => {
  const r = parseScenario(text, 'tutorial.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
};

describe('scenarioCache', () => {
  it('gives back the validated scenario for the same text, and nothing for any other text', () => {
    const cache = scenarioCache(join(dir, 'same'));
    const scenario = parsed(TEXT);
    expect(cache.get(TEXT)).toBeUndefined();
    cache.put(TEXT, scenario);
    expect(cache.get(TEXT)).toStrictEqual(scenario);
    // One character more, even where YAML ignores it, is another file: validated again.
    expect(cache.get(`${TEXT}\n`)).toBeUndefined();
    expect(readdirSync(join(dir, 'same'))).toHaveLength(1);
  });

  it('keeps no scenario that JSON would not give back exactly', () => {
    const cache = scenarioCache(join(dir, 'inexact'));
    const scenario = { ...parsed(TEXT), note: undefined } as unknown as Scenario;
    cache.put(TEXT, scenario);
    expect(cache.get(TEXT)).toBeUndefined();
  });

  it('reads a damaged entry as missing', () => {
    const cache = scenarioCache(join(dir, 'damaged'));
    cache.put(TEXT, parsed(TEXT));
    const [entry] = readdirSync(join(dir, 'damaged'));
    writeFileSync(join(dir, 'damaged', entry!), '{"id": "tutor');
    expect(cache.get(TEXT)).toBeUndefined();
  });

  it('in a folder it cannot make, still validates: nothing is kept and nothing thrown', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const cache = scenarioCache(join(dir, 'a-file', 'cache'));
    expect(() => cache.put(TEXT, parsed(TEXT))).not.toThrow();
    expect(cache.get(TEXT)).toBeUndefined();
  });
});

describe('the built command line', () => {
  const BIN = join(__dirname, '..', '..', 'bin', 'crisis-lab.mjs');
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

  it('validates a scenario file again once it changes, after it was read and kept', () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, TEXT);
    for (let i = 0; i < 2; i++) expect(cli('batch', file, '--rules', 'nato', '--runs', '1', '--json').status).toBe(0);
    writeFileSync(file, TEXT.replace(/^id: .*$/m, 'id: 42 42'));
    const broken = cli('batch', file, '--rules', 'nato', '--runs', '1', '--json');
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/mine\.yaml:\d+:\d+: /);
  });
});
