// The validator's messages in English: the reference wording, which ru.ts and kk.ts follow.
// `about` parameters are the schema's English field descriptions; other languages leave them
// out rather than mix languages in one sentence.
import type { Param, Params } from '../problem';
import type { Render } from './index';

export type Template = (p: Params, r: Render) => string;

const about = (p: Params, r: Render) => (p.about ? ` (${r(p.about).replace(/\.$/, '')})` : '');
const didYouMean = (p: Params, r: Render, next: string) => (p.near ? `: did you mean "${r(p.near)}"? ${next.toUpperCase()}` : `; ${next}`);
const cmp: Record<string, string> = { min: 'at least', minExclusive: 'more than', max: 'at most', maxExclusive: 'less than' };
const small = (p: Params) => p.cmp === 'min' || p.cmp === 'minExclusive';
const json = (v: Param): string => JSON.stringify(String(v ?? ''));

export const en = {
  // ---- The file as a whole ----
  'file.tooLarge': () => 'the file is larger than 1,000,000 bytes (1 MB); a scenario is far smaller, so split it or remove what does not belong',
  'file.empty': (p, r) => `the file is empty; a scenario is a mapping that starts with \`formatVersion: ${r(p.version)}\``,
  'file.manyDocuments': () => 'the file holds more than one YAML document (a `---` line); a scenario file holds one',
  'file.notMapping': (p, r) => `the top level must be a mapping of fields (\`formatVersion: ${r(p.version)}\`, \`id: ...\`, ...), not ${r(p.got)}`,
  'file.internal': () =>
    'the validator failed on this file because of a fault in the validator, not necessarily in the file; please report it with the file attached',
  'file.aliasExpansion': () => 'the YAML aliases expand too far; write the values out instead of using aliases',
  'file.bareCr': () =>
    'the lines of this file end with a bare carriage return (CR, as on classic Mac OS), which YAML readers do not all take as a line end; save the file with LF or CRLF line ends',
  'file.utf16': (p, r) => `the file is ${r(p.encoding)} text; save it as UTF-8 (with or without a byte-order mark), the only encoding scenario files use`,
  'file.notUtf8': () => 'the file is not UTF-8 text; save it as UTF-8',
  'file.nul': () => 'the file holds a NUL character, so it is not a text file; save the scenario as UTF-8 text',
  'read.missing': () => 'cannot read the file: no such file; check the path',
  'read.directory': () => 'cannot read the file: it is a directory; name the scenario files in it',
  'read.permission': () => 'cannot read the file: permission denied',
  'read.other': (p, r) => `cannot read the file: ${r(p.detail)}`,
  moreProblems: (p, r) => `and ${r(p.count)} more problem${p.count === 1 ? '' : 's'} from here on; fix those above and validate again`,

  // ---- Guards against files built to exhaust the reader ----
  tooDeep: (p, r) => `nesting is deeper than ${r(p.max)} levels; a scenario needs far fewer, so check the brackets and indentation here`,
  tooDeepAlias: (p, r) =>
    `nesting is deeper than ${r(p.max)} levels; a scenario needs far fewer, so check the brackets and indentation here (once alias *${r(p.alias)} is expanded)`,
  mappingTooLarge: (p, r) => `a mapping has ${r(p.count)} keys; at most ${r(p.max)} are allowed, and a scenario needs far fewer`,
  listTooLong: (p, r) => `a list has ${r(p.count)} entries; at most ${r(p.max)} are allowed, and a scenario needs far fewer`,
  aliasTooMany: (p, r) =>
    `too many alias uses (at *${r(p.alias)}): at most ${r(p.max)} are allowed, counting the aliases inside an aliased part each time it is used; write the values out instead`,
  aliasUnknown: (p, r) => `unknown alias *${r(p.alias)}: define the anchor &${r(p.alias)} before using it, or write the value out`,
  aliasCycle: (p, r) => `alias *${r(p.alias)} refers to a value that contains it, which never ends; write the value out`,
  keyNotPlain: () => 'a key must be a plain name, not a list, mapping or alias',
  keyForbidden: (p, r) => `the key "${r(p.key)}" is not allowed anywhere in a scenario (it could change how programs read the data); remove it`,
  policyNameForbidden: (p, r) =>
    `"${r(p.key)}" cannot be a policy name: programs reading the data give it a special meaning, so no key in a scenario may be called that; rename the policy (e.g. "historical" or "textbook")`,

  // ---- YAML syntax ----
  duplicateKey: (p) => `duplicate key ${json(p.key)}: a key may appear only once in a mapping; remove or rename one of them`,
  syntax: (p, r) =>
    `YAML syntax error: ${r(p.detail)}${p.bracket ? ` (the "${r(p.bracket)}" at line ${r(p.line)}, column ${r(p.column)} is not closed)` : ''}; check the indentation, brackets and quotes here`,

  // ---- Fields and values (the schema) ----
  missingField: (p, r) => `missing required field "${r(p.name)}"${p.how ? `; add \`${r(p.name)}:\` and ${r(p.how)}` : ''}${about(p, r)}`,
  wrongType: (p, r) => `expected ${r(p.expected)}, got ${r(p.got)}${p.how ? `; ${r(p.how)}${r(p.hint)}` : ''}${about(p, r)}`,
  unknownFeature: (p, r) => `unknown feature "${r(p.name)}"${didYouMean(p, r, 't')}he features are: ${r(p.features)}`,
  splitText: (p, r) =>
    `unknown field "${r(p.name)}": inside \`{ ... }\` a comma ends a value, so the text before this comma stopped there and the rest was read as a field name; put the whole text in quotes, or write the field on its own line without braces`,
  unknownFieldNear: (p, r) => `unknown field "${r(p.name)}": did you mean "${r(p.near)}"?`,
  unknownField: (p, r) =>
    `unknown field "${r(p.name)}": remove it${Array.isArray(p.known) && p.known.length > 0 ? `; the fields allowed here are ${r(p.known)}` : ''}`,
  formatNewer: (p, r) =>
    `format version ${r(p.value)} is newer than this game reads (${r(p.version)}); update Alliance Crisis Lab, or use a scenario written for format ${r(p.version)}`,
  formatUnknown: (p, r) =>
    `there is no scenario format ${r(p.value)}; write ${r(p.version)} (files in format 1 are read too, and \`crisis-lab migrate\` updates them)`,
  mustBe: (p, r) => `must be ${r(p.allowed)}, got ${r(p.got)}; write ${r(p.allowed)}`,
  notAllowed: (p, r) => `${r(p.value)} is not an allowed value${p.near ? `: did you mean "${r(p.near)}"?` : '.'} Allowed: ${r(p.allowed)}`,
  listSize: (p, r) =>
    `needs ${cmp[String(p.cmp)]} ${r(p.bound)} item${p.bound === 1 ? '' : 's'}, has ${r(p.count)}; ${small(p) ? 'add' : 'remove'} some${about(p, r)}`,
  textEmpty: (p, r) => `must not be empty; write a text${about(p, r)}`,
  textLength: (p, r) =>
    `must be ${cmp[String(p.cmp)]} ${r(p.bound)} characters long, is ${r(p.count)}; ${small(p) ? 'lengthen' : 'shorten'} it${about(p, r)}`,
  numberBound: (p, r) => `must be ${cmp[String(p.cmp)]} ${r(p.bound)}, got ${r(p.got)}${p.how ? `; ${r(p.how)}${r(p.hint)}` : ''}${about(p, r)}`,
  badFormat: (p, r) => `${r(p.got)} is not valid: ${r(p.rule)}${p.near ? `; did you mean "${r(p.near)}"?` : ''}`,
  badKey: (p, r) => `the key ${json(p.key)} is not valid: ${r(p.rule)}`,
  badEntry: (p, r) => `an entry is not valid: ${r(p.rule)}`,
  schemaOther: (p, r) => `${r(p.detail)}${p.how ? `; ${r(p.how)}` : ''}`,

  // The rules of `.regex` checks in schema.ts (which takes its wording from here).
  'rule.stateId': () => 'a state id is 2–16 capital letters, digits or _, starting with a letter (e.g. "POL")',
  'rule.iso3': () => 'an ISO 3166-1 alpha-3 code is three capital letters',
  'rule.eventId': () => 'an event id is lower-case letters, digits and dashes',
  'rule.scenarioId': () => 'a scenario id is lower-case letters, digits and dashes',
  'rule.ruleSetId': () => 'a rule-set name is 1–32 lower-case letters, digits and dashes (e.g. "nato" or "nato-majority")',
  'rule.ruleSetKey': () => 'a rule-set name is 1–32 lower-case letters, digits and dashes (e.g. "nato-majority")',
  'rule.policyName': () => 'a policy name is 1–32 lower-case letters, digits and dashes (e.g. "historical")',
  'rule.key': () => 'this key is not allowed',

  // How to write a value.
  'how.number': (p, r) => {
    const kind = p.int ? 'a whole number' : 'a number';
    if (p.min !== undefined && p.max !== undefined) return `write ${kind} from ${r(p.min)} to ${r(p.max)}`;
    if (p.min !== undefined) return `write ${kind} of at least ${r(p.min)}`;
    if (p.max !== undefined) return `write ${kind} of at most ${r(p.max)}`;
    return `write ${kind}`;
  },
  'how.text': () => 'write a text',
  'how.boolean': () => 'write true or false',
  'how.oneOf': (p, r) => `write one of: ${r(p.values)}`,
  'how.literal': (p, r) => `write ${r(p.values)}`,
  'how.mapping': (p, r) => (Array.isArray(p.fields) && p.fields.length > 0 ? `write a mapping with the fields ${r(p.fields)}` : 'write a mapping of fields'),
  'how.record': () => 'write a mapping (key: value)',
  'how.list': () => 'write a list (`[a, b]`, or one `- item` per line)',
  'how.other': () => 'see scenarios/schema.json for what is allowed here',
  'hint.percent': (p, r) => `; for ${r(p.n)}% write ${r(p.share)}`,

  // What kind of value was expected.
  'kind.number': () => 'a number',
  'kind.int': () => 'a whole number',
  'kind.text': () => 'a text',
  'kind.boolean': () => 'true or false',
  'kind.mapping': () => 'a mapping',
  'kind.list': () => 'a list',

  // What was found.
  'value.nothing': () => 'nothing',
  'value.text': (p) => `the text ${json(p.text)}`,
  'value.quoted': (p) => json(p.text),
  'value.number': (p, r) => `the number ${r(p.n)}`,
  'value.boolean': (p, r) => r(p.b),
  'value.list': () => 'a list',
  'value.mapping': () => 'a mapping',
  'value.other': (p, r) => r(p.type),
  'got.list': () => 'a list',
  'got.single': (p, r) => `a single value (${r(p.value)})`,
  'got.alias': () => 'an alias',

  // ---- Cross-references ----
  unknownState: (p, r) =>
    `unknown state "${r(p.id)}" ${r(p.role)}${didYouMean(p, r, 'u')}se an id from \`states\` (${r(p.states)}) or add a state with this id`,
  'role.threat': () => 'in threat perception',
  'role.threatOrGroup': (p, r) => `in threat perception (or the adversary group "${r(p.group)}")`,
  'role.ties': () => 'in ties',
  'role.members': () => 'in alliance members',
  'role.player': () => "as the player's state",
  'role.adversary': () => 'as the adversary (kind: state); for a non-state adversary write `kind: group`',
  'role.base': () => "as the adversary's base",
  'role.place': () => 'as the event place',
  'role.parties': () => 'in the event parties',
  'role.tabledBy': () => 'as the member tabling a draft',
  duplicateState: (p, r) => `duplicate state id "${r(p.id)}": each state needs its own id; rename or remove one`,
  memberTwice: (p, r) => `"${r(p.id)}" is listed twice; list each member once`,
  playerNotMember: (p, r) => `the player's state "${r(p.id)}" is not an alliance member; add it to alliance.members or pick one of ${r(p.members)}`,
  adversaryIsMember: (p, r) =>
    `the adversary "${r(p.id)}" is an alliance member, and the alliance cannot deliberate against one of its own; remove it from alliance.members, or for a clash between two members use an event of \`kind: member-clash\``,
  groupIsState: (p, r) =>
    `the group's id "${r(p.id)}" is also a state's id, so \`threat\` and \`ties\` toward it could mean either; give the group an id of its own (e.g. "${r(p.id)}_GROUP"), or write \`kind: state\` if the state is the adversary`,
  noObjectives: () => 'needs at least one objective with a non-zero weight (e.g. `cohesion: 0.5`); the score is computed from them',
  zeroWeight: (p, r) =>
    `a weight of 0 counts for nothing in the score; ${p.none ? 'no objective has a weight yet, and the score is computed from them: give this one a weight' : 'remove this objective or give it a weight'} from -1 to 1 (positive: the player wants more of it; negative: less), e.g. \`${r(p.key)}: 0.5\``,
  groupNeedsName: () =>
    'a group adversary needs a name, which players read in the news and the debrief (a state\'s name comes from `states`, a group has none there); add `name: { en: ... }` under adversary',
  ruleListedTwice: (p, r) => `rule set "${r(p.name)}" is listed twice; list each once`,
  unknownRuleSet: (p, r) =>
    `unknown rule set "${r(p.name)}"${didYouMean(p, r, 't')}he rule sets are: ${r(p.names)}; use one of these, or define "${r(p.name)}" under \`ruleSets\``,
  ruleSetIsPreset: (p, r) =>
    `"${r(p.name)}" is the name of a preset, which always means the preset itself; give this rule set a name of its own (e.g. "${r(p.name)}-lab")`,
  unknownBase: (p, r) => `unknown rule set "${r(p.name)}"; the rule sets are: ${r(p.names)}${p.near ? `; did you mean "${r(p.near)}"?` : ''}`,
  baseLoop: (p, r) =>
    `rule set "${r(p.name)}" is defined in terms of itself (${Array.isArray(p.chain) ? p.chain.join(' → ') : ''}); base one of them on a preset (${r(p.presets)})`,
  'lab.majorityNeedsVote': (p, r) =>
    `rule set "${r(p.name)}": decisionRule "majority" needs a body that votes: set council to "assembly" (the ${r(p.council)} decides without a vote)`,
  'lab.assemblyVotes': (p, r) => `rule set "${r(p.name)}": council "assembly" votes: set decisionRule to "majority"`,
  'lab.conditionalNeedsCommitment': (p, r) =>
    `rule set "${r(p.name)}": attribution "conditional" needs a defence commitment to make conditional: set commitment to "deems-necessary" or "automatic"`,
  'lab.integratedNeedsCommitment': (p, r) =>
    `rule set "${r(p.name)}": command "integrated" has pre-delegated defence plans, which need a defence commitment: set commitment to "deems-necessary" or "automatic"`,
  'lab.foreignTrainedNeedsCommitment': (p, r) =>
    `rule set "${r(p.name)}": unrest "foreign-trained" treats unrest as aggression under a defence commitment: set commitment to "deems-necessary" or "automatic"`,
  'lab.other': (p, r) => r(p.detail),
  scriptedNotMember: (p, r) =>
    `"${r(p.id)}" is not an alliance member, and only members answer proposals${didYouMean(p, r, 's')}cript the positions of one of ${r(p.members)}`,
  duplicateEvent: (p, r) => `duplicate event id "${r(p.id)}": each event needs its own id; rename one`,
  eventNeedsTiming: () => 'needs either `at: <turn>` (a scripted event) or `chance: { probability, from, to }` (a chance event)',
  eventBothTimings: () => 'an event has either `at` or `chance`, not both; remove one',
  eventAfterHorizon: (p, r) => `turn ${r(p.turn)} is after the horizon (${r(p.horizon)}); use a turn from 1 to ${r(p.horizon)} or raise \`horizon\``,
  probabilityZero: () =>
    'a probability of 0 means this event can never happen; give it a chance above 0 (e.g. 0.1 for 10% on each turn of the window) or remove the event',
  windowReversed: (p, r) => `the window starts (${r(p.from)}) after it ends (${r(p.to)}); make \`from\` at most \`to\``,
  windowAfterHorizon: (p, r) =>
    `turn ${r(p.from)} is after the horizon (${r(p.horizon)}), so this event can never happen; start the window at a turn from 1 to ${r(p.horizon)} or raise \`horizon\``,
  windowEndsAfterHorizon: (p, r) =>
    `turn ${r(p.to)} is after the horizon (${r(p.horizon)}), and the game ends at the horizon, so the turns after it are never drawn; end the window at \`to: ${r(p.horizon)}\` or raise \`horizon\``,
  attributionAboveMax: (p, r) =>
    `the certainty starts (${r(p.initial)}) above its \`max\` (${r(p.max)}), so the game would start it at ${r(p.max)}; lower \`initial\` or raise \`max\``,
  partiesNotClash: (p, r) => `\`parties\` is read only for a member-clash, and this event is \`kind: ${r(p.kind)}\`; remove \`parties\`, or make it \`kind: member-clash\``,
  clashNeedsParties: () => 'a member-clash event needs `parties: [A, B]`, two different alliance members',
  clashSameParties: (p, r) => `the two parties are both "${r(p.id)}"; name two different alliance members`,
  clashPlaceNotParty: (p, r) =>
    `a member-clash happens on one party's ground, but "${r(p.place)}" is not one of its parties (${r(p.a)}, ${r(p.b)}); set \`place\` to ${r(p.a)} or ${r(p.b)}, or name ${r(p.place)} in \`parties\``,
  clashPartyNotMember: (p, r) => `"${r(p.id)}" is not an alliance member; a member-clash is between members (${r(p.members)})`,
  policyBuiltIn: (p, r) =>
    `"${r(p.name)}" is the name of a built-in player policy (${r(p.builtIns)}), so \`--policy ${r(p.name)}\` would play the built-in one, not this; rename the policy (e.g. "historical" or "textbook")`,
  policyTurnAfterHorizon: (p, r) => `turn ${r(p.turn)} is after the horizon (${r(p.horizon)}); use a turn from 1 to ${r(p.horizon)} or remove it`,
  policyTurnTwice: (p, r) =>
    `turn ${r(p.turn)} is listed twice in policy "${r(p.policy)}" (first at turns[${r(p.first)}]), and only the first is played; put all its intents in one \`intents\` list`,
  intentTwice: (p, r) => `"${r(p.intent)}" is listed twice in turn ${r(p.turn)}; an intent is taken at most once a turn, so list it once`,
  motionByPlayer: (p, r) => `"${r(p.by)}" is the player's state: put its requests in \`intents\`; a motion is another member's or the chair's`,
  motionByOutsider: (p, r) => `"${r(p.by)}" is not a member of the alliance; a motion is put by a member state (${r(p.members)}) or "chair"`,
  duplicateSitting: (p, r) => `duplicate sitting id "${r(p.id)}": each sitting of the calendar needs its own id; rename one`,
  tablerNotMember: (p, r) => `"${r(p.id)}" is not an alliance member; a draft is tabled by a member state (${r(p.members)})`,
  unknownEventRef: (p, r) =>
    `unknown event "${r(p.id)}"${didYouMean(p, r, 'u')}se an id from \`events\` (${r(p.events)})`,
  motionNationalChoice: (p, r) =>
    `"${r(p.intent)}" is a national choice, not a request to the alliance; a motion asks the alliance for consult, collective-defence, joint-statement, ct-cooperation or suspend-member`,
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof en;
