// A stop-gap checker for scenario files until `crisis-lab validate` does the same:
// the zod schema, then the cross-references the schema cannot express.
// Usage: npx tsx scripts/check-scenarios.ts scenarios/*.yaml
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Scenario } from '../src/engine/scenario/schema.ts';

function crossCheck(s: Scenario): string[] {
  const problems: string[] = [];
  const ids = new Set(s.states.map((st) => st.id));
  const members = new Set(s.alliance.members);
  const known = (id: string) => ids.has(id) || id === s.adversary.id;

  if (ids.size !== s.states.length) problems.push('duplicate state ids');
  for (const m of s.alliance.members) if (!ids.has(m)) problems.push(`member ${m} is not in states`);
  if (members.size !== s.alliance.members.length) problems.push('duplicate alliance members');
  if (!members.has(s.player.state)) problems.push(`player ${s.player.state} is not an alliance member`);
  if (s.adversary.kind === 'state') {
    if (!ids.has(s.adversary.id)) problems.push(`adversary state ${s.adversary.id} is not in states`);
    if (members.has(s.adversary.id)) problems.push(`adversary ${s.adversary.id} is an alliance member`);
  } else {
    if (ids.has(s.adversary.id)) problems.push(`group adversary id ${s.adversary.id} clashes with a state id`);
    if (s.adversary.base && !ids.has(s.adversary.base)) problems.push(`adversary base ${s.adversary.base} is not in states`);
    if (!s.adversary.name) problems.push('a group adversary needs a name');
  }
  for (const st of s.states) {
    for (const k of Object.keys(st.profile.threat)) if (!known(k)) problems.push(`${st.id}: threat toward unknown ${k}`);
    for (const k of Object.keys(st.profile.ties)) if (!known(k)) problems.push(`${st.id}: ties toward unknown ${k}`);
    if (members.has(st.id) && !(s.adversary.id in st.profile.threat))
      problems.push(`${st.id}: member without a threat value toward the adversary ${s.adversary.id}`);
  }
  const eventIds = new Set<string>();
  for (const e of s.events) {
    if (eventIds.has(e.id)) problems.push(`duplicate event id ${e.id}`);
    eventIds.add(e.id);
    if (!ids.has(e.place)) problems.push(`event ${e.id}: place ${e.place} is not in states`);
    if ((e.at === undefined) === (e.chance === undefined)) problems.push(`event ${e.id}: give exactly one of at/chance`);
    if (e.at !== undefined && e.at > s.horizon) problems.push(`event ${e.id}: at ${e.at} beyond horizon`);
    if (e.chance) {
      if (e.chance.from > e.chance.to) problems.push(`event ${e.id}: chance.from > chance.to`);
      if (e.chance.to > s.horizon) problems.push(`event ${e.id}: chance.to beyond horizon`);
    }
    if (e.attribution.initial > e.attribution.max) problems.push(`event ${e.id}: attribution initial > max`);
    if (e.kind === 'member-clash') {
      if (!e.parties) problems.push(`event ${e.id}: member-clash needs parties`);
      else if (!e.parties.every((p) => members.has(p)) || e.parties[0] === e.parties[1])
        problems.push(`event ${e.id}: parties must be two different members`);
    } else if (e.parties) problems.push(`event ${e.id}: parties only make sense for a member-clash`);
  }
  for (const [name, p] of Object.entries(s.policies))
    for (const t of p.turns) if (t.turn > s.horizon) problems.push(`policy ${name}: turn ${t.turn} beyond horizon`);
  const langs = ['en', 'ru', 'kk'] as const;
  const texts: Array<[string, Record<string, string | undefined>]> = [
    ['title', s.title], ['summary', s.summary], ['briefing', s.briefing],
    ...s.states.map((st) => [`state ${st.id} name`, st.name] as [string, Record<string, string | undefined>]),
    ...s.events.map((e) => [`event ${e.id}`, e.text] as [string, Record<string, string | undefined>]),
    ...s.learningObjectives.map((t, i) => [`learningObjectives[${i}]`, t] as [string, Record<string, string | undefined>]),
    ...s.debriefQuestions.map((t, i) => [`debriefQuestions[${i}]`, t] as [string, Record<string, string | undefined>]),
  ];
  if (s.adversary.name) texts.push(['adversary name', s.adversary.name]);
  for (const [where, t] of texts) for (const l of langs) if (!t[l]) problems.push(`${where}: no ${l} text`);
  return problems;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  if (!source.startsWith('# yaml-language-server: $schema=./schema.json')) console.log(`${file}: first line is not the schema comment`);
  const r = Scenario.safeParse(parse(source));
  if (!r.success) {
    failed++;
    for (const i of r.error.issues) console.log(`${file}: ${i.path.join('.')}: ${i.message}`);
    continue;
  }
  const problems = crossCheck(r.data);
  if (problems.length) failed++;
  for (const p of problems) console.log(`${file}: ${p}`);
  if (!problems.length) console.log(`${file}: ok (${r.data.states.length} states, ${r.data.events.length} events)`);
}
process.exitCode = failed ? 1 : 0;
