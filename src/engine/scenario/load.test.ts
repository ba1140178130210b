import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_KEYS, PRESET_IDS } from '../rules/features';
import { resolveRuleSet } from '../rules/rule-set';
import { editDistance, formatProblem, nearest, parseScenario } from './load';
import { RULE_SETS } from './schema';

const dir = 'test/fixtures/scenarios/';
const fixture = (name: string) => readFileSync(dir + name, 'utf8');
const minimal = fixture('minimal.yaml');

/** The problems as the CLI prints them. */
function lines(text: string, file = 'x.yaml'): string[] {
  const result = parseScenario(text, file);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** minimal.yaml with one exact piece of text replaced (which must be there). */
function edit(from: string, to: string): string {
  expect(minimal).toContain(from);
  return minimal.replace(from, to);
}

/** minimal.yaml with a second event appended; its `- id:` line is line 80. */
function withEvent(body: string): string {
  return `${minimal}  - id: second\n${body}`;
}
const eventBody = (fields: Record<string, string>) =>
  Object.entries({ kind: 'armed-attack', place: 'BRV', severity: '2', attribution: '{ initial: 0.5 }', at: '2', text: '{ en: Second }', ...fields })
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join('');

describe('parseScenario on valid files', () => {
  it('reads the minimal YAML scenario and fills defaults', () => {
    const result = parseScenario(minimal, 'minimal.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.id).toBe('minimal-test');
    expect(result.scenario.states.map((s) => s.id)).toEqual(['ALF', 'BRV', 'CHR', 'RED']);
    expect(result.scenario.states[2]!.profile.threat).toEqual({});
    expect(result.scenario.events[0]!.attribution.max).toBe(1);
    expect(result.scenario.policies).toEqual({});
  });

  it('reads JSON the same as YAML', () => {
    const json = parseScenario(fixture('minimal.json'), 'minimal.json');
    const yaml = parseScenario(minimal, 'minimal.yaml');
    expect(json.ok).toBe(true);
    expect(json).toEqual(yaml);
  });

  it('accepts a few aliases for shared values, and a byte-order mark', () => {
    const text = edit('      capability: 0.7\n', '      capability: &cap 0.7\n').replace('capability: 0.3', 'capability: *cap');
    expect(parseScenario(`\uFEFF${text}`, 'x.yaml').ok).toBe(true);
  });

  it('accepts a group adversary named in threat perceptions', () => {
    const text = edit('  kind: state\n  id: RED\n', '  kind: group\n  id: BLACK_HAND\n  name: { en: The Black Hand }\n  base: RED\n').replace(
      'threat: { RED: 0.5 }',
      'threat: { BLACK_HAND: 0.5 }',
    );
    expect(lines(text)).toEqual([]);
  });
});

describe('broken fixtures point at the exact line and column', () => {
  const cases: Array<[string, string[]]> = [
    [
      'wrong-type.yaml',
      [
        'wrong-type.yaml:26:22: states[0].profile.riskTolerance: expected a number, got the text "high"; write a number from 0 to 1 (Willingness to accept risk of escalation, 0–1)',
      ],
    ],
    [
      'wrong-type.json',
      [
        'wrong-type.json:49:23: states[1].profile.capability: expected a number, got the text "0.7"; write a number from 0 to 1 (Military capability relative to the strongest actor in the scenario, 0–1)',
      ],
    ],
    [
      'unknown-field.yaml',
      [
        'unknown-field.yaml:3:1: horizon: missing required field "horizon"; add `horizon:` and write a whole number from 1 to 120 (The last turn)',
        'unknown-field.yaml:15:1: horizn: unknown field "horizn": did you mean "horizon"?',
      ],
    ],
    [
      'bad-enum.yaml',
      [
        'bad-enum.yaml:70:11: events[0].kind: "armed-atack" is not an allowed value: did you mean "armed-attack"? Allowed: "terrorist-attack", "armed-attack", "cyber-attack", "hybrid-campaign", "airspace-incident", "unrest", "member-clash"',
      ],
    ],
    [
      'unknown-state.yaml',
      [
        'unknown-state.yaml:25:25: states[0].profile.ties.CHX: unknown state "CHX" in ties: did you mean "CHR"? Use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
      ],
    ],
    [
      'missing-field.yaml',
      [
        'missing-field.yaml:42:7: states[2].profile.domesticConstraint: missing required field "domesticConstraint"; add `domesticConstraint:` and write a number from 0 to 1 (Domestic limits on using force (parliament, public opinion), 0–1)',
      ],
    ],
    [
      'syntax-error.yaml',
      [
        'syntax-error.yaml:14:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (the "[" at line 13, column 8 is not closed); check the indentation, brackets and quotes here',
      ],
    ],
    [
      'duplicate-key.yaml',
      ['duplicate-key.yaml:15:1: turnDays: duplicate key "turnDays": a key may appear only once in a mapping; remove or rename one of them'],
    ],
    [
      'proto-key.yaml',
      [
        'proto-key.yaml:29:7: states[0].profile.__proto__: the key "__proto__" is not allowed anywhere in a scenario (it could change how programs read the data); remove it',
      ],
    ],
    [
      'alias-bomb.yaml',
      [
        'alias-bomb.yaml:4:16: c[2]: too many alias uses (at *b): at most 32 are allowed, counting the aliases inside an aliased part each time it is used; write the values out instead',
      ],
    ],
    [
      'never-fires.yaml',
      [
        'never-fires.yaml:85:28: events[1].chance.probability: a probability of 0 means this event can never happen; give it a chance above 0 (e.g. 0.1 for 10% on each turn of the window) or remove the event',
        'never-fires.yaml:92:39: events[2].chance.from: turn 11 is after the horizon (10), so this event can never happen; start the window at a turn from 1 to 10 or raise `horizon`',
        'never-fires.yaml:102:11: events[3].chance.to: turn 15 is after the horizon (10), and the game ends at the horizon, so the turns after it are never drawn; end the window at `to: 10` or raise `horizon`',
      ],
    ],
    [
      'probability-percent.yaml',
      [
        'probability-percent.yaml:85:28: events[1].chance.probability: must be at most 1, got the number 35; write a number from 0 to 1; for 35% write 0.35 (Chance of happening on each turn of the window (at most once))',
        'probability-percent.yaml:92:28: events[2].chance.probability: expected a number, got the text "20%"; write a number from 0 to 1; for 20% write 0.2 (Chance of happening on each turn of the window (at most once))',
      ],
    ],
    [
      'objective-zero.yaml',
      [
        'objective-zero.yaml:61:15: player.objectives.cohesion: a weight of 0 counts for nothing in the score; remove this objective or give it a weight from -1 to 1 (positive: the player wants more of it; negative: less), e.g. `cohesion: 0.5`',
      ],
    ],
    [
      'group-without-name.yaml',
      [
        "group-without-name.yaml:63:3: adversary.name: a group adversary needs a name, which players read in the news and the debrief (a state's name comes from `states`, a group has none there); add `name: { en: ... }` under adversary",
      ],
    ],
    [
      'clash-place.yaml',
      [
        'clash-place.yaml:72:12: events[0].place: a member-clash happens on one party\'s ground, but "ALF" is not one of its parties (BRV, CHR); set `place` to BRV or CHR, or name ALF in `parties`',
      ],
    ],
    [
      'policy-repeats.yaml',
      [
        'policy-repeats.yaml:73:45: policies.historical.turns[1].intents[2]: "consult" is listed twice in turn 2; an intent is taken at most once a turn, so list it once',
        'policy-repeats.yaml:74:17: policies.historical.turns[2].turn: turn 1 is listed twice in policy "historical" (first at turns[0]), and only the first is played; put all its intents in one `intents` list',
      ],
    ],
    [
      'policy-reserved-name.yaml',
      [
        'policy-reserved-name.yaml:69:3: policies.constructor: "constructor" cannot be a policy name: programs reading the data give it a special meaning, so no key in a scenario may be called that; rename the policy (e.g. "historical" or "textbook")',
      ],
    ],
    [
      'deep-nesting.yaml',
      ['deep-nesting.yaml:3:36: nesting is deeper than 32 levels; a scenario needs far fewer, so check the brackets and indentation here'],
    ],
  ];
  it.each(cases)('%s', (name, expected) => {
    expect(lines(fixture(name), name)).toEqual(expected);
  });

  // Migration changes only the version's value, so the positions in a format-1 file hold.
  it.each(cases.filter(([name]) => /formatVersion"?: 2\b/.test(fixture(name))))('%s, written in format 1', (name, expected) => {
    expect(lines(fixture(name).replace(/(formatVersion"?: )2\b/, '$11'), name)).toEqual(expected);
  });
});

describe('format 1, read by migration', () => {
  it('reads the format-1 fixture as the same scenario as the current one', () => {
    const old = parseScenario(fixture('minimal-v1.yaml'), 'minimal-v1.yaml');
    const current = parseScenario(minimal, 'minimal.yaml');
    expect(old.ok && current.ok).toBe(true);
    if (old.ok && current.ok) {
      expect(old.scenario).toEqual(current.scenario);
      expect(old.scenario.formatVersion).toBe(2);
    }
  });
});

describe('refusals, without throwing', () => {
  it('refuses a file over 1,000,000 bytes of UTF-8, counting multi-byte characters', () => {
    const ascii = `id: "${'a'.repeat(1_000_000 - 7)}"\n`; // exactly 1,000,000 bytes
    expect(ascii.length).toBe(1_000_000);
    expect(lines(ascii).join('\n')).not.toContain('larger than');
    expect(lines(`${ascii} `)).toEqual([
      'x.yaml:1:1: the file is larger than 1,000,000 bytes (1 MB); a scenario is far smaller, so split it or remove what does not belong',
    ]);
    // 500,001 two-byte letters: fewer than a million UTF-16 units, more than a million bytes.
    const wide = `id: "${'é'.repeat(500_001)}"`;
    expect(wide.length).toBeLessThan(1_000_000);
    expect(lines(wide)[0]).toContain('x.yaml:1:1: the file is larger than 1,000,000 bytes');
  });

  it('refuses an empty file, or one with only comments', () => {
    const message = 'x.yaml:1:1: the file is empty; a scenario is a mapping that starts with `formatVersion: 2`';
    expect(lines('')).toEqual([message]);
    expect(lines('  \n\n')).toEqual([message]);
    expect(lines('# nothing yet\n')).toEqual([message]);
    expect(lines('---\n')).toEqual([message]);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(lines('- a\n- b\n')).toEqual([
      'x.yaml:1:1: the top level must be a mapping of fields (`formatVersion: 2`, `id: ...`, ...), not a list',
    ]);
    expect(lines('# c\n42\n')).toEqual([
      'x.yaml:2:1: the top level must be a mapping of fields (`formatVersion: 2`, `id: ...`, ...), not a single value (the number 42)',
    ]);
  });

  it('refuses more than one document', () => {
    expect(lines('a: 1\n---\nb: 2\n')).toEqual([
      'x.yaml:2:1: the file holds more than one YAML document (a `---` line); a scenario file holds one',
    ]);
  });

  it('refuses constructor and prototype keys anywhere, and JSON __proto__', () => {
    expect(lines(edit('alliance:\n', 'alliance:\n  constructor: 1\n'))).toEqual([
      'x.yaml:56:3: alliance.constructor: the key "constructor" is not allowed anywhere in a scenario (it could change how programs read the data); remove it',
    ]);
    expect(lines(edit('    text:\n', '    text:\n      prototype: x\n'))).toEqual([
      'x.yaml:79:7: events[0].text.prototype: the key "prototype" is not allowed anywhere in a scenario (it could change how programs read the data); remove it',
    ]);
    expect(lines('{"id": "a",\n "__proto__": {"polluted": true}}', 'x.json')).toEqual([
      'x.json:2:2: __proto__: the key "__proto__" is not allowed anywhere in a scenario (it could change how programs read the data); remove it',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a policy may not be named __proto__, constructor or prototype, and how to name it', () => {
    const json = fixture('minimal.json').replace(/^\{\n/, '{\n  "policies": {"__proto__": {"turns": []}},\n');
    expect(lines(json, 'x.json')).toEqual([
      'x.json:2:16: policies.__proto__: "__proto__" cannot be a policy name: programs reading the data give it a special meaning, so no key in a scenario may be called that; rename the policy (e.g. "historical" or "textbook")',
    ]);
    expect(lines(edit('events:\n', 'policies: { prototype: { turns: [] } }\nevents:\n'))).toEqual([
      'x.yaml:68:13: policies.prototype: "prototype" cannot be a policy name: programs reading the data give it a special meaning, so no key in a scenario may be called that; rename the policy (e.g. "historical" or "textbook")',
    ]);
    expect(lines(edit('events:\n', 'policies: { Historical: { turns: [] } }\nevents:\n'))).toEqual([
      'x.yaml:68:13: policies.Historical: the key "Historical" is not valid: a policy name is 1–32 lower-case letters, digits and dashes (e.g. "historical")',
    ]);
  });

  it('refuses keys that are lists or mappings', () => {
    expect(lines('? [a, b]\n: 1\n')).toEqual(['x.yaml:1:3: a key must be a plain name, not a list, mapping or alias']);
  });

  it('refuses unknown and self-containing aliases', () => {
    expect(lines('a: *nowhere\n')).toEqual([
      'x.yaml:1:4: a: unknown alias *nowhere: define the anchor &nowhere before using it, or write the value out',
    ]);
    expect(lines('a: &loop [1, *loop]\n')).toEqual([
      'x.yaml:1:14: a[1]: alias *loop refers to a value that contains it, which never ends; write the value out',
    ]);
  });

  it('refuses nesting that only gets too deep once an alias is expanded', () => {
    const twenty = (inner: string) => `${'['.repeat(20)}${inner}${']'.repeat(20)}`;
    expect(lines(`a: &deep ${twenty('1')}\nb: ${twenty('*deep')}\n`)).toEqual([
      'x.yaml:2:24: b[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting is deeper than 32 levels; a scenario needs far fewer, so check the brackets and indentation here (once alias *deep is expanded)',
    ]);
  });

  it('refuses very deep nesting, in flow and block style, before the composer recurses', () => {
    expect(lines(`a: ${'['.repeat(300_000)}`)[0]).toBe(
      'x.yaml:1:35: nesting is deeper than 32 levels; a scenario needs far fewer, so check the brackets and indentation here',
    );
    expect(lines(`a:\n${'- '.repeat(100_000)}x`)).toEqual([
      'x.yaml:2:63: nesting is deeper than 32 levels; a scenario needs far fewer, so check the brackets and indentation here',
    ]);
    const block = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(lines(block)).toEqual([
      'x.yaml:33:33: nesting is deeper than 32 levels; a scenario needs far fewer, so check the brackets and indentation here',
    ]);
  });

  it('refuses mappings and lists far larger than a scenario needs, before building them', () => {
    const keys = Array.from({ length: 257 }, (_, i) => `k${i}: 1`).join('\n');
    expect(lines(`# c\n${keys}`)).toEqual(['x.yaml:2:1: a mapping has 257 keys; at most 256 are allowed, and a scenario needs far fewer']);
    expect(lines(`a: [${Array.from({ length: 1001 }, () => '1').join(', ')}]`)).toEqual([
      'x.yaml:1:4: a list has 1001 entries; at most 1000 are allowed, and a scenario needs far fewer',
    ]);
    // Thousands of duplicate keys: the parser's pair-by-pair check must not run away.
    const dups = `x:\n${Array.from({ length: 300 }, () => `  - {${Array.from({ length: 256 }, () => 'a: 1').join(', ')}}`).join('\n')}`;
    expect(lines(dups)).toHaveLength(101);
  });

  it('lists at most 100 problems, then counts the rest', () => {
    const text = edit('alliance:\n', `alliance:\n${Array.from({ length: 150 }, (_, i) => `  extra${i}: 1\n`).join('')}`);
    const found = lines(text);
    expect(found).toHaveLength(101);
    expect(found[99]).toBe('x.yaml:155:3: alliance.extra99: unknown field "extra99": remove it; the fields allowed here are members, scripted, calendar');
    expect(found[100]).toBe('x.yaml:156:3: and 50 more problems from here on; fix those above and validate again');
  });

  it('counts columns as editors do, with a byte-order mark or Windows line ends', () => {
    const wrong = fixture('wrong-type.yaml');
    const expected = lines(wrong);
    expect(lines(`\uFEFF${wrong}`)).toEqual(expected);
    expect(lines(wrong.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(lines('\uFEFFformatVersion: 2\n')[0]).toMatch(/^x\.yaml:1:1: /);
    expect(lines('\uFEFFid: minimal-test\nformatVersion: 0\n')).toContain(
      'x.yaml:2:16: formatVersion: there is no scenario format 0; write 2 (files in format 1 are read too, and `crisis-lab migrate` updates them)',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    // The parser notices a missing quote where the text ends, and says so.
    expect(lines('a: "unclosed\n')[0]).toMatch(/^x\.yaml:2:1: YAML syntax error: Missing closing "quote/);
    expect(lines('{"a": 1,, "b": 2}', 'x.json')[0]).toMatch(/^x\.json:1:9: YAML syntax error: /);
    expect(lines('a:\n\t- b\n')[0]).toMatch(/^x\.yaml:2:1: YAML syntax error: Tabs/);
    expect(lines('a: {b: [1, 2}\nc: 1\n')).toEqual([
      'x.yaml:1:13: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (the "[" at line 1, column 8 is not closed); check the indentation, brackets and quotes here',
      'x.yaml:1:14: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } (the "{" at line 1, column 4 is not closed); check the indentation, brackets and quotes here',
    ]);
  });

  it('never throws on odd input', () => {
    for (const text of ['\u0000', '{', '}', '"', '&a', '*a', '!!binary x', '? ', ': :', '[{]}', '%YAML 9.9\n---\na: 1', '\uD800', 'a: !!int x']) {
      const result = parseScenario(text, 'x.yaml');
      if (result.ok) throw new Error(`accepted ${JSON.stringify(text)}`);
      for (const p of result.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('schema problems say how to fix them', () => {
  it('suggests the nearest allowed value and lists them', () => {
    expect(lines(edit('rules: [nato, sco]', 'rules: [nato, SCO]'))).toEqual([
      'x.yaml:13:15: rules[1]: the text "SCO" is not valid: a rule-set name is 1–32 lower-case letters, digits and dashes (e.g. "nato" or "nato-majority"); did you mean "sco"?',
    ]);
    expect(lines(edit('aims: coerce', 'aims: 3'))).toEqual([
      'x.yaml:67:9: adversary.aims: the number 3 is not an allowed value. Allowed: "probe", "coerce", "seize", "destabilise"',
    ]);
  });

  it('lists the known fields when no name is close', () => {
    expect(lines(edit('alliance:\n', 'alliance:\n  leader: ALF\n'))).toEqual([
      'x.yaml:56:3: alliance.leader: unknown field "leader": remove it; the fields allowed here are members, scripted, calendar',
    ]);
  });

  it('says when a comma inside braces cut a text in two', () => {
    expect(lines(edit('      en: Alfaland\n', '      { en: Alfaland, the small one, ru: Альфаленд }\n'))).toEqual([
      'x.yaml:20:23: states[0].name["the small one"]: unknown field "the small one": inside `{ ... }` a comma ends a value, so the text before this comma stopped there and the rest was read as a field name; put the whole text in quotes, or write the field on its own line without braces',
    ]);
    // A real unknown field in braces is still named as one.
    expect(lines(edit('      en: Alfaland\n', '      { en: Alfaland, de: Alfaland }\n'))).toEqual([
      'x.yaml:20:23: states[0].name.de: unknown field "de": remove it; the fields allowed here are en, ru, kk',
    ]);
  });

  it('names ranges, lengths and formats', () => {
    expect(lines(edit('riskTolerance: 0.5', 'riskTolerance: 1.5'))).toEqual([
      'x.yaml:26:22: states[0].profile.riskTolerance: must be at most 1, got the number 1.5; write a number from 0 to 1 (Willingness to accept risk of escalation, 0–1)',
    ]);
    expect(lines(edit('horizon: 10', 'horizon: 2.5'))).toEqual([
      'x.yaml:15:10: horizon: expected a whole number, got the number 2.5; write a whole number from 1 to 120 (The last turn)',
    ]);
    expect(lines(edit('  en: Minimal test crisis', '  en: ""'))).toEqual(['x.yaml:6:7: title.en: must not be empty; write a text (English text (required))']);
    expect(lines(edit('id: minimal-test', 'id: Minimal Test'))).toEqual([
      'x.yaml:4:5: id: the text "Minimal Test" is not valid: a scenario id is lower-case letters, digits and dashes',
    ]);
    expect(lines(edit('threat: { RED: 0.5 }', 'threat: { red: 0.5 }'))).toEqual([
      'x.yaml:35:17: states[1].profile.threat.red: the key "red" is not valid: a state id is 2–16 capital letters, digits or _, starting with a letter (e.g. "POL")',
    ]);
    expect(lines(edit('members: [ALF, BRV, CHR]', 'members: [ALF]'))).toEqual(['x.yaml:56:12: alliance.members: needs at least 2 items, has 1; add some (State ids of the members)']);
    expect(lines(edit('formatVersion: 2', 'formatVersion: "2"'))).toEqual(['x.yaml:3:16: formatVersion: must be 2, got the text "2"; write 2']);
    expect(lines(edit('formatVersion: 2', 'formatVersion: 3'))).toEqual([
      'x.yaml:3:16: formatVersion: format version 3 is newer than this game reads (2); update Alliance Crisis Lab, or use a scenario written for format 2',
    ]);
  });

  it('points at the key of an empty value', () => {
    expect(lines(edit('horizon: 10', 'horizon:'))).toEqual([
      'x.yaml:15:1: horizon: expected a number, got nothing; write a whole number from 1 to 120 (The last turn)',
    ]);
  });

  it('points at the anchor for the value written there, and at the alias where it is used', () => {
    const text = edit('      capability: 0.7\n', '      capability: &cap "high"\n').replace('capability: 0.3', 'capability: *cap');
    expect(lines(text)).toEqual([
      'x.yaml:33:24: states[1].profile.capability: expected a number, got the text "high"; write a number from 0 to 1 (Military capability relative to the strongest actor in the scenario, 0–1)',
      'x.yaml:42:19: states[2].profile.capability: expected a number, got the text "high"; write a number from 0 to 1 (Military capability relative to the strongest actor in the scenario, 0–1)',
    ]);
  });
});

describe('cross-references', () => {
  it('needs every named state in states, with a suggestion', () => {
    expect(lines(edit('members: [ALF, BRV, CHR]', 'members: [ALF, BRV, CRH]'))).toEqual([
      'x.yaml:56:23: alliance.members[2]: unknown state "CRH" in alliance members: did you mean "CHR"? Use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
    expect(lines(edit('  id: RED\n', '  id: ZZZ\n'))).toEqual([
      'x.yaml:64:7: adversary.id: unknown state "ZZZ" as the adversary (kind: state); for a non-state adversary write `kind: group`; use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
    expect(lines(edit('  aims: coerce\n', '  aims: coerce\n  base: NOWHERE\n'))).toEqual([
      'x.yaml:68:9: adversary.base: unknown state "NOWHERE" as the adversary\'s base; use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
    expect(lines(edit('place: ALF', 'place: XYZ'))).toEqual([
      'x.yaml:71:12: events[0].place: unknown state "XYZ" as the event place; use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
    expect(lines(edit('threat: { RED: 0.8 }', 'threat: { RED: 0.8, ISIS: 0.9 }'))).toEqual([
      'x.yaml:24:27: states[0].profile.threat.ISIS: unknown state "ISIS" in threat perception; use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
  });

  it('needs the player to lead an alliance member', () => {
    expect(lines(edit('  state: ALF', '  state: RED'))).toEqual([
      'x.yaml:58:10: player.state: the player\'s state "RED" is not an alliance member; add it to alliance.members or pick one of ALF, BRV, CHR',
    ]);
    expect(lines(edit('  state: ALF', '  state: ALG'))[0]).toContain('x.yaml:58:10: player.state: unknown state "ALG" as the player\'s state: did you mean "ALF"?');
  });

  it('keeps the adversary out of the alliance, and a group apart from the states', () => {
    expect(lines(edit('  id: RED\n', '  id: CHR\n'))).toEqual([
      'x.yaml:64:7: adversary.id: the adversary "CHR" is an alliance member, and the alliance cannot deliberate against one of its own; remove it from alliance.members, or for a clash between two members use an event of `kind: member-clash`',
    ]);
    expect(lines(edit('  kind: state\n  id: RED\n', '  kind: group\n  id: RED\n  name: { en: Red Brigade }\n'))).toEqual([
      'x.yaml:64:7: adversary.id: the group\'s id "RED" is also a state\'s id, so `threat` and `ties` toward it could mean either; give the group an id of its own (e.g. "RED_GROUP"), or write `kind: state` if the state is the adversary',
    ]);
  });

  it('refuses duplicate ids, members and rule sets', () => {
    // Renaming CHR also leaves CHR unknown where it is named: both are reported.
    expect(lines(edit('  - id: CHR\n', '  - id: BRV\n'))).toContain(
      'x.yaml:38:9: states[2].id: duplicate state id "BRV": each state needs its own id; rename or remove one',
    );
    expect(lines(withEvent(eventBody({})).replace('  - id: second', '  - id: border-shots'))).toEqual([
      'x.yaml:80:9: events[1].id: duplicate event id "border-shots": each event needs its own id; rename one',
    ]);
    expect(lines(edit('members: [ALF, BRV, CHR]', 'members: [ALF, BRV, ALF]'))).toEqual([
      'x.yaml:56:23: alliance.members[2]: "ALF" is listed twice; list each member once',
    ]);
    expect(lines(edit('rules: [nato, sco]', 'rules: [nato, nato]'))).toEqual(['x.yaml:13:15: rules[1]: rule set "nato" is listed twice; list each once']);
  });

  it('needs exactly one of at and chance, windows in order and within the horizon', () => {
    expect(lines(withEvent(eventBody({ at: '' })))).toEqual([
      'x.yaml:80:5: events[1]: needs either `at: <turn>` (a scripted event) or `chance: { probability, from, to }` (a chance event)',
    ]);
    expect(lines(withEvent(eventBody({ chance: '{ probability: 0.1, from: 1, to: 3 }' })))).toEqual([
      'x.yaml:87:13: events[1].chance: an event has either `at` or `chance`, not both; remove one',
    ]);
    expect(lines(withEvent(eventBody({ at: '', chance: '{ probability: 0.1, from: 12, to: 5 }' })))).toEqual([
      'x.yaml:86:39: events[1].chance.from: the window starts (12) after it ends (5); make `from` at most `to`',
      'x.yaml:86:39: events[1].chance.from: turn 12 is after the horizon (10), so this event can never happen; start the window at a turn from 1 to 10 or raise `horizon`',
    ]);
    expect(lines(edit('    at: 1\n', '    at: 11\n'))).toEqual([
      'x.yaml:77:9: events[0].at: turn 11 is after the horizon (10); use a turn from 1 to 10 or raise `horizon`',
    ]);
  });

  it('needs a member clash to name exactly two parties in a list', () => {
    expect(lines(withEvent(eventBody({ kind: 'member-clash', place: 'BRV', parties: '[BRV]' })))).toEqual([
      'x.yaml:87:14: events[1].parties: needs at least 2 items, has 1; add some (For a member-clash: the two members in the clash)',
    ]);
    // One problem, the type: not also "too long" for a text.
    expect(lines(withEvent(eventBody({ kind: 'member-clash', place: 'BRV', parties: 'BRV' })))).toEqual([
      'x.yaml:87:14: events[1].parties: expected a list, got the text "BRV"; write a list (`[a, b]`, or one `- item` per line) (For a member-clash: the two members in the clash)',
    ]);
  });

  it('needs a member clash between two different members', () => {
    expect(lines(withEvent(eventBody({ kind: 'member-clash' })))).toEqual([
      'x.yaml:80:5: events[1].parties: a member-clash event needs `parties: [A, B]`, two different alliance members',
    ]);
    expect(lines(withEvent(eventBody({ kind: 'member-clash', parties: '[BRV, BRV]' })))).toEqual([
      'x.yaml:87:14: events[1].parties: the two parties are both "BRV"; name two different alliance members',
    ]);
    expect(lines(withEvent(eventBody({ kind: 'member-clash', parties: '[BRV, RED]' })))).toEqual([
      'x.yaml:87:20: events[1].parties[1]: "RED" is not an alliance member; a member-clash is between members (ALF, BRV, CHR)',
    ]);
    expect(lines(withEvent(eventBody({ kind: 'member-clash', parties: '[BRV, QQQ]' })))).toEqual([
      'x.yaml:87:20: events[1].parties[1]: unknown state "QQQ" in the event parties; use an id from `states` (ALF, BRV, CHR, RED) or add a state with this id',
    ]);
  });

  it('refuses an attribution that starts above its maximum, and parties on an event that is not a clash', () => {
    expect(lines(withEvent(eventBody({ attribution: '{ initial: 0.8, max: 0.6 }' })))).toEqual([
      'x.yaml:84:29: events[1].attribution.initial: the certainty starts (0.8) above its `max` (0.6), so the game would start it at 0.6; lower `initial` or raise `max`',
    ]);
    expect(lines(withEvent(eventBody({ parties: '[ALF, BRV]' })))).toEqual([
      'x.yaml:87:5: events[1].parties: `parties` is read only for a member-clash, and this event is `kind: armed-attack`; remove `parties`, or make it `kind: member-clash`',
    ]);
  });

  it('needs scripted policy turns within the horizon', () => {
    const text = `${minimal.replace('events:\n', 'policies:\n  historical:\n    turns:\n      - { turn: 1, intents: [consult] }\n      - { turn: 12, intents: [] }\nevents:\n')}`;
    expect(lines(text)).toEqual([
      'x.yaml:72:17: policies.historical.turns[1].turn: turn 12 is after the horizon (10); use a turn from 1 to 10 or remove it',
    ]);
  });

  it('refuses a scripted policy named like a built-in one, which could never be played', () => {
    expect(lines(edit('events:\n', 'policies:\n  hawk: { turns: [{ turn: 1, intents: [act-alone] }] }\nevents:\n'))).toEqual([
      'x.yaml:69:3: policies.hawk: "hawk" is the name of a built-in player policy (passive, hawk, dove, consult-first, random, scripted), so `--policy hawk` would play the built-in one, not this; rename the policy (e.g. "historical" or "textbook")',
    ]);
  });

  it('needs at least one objective with a non-zero weight', () => {
    expect(lines(edit('    escalation: -0.5\n    cohesion: 0.5\n', '    {}\n'))).toEqual([
      'x.yaml:60:5: player.objectives: needs at least one objective with a non-zero weight (e.g. `cohesion: 0.5`); the score is computed from them',
    ]);
    // A single objective weighted 0: the problem is that objective, said once, at its weight.
    expect(lines(edit('    escalation: -0.5\n    cohesion: 0.5\n', '    escalation: 0\n'))).toEqual([
      'x.yaml:60:17: player.objectives.escalation: a weight of 0 counts for nothing in the score; no objective has a weight yet, and the score is computed from them: give this one a weight from -1 to 1 (positive: the player wants more of it; negative: less), e.g. `escalation: 0.5`',
    ]);
    expect(lines(edit('  objectives:\n    escalation: -0.5\n    cohesion: 0.5\n', '  objectives: { speed: 0, cohesion: 0 }\n'))).toEqual([
      'x.yaml:59:24: player.objectives.speed: a weight of 0 counts for nothing in the score; no objective has a weight yet, and the score is computed from them: give this one a weight from -1 to 1 (positive: the player wants more of it; negative: less), e.g. `speed: 0.5`',
      'x.yaml:59:37: player.objectives.cohesion: a weight of 0 counts for nothing in the score; no objective has a weight yet, and the score is computed from them: give this one a weight from -1 to 1 (positive: the player wants more of it; negative: less), e.g. `cohesion: 0.5`',
    ]);
  });
});

describe('format 2: rules, the design lab and scripted positions', () => {
  /** minimal.yaml with a `ruleSets` mapping after `rules` (line 13): its first entry is line 15. */
  const withRuleSets = (body: string, rules = '[nato, sco]') => edit('rules: [nato, sco]\n', `rules: ${rules}\nruleSets:\n${body}`);
  const definition = (name: string, base: string, features = '') =>
    `  ${name}:\n    base: ${base}\n    name: { en: ${name} }\n${features ? `    features: ${features}\n` : ''}`;

  it('reads rule sets of the design lab, which resolve as the game resolves them', () => {
    const text = withRuleSets(
      definition('sco-defence', 'sco', '{ commitment: automatic, command: rapid-reaction }') +
        definition('nato-majority', 'nato', '{ council: assembly, decisionRule: majority }') +
        definition('nato-majority-fast', 'nato-majority', '{ forumShifting: planning-committee }'),
      '[nato, sco, sco-defence, nato-majority]',
    );
    const result = parseScenario(text, 'x.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.rules).toEqual(['nato', 'sco', 'sco-defence', 'nato-majority']);
    const lab = resolveRuleSet('sco-defence', result.scenario.ruleSets);
    expect(lab.ok && lab.value.features).toMatchObject({ council: 'cfm', commitment: 'automatic', command: 'rapid-reaction' });
    const chained = resolveRuleSet('nato-majority-fast', result.scenario.ruleSets);
    expect(chained.ok && chained.value.features).toMatchObject({ council: 'assembly', decisionRule: 'majority', forumShifting: 'planning-committee' });
  });

  it('offers every preset when `rules` is left out', () => {
    const result = parseScenario(edit('rules: [nato, sco]\n', ''), 'x.yaml');
    expect(result.ok && result.scenario.rules).toEqual(['nato', 'sco', 'csto']);
    expect(result.ok && result.scenario.ruleSets).toEqual({});
    expect(result.ok && result.scenario.alliance.scripted).toEqual({});
    expect([...RULE_SETS]).toEqual(PRESET_IDS);
  });

  it('refuses an unknown feature where it is written, listing the features', () => {
    expect(lines(withRuleSets(definition('lab', 'sco', '{ comitment: automatic }')))).toEqual([
      `x.yaml:18:17: ruleSets.lab.features.comitment: unknown feature "comitment": did you mean "commitment"? The features are: ${FEATURE_KEYS.join(', ')}`,
    ]);
    expect(lines(withRuleSets(definition('lab', 'sco', '{ voting: majority }')))).toEqual([
      `x.yaml:18:17: ruleSets.lab.features.voting: unknown feature "voting"; the features are: ${FEATURE_KEYS.join(', ')}`,
    ]);
  });

  it('refuses a value a feature does not take, listing the values it takes', () => {
    expect(lines(withRuleSets(definition('lab', 'sco', '{ commitment: binding }')))).toEqual([
      'x.yaml:18:29: ruleSets.lab.features.commitment: "binding" is not an allowed value. Allowed: "consultation-only", "deems-necessary", "automatic"',
    ]);
  });

  it('refuses an unknown base, listing the rule sets', () => {
    expect(lines(withRuleSets(definition('lab', 'scoo')))).toEqual([
      'x.yaml:16:11: ruleSets.lab.base: unknown rule set "scoo"; the rule sets are: nato, sco, csto, lab; did you mean "sco"?',
    ]);
  });

  it('reports a loop of bases once, at its first member, and nothing for what is built on it', () => {
    const loop = definition('lab', 'lab2') + definition('lab2', 'lab') + definition('lab3', 'lab2');
    expect(lines(withRuleSets(loop))).toEqual([
      'x.yaml:16:11: ruleSets.lab.base: rule set "lab" is defined in terms of itself (lab → lab2 → lab); base one of them on a preset (nato, sco, csto)',
    ]);
    expect(lines(withRuleSets(definition('lab', 'lab')))).toEqual([
      'x.yaml:16:11: ruleSets.lab.base: rule set "lab" is defined in terms of itself (lab → lab); base one of them on a preset (nato, sco, csto)',
    ]);
  });

  it('refuses a majority without a body that votes, once, at the definition', () => {
    const text = withRuleSets(definition('lab', 'nato', '{ decisionRule: majority }') + definition('lab2', 'lab'));
    expect(lines(text)).toEqual([
      'x.yaml:15:3: ruleSets.lab: rule set "lab": decisionRule "majority" needs a body that votes: set council to "assembly" (the nac decides without a vote)',
    ]);
    expect(lines(withRuleSets(definition('lab', 'sco', '{ council: assembly }')))).toEqual([
      'x.yaml:15:3: ruleSets.lab: rule set "lab": council "assembly" votes: set decisionRule to "majority"',
    ]);
  });

  it('refuses a `rules` entry that is neither a preset nor defined, listing the rule sets', () => {
    expect(lines(edit('rules: [nato, sco]', 'rules: [nato, sco-defence]'))).toEqual([
      'x.yaml:13:15: rules[1]: unknown rule set "sco-defence"; the rule sets are: nato, sco, csto; use one of these, or define "sco-defence" under `ruleSets`',
    ]);
    expect(lines(withRuleSets(definition('sco-defence', 'sco'), '[nato, sco-defense]'))).toEqual([
      'x.yaml:13:15: rules[1]: unknown rule set "sco-defense": did you mean "sco-defence"? The rule sets are: nato, sco, csto, sco-defence; use one of these, or define "sco-defense" under `ruleSets`',
    ]);
  });

  it('refuses a rule set named like a preset', () => {
    expect(lines(withRuleSets(definition('nato', 'sco')))).toEqual([
      'x.yaml:15:3: ruleSets.nato: "nato" is the name of a preset, which always means the preset itself; give this rule set a name of its own (e.g. "nato-lab")',
    ]);
  });

  it('reads scripted positions of members, and refuses others', () => {
    const scripted = (body: string) => edit('  members: [ALF, BRV, CHR]\n', `  members: [ALF, BRV, CHR]\n  scripted:\n${body}`);
    const result = parseScenario(scripted('    CHR: { collective-defence: object, consult: abstain }\n'), 'x.yaml');
    expect(result.ok && result.scenario.alliance.scripted).toEqual({ CHR: { 'collective-defence': 'object', consult: 'abstain' } });
    expect(lines(scripted('    RED: { consult: support }\n'))).toEqual([
      'x.yaml:58:5: alliance.scripted.RED: "RED" is not an alliance member, and only members answer proposals; script the positions of one of ALF, BRV, CHR',
    ]);
    expect(lines(scripted('    CHR: { consult: veto }\n'))).toEqual([
      'x.yaml:58:21: alliance.scripted.CHR.consult: "veto" is not an allowed value. Allowed: "support", "object", "abstain", "stay-out"',
    ]);
  });
});

describe('formatProblem and suggestions', () => {
  it('formats file:line:col: message', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, column: 7, path: 'x', code: 'syntax', params: {}, message: 'x: bad' })).toBe('a.yaml:3:7: x: bad');
  });

  it('measures edit distance and suggests only close names', () => {
    expect(editDistance('horizn', 'horizon')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // Swapped neighbours, the commonest typo, count as one edit.
    expect(editDistance('CRH', 'CHR')).toBe(1);
    expect(editDistance('horzion', 'horizon')).toBe(1);
    expect(nearest('horizn', ['horizon', 'id'])).toBe('horizon');
    expect(nearest('RiskTolerance', ['riskTolerance'])).toBe('riskTolerance');
    expect(nearest('zzzzzz', ['horizon', 'id'])).toBeUndefined();
  });
});
