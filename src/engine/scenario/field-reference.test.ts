import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_REFERENCE_END, FIELD_REFERENCE_START, fieldReferenceMarkdown, withFieldReference } from './field-reference';
import { formatProblem, parseScenario } from './load';
import { FEATURES, FEATURE_KEYS, PRESETS } from '../rules/features';
import { resolveRuleSet } from '../rules/rule-set';
import { INDICATORS, INTENTS } from './schema';

const PAGE = 'docs/authoring.md';
const REGENERATE = 'run `npx tsx scripts/update-authoring.ts` and commit docs/authoring.md';

describe('the field reference', () => {
  const text = fieldReferenceMarkdown();

  it('has one table per mapping of the format, in file order, and one for texts', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### The scenario (top level)',
      '### `ruleSets.<name>`',
      '### `ruleSets.<name>.features`',
      '### `states[]`',
      '### `states[].location`',
      '### `states[].profile`',
      '### `alliance`',
      '### `alliance.calendar[]`',
      '### `player`',
      '### `adversary`',
      '### `events[]`',
      '### `events[].location`',
      '### `events[].attribution`',
      '### `events[].chance`',
      '### `policies.<name>`',
      '### `policies.<name>.turns[]`',
      '### `policies.<name>.turns[].motions[]`',
      '### Texts (`en`, `ru`, `kk`)',
    ]);
  });

  it('gives each field its type, whether it is required, its default, its range and its description', () => {
    const rows = text.split('\n');
    expect(rows).toContain('| `fictional` | `true` or `false` | no | `false` |  | True when states, events or figures are invented. |');
    expect(rows).toContain('| `horizon` | whole number | yes |  | 1 to 120 | The last turn. |');
    expect(rows).toContain('| `probability` | number | yes |  | 0 to 1 | Chance of happening on each turn of the window (at most once). |');
    expect(rows).toContain('| `place` | state id | yes |  |  | The state where the event happens. |');
    expect(rows).toContain('| `parties` | list of state ids | no |  | exactly 2 items | For a member-clash: the two members in the clash. |');
    expect(rows.find((r) => r.startsWith('| `objectives` |'))).toContain(`keys: any of ${INDICATORS.map((i) => `\`${i}\``).join(', ')}; values: -1 to 1`);
    expect(rows.find((r) => r.startsWith('| `intents` |'))).toContain(`each one of ${INTENTS.map((i) => `\`${i}\``).join(', ')}`);
    expect(text).toContain('Used by: `title`, `summary`, `briefing`, `ruleSets.<name>.name`, `ruleSets.<name>.about`, `states[].name`, `alliance.calendar[].name`, `adversary.name`, `events[].text`');
    expect(rows).toContain(
      '| `rules` | list of rule-set names | no | `["nato","sco","csto"]` | 1 to 16 items; each matches `^[a-z0-9][a-z0-9-]{0,31}$` | Rule sets this scenario may be played under: presets and names defined in `ruleSets`; all presets when left out. |',
    );
    expect(rows.find((r) => r.startsWith('| `scripted` |'))).toContain(
      `mapping of state ids to mappings of intents to positions | no | \`{}\` | keys: any of ${INTENTS.map((i) => `\`${i}\``).join(', ')}; values: one of \`support\`, \`object\`, \`abstain\`, \`stay-out\``,
    );
    // Every row has the six cells: no description breaks the table.
    for (const row of rows.filter((r) => r.startsWith('| `'))) expect(row.split(' | ')).toHaveLength(6);
  });
});

describe('the design lab in the field reference', () => {
  const text = fieldReferenceMarkdown();

  it('lists every feature with its values, and what each value means', () => {
    for (const key of FEATURE_KEYS) {
      const values = Object.keys(FEATURES[key].values);
      expect(text).toContain(`| \`${key}\` | text | no |  | one of ${values.map((v) => `\`${v}\``).join(', ')} | ${FEATURES[key].about} |`);
      expect(text).toContain(`- \`${key}\`: ${FEATURES[key].about}`);
      for (const [value, meaning] of Object.entries(FEATURES[key].values)) expect(text).toContain(`  - \`${value}\`: ${meaning.about}`);
    }
  });
});

describe('the JSON Schema editors read', () => {
  it('uses no keyword that editors knowing only draft 7 misread (VS Code YAML reads `items: false` as "no item allowed")', () => {
    const text = readFileSync('scenarios/schema.json', 'utf8');
    expect(text).not.toContain('"prefixItems"');
    expect(text).not.toContain('"items": false');
  });
});

describe('docs/authoring.md', () => {
  const page = readFileSync(PAGE, 'utf8');

  it('holds the current field reference between its markers', () => {
    const start = page.indexOf(FIELD_REFERENCE_START);
    const end = page.indexOf(FIELD_REFERENCE_END);
    expect(start, `${PAGE} lost its ${FIELD_REFERENCE_START} marker`).toBeGreaterThanOrEqual(0);
    expect(end, `${PAGE} lost its ${FIELD_REFERENCE_END} marker, or it comes before the start`).toBeGreaterThan(start);
    const current = page.slice(start + FIELD_REFERENCE_START.length, end);
    expect(current, `the field reference in ${PAGE} differs from what src/engine/scenario/schema.ts gives (it is generated; do not edit it by hand): ${REGENERATE}`).toBe(`\n${fieldReferenceMarkdown()}`);
  });

  it('opens with a minimal scenario that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    expect(example.startsWith('# yaml-language-server: $schema=./schema.json\n')).toBe(true);
    const result = parseScenario(example, 'authoring-example.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('shows snippets that validate once put into the example', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const example = blocks[0]!;
    const policies = blocks.find((b) => b.startsWith('policies:'));
    const title = blocks.find((b) => b.startsWith('title:'));
    expect(policies).toBeDefined();
    expect(title).toBeDefined();
    const text = example.replace('debriefQuestions:', `${policies}debriefQuestions:`).replace(/^title:\n {2}en: .*\n/m, title!);
    expect(text).toContain('Выстрелы на границе');
    const result = parseScenario(text, 'authoring-example.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(Object.keys(result.scenario.policies)).toEqual(['textbook']);
  });

  it('shows a calendar of regular sittings that validates once put into the example', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const calendar = blocks.find((b) => b.startsWith('alliance:') && b.includes('calendar:'))!;
    const text = blocks[0]!.replace(/^alliance:\n.*\n/m, calendar.replace(/ *#.*$/gm, ''));
    const result = parseScenario(text, 'border-shots.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(result.scenario.alliance.calendar?.map((s) => [s.id, s.at, s.tabledBy, s.condemns])).toEqual([['summit', 6, 'BRV', ['border-shots']]]);
  });

  it('shows design-lab rule sets that validate once put into the example, and the problems it says they give', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const lab = blocks.find((b) => b.startsWith('rules:'))!;
    const scripted = blocks.find((b) => b.startsWith('alliance:') && b.includes('scripted:'))!;
    expect(lab).toContain('ruleSets:');
    const text = blocks[0]!.replace('rules: [nato, sco]\n', lab).replace(/^alliance:\n.*\n/m, scripted.replace(/ *#.*$/gm, ''));
    const result = parseScenario(text, 'border-shots.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.rules).toEqual(['nato', 'sco', 'sco-defence', 'nato-majority']);
    expect(result.scenario.alliance.scripted).toEqual({ CHR: { 'collective-defence': 'object' } });
    const defence = resolveRuleSet('sco-defence', result.scenario.ruleSets);
    expect(defence.ok && defence.value.features).toEqual({ ...PRESETS.sco, commitment: 'automatic', command: 'rapid-reaction' });
    const majority = resolveRuleSet('nato-majority', result.scenario.ruleSets);
    expect(majority.ok && majority.value.features).toEqual({ ...PRESETS.nato, council: 'assembly', decisionRule: 'majority' });
    // The command-line notation names the same features.
    const spec = resolveRuleSet('sco+commitment=automatic+command=rapid-reaction');
    expect(spec.ok && spec.value.features).toEqual(defence.ok && defence.value.features);

    // The problems the page shows, each from one slip in the example.
    const shown = /```\n(border-shots\.yaml:[\s\S]*?)```/.exec(page)?.[1]?.trim().split('\n') ?? [];
    expect(shown).toHaveLength(2);
    const badValue = parseScenario(text.replace('commitment: automatic', 'commitment: binding'), 'border-shots.yaml');
    const noAssembly = parseScenario(text.replace(/ {6}council: assembly.*\n/, ''), 'border-shots.yaml');
    expect([badValue, noAssembly].flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)))).toEqual(shown);
  });

  it('regenerates with the script, which also checks', () => {
    expect(withFieldReference(page)).toBe(page);
    expect(() => withFieldReference('no markers here')).toThrow(FIELD_REFERENCE_START);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/update-authoring.ts', '--check'], { encoding: 'utf8' });
    expect(out).toBe(`${PAGE}: the field reference is up to date\n`);
  });
});
