// Cross-reference checks on a scenario whose shape is right: every named state exists, ids are
// unique, the player leads a member, rule sets resolve, events and scripted policies fit the
// horizon. They need no source text, so `validate` runs them on a file and `verifyLog` on the
// scenario embedded in a log; each issue names its field path, and the loader places it.
import { PRESET_IDS, isPresetId } from '../rules/features';
import { resolveFeatures } from '../rules/resolve';
import type { MessageCode } from './messages/index';
import { formatPath, problemMessage, type Params, type PathSeg } from './problem';
import type { Language, Scenario } from './schema';
import { nearest } from './suggest';
import { BUILT_IN_POLICIES } from './vocabulary';

export interface ScenarioIssue {
  /** The field the issue is about. */
  path: PathSeg[];
  /** Point at the key rather than the value (a name that is wrong as a name). */
  onKey?: boolean;
  /** Point at this field instead (the mapping a missing field belongs in). */
  at?: PathSeg[];
  code: MessageCode;
  params: Params;
}

/** An issue in one language, prefixed with its field path, as `validate` words it. */
export function scenarioIssueText(issue: ScenarioIssue, lang: Language = 'en'): string {
  return problemMessage({ path: formatPath(issue.path), code: issue.code, params: issue.params }, lang);
}

/** Every cross-reference problem of a scenario, in the order the checks find them. */
export function crossCheckScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: PathSeg[], code: MessageCode, params: Params = {}, where: { onKey?: boolean; at?: PathSeg[] } = {}) =>
    issues.push({ path, code, params, ...where });
  const stateIds = s.states.map((st) => st.id);
  const states = new Set(stateIds);
  const members = new Set(s.alliance.members);
  const memberList = [...members];
  const groupId = s.adversary.kind === 'group' ? s.adversary.id : undefined;

  const needState = (id: string, path: PathSeg[], role: MessageCode, roleParams?: Params, onKey = false): boolean => {
    if (states.has(id)) return true;
    const role_ = roleParams ? { code: role, params: roleParams } : { code: role };
    add(path, 'unknownState', { id, role: role_, near: nearest(id, stateIds), states: stateIds }, { onKey });
    return false;
  };

  const seenState = new Set<string>();
  s.states.forEach((st, i) => {
    if (seenState.has(st.id)) add(['states', i, 'id'], 'duplicateState', { id: st.id });
    seenState.add(st.id);
    for (const field of ['threat', 'ties'] as const) {
      for (const key of Object.keys(st.profile[field])) {
        if (key === groupId) continue;
        const path = ['states', i, 'profile', field, key];
        if (field === 'ties') needState(key, path, 'role.ties', undefined, true);
        else if (s.adversary.kind === 'group') needState(key, path, 'role.threatOrGroup', { group: s.adversary.id }, true);
        else needState(key, path, 'role.threat', undefined, true);
      }
    }
  });

  const seenMember = new Set<string>();
  s.alliance.members.forEach((id, i) => {
    const path = ['alliance', 'members', i];
    if (!needState(id, path, 'role.members')) return;
    if (seenMember.has(id)) add(path, 'memberTwice', { id });
    seenMember.add(id);
  });

  if (needState(s.player.state, ['player', 'state'], 'role.player') && !members.has(s.player.state)) {
    add(['player', 'state'], 'playerNotMember', { id: s.player.state, members: memberList });
  }

  if (s.adversary.kind === 'state') {
    needState(s.adversary.id, ['adversary', 'id'], 'role.adversary');
    if (members.has(s.adversary.id)) add(['adversary', 'id'], 'adversaryIsMember', { id: s.adversary.id });
  } else if (states.has(s.adversary.id)) {
    add(['adversary', 'id'], 'groupIsState', { id: s.adversary.id });
  }
  if (s.adversary.base !== undefined) needState(s.adversary.base, ['adversary', 'base'], 'role.base');

  // A weight of 0 counts for nothing in the score (it is weighed by |w|): an objective written
  // with one is a slip, either a forgotten value or one meant to be removed.
  const objectives = Object.entries(s.player.objectives).filter((e): e is [string, number] => typeof e[1] === 'number');
  const weighted = objectives.filter(([, w]) => w !== 0);
  if (objectives.length === 0) add(['player', 'objectives'], 'noObjectives');
  for (const [key, w] of objectives) {
    if (w === 0) add(['player', 'objectives', key], 'zeroWeight', { key, none: weighted.length === 0 });
  }

  if (s.adversary.kind === 'group' && s.adversary.name === undefined) add(['adversary', 'name'], 'groupNeedsName', {}, { at: ['adversary'] });

  issues.push(...checkRuleSets(s));

  for (const id of Object.keys(s.alliance.scripted)) {
    if (members.has(id)) continue;
    add(['alliance', 'scripted', id], 'scriptedNotMember', { id, near: nearest(id, memberList), members: memberList }, { onKey: true });
  }

  const seenEvent = new Set<string>();
  s.events.forEach((ev, i) => {
    const base: PathSeg[] = ['events', i];
    if (seenEvent.has(ev.id)) add([...base, 'id'], 'duplicateEvent', { id: ev.id });
    seenEvent.add(ev.id);
    needState(ev.place, [...base, 'place'], 'role.place');

    if (ev.at === undefined && ev.chance === undefined) add(base, 'eventNeedsTiming');
    else if (ev.at !== undefined && ev.chance !== undefined) add([...base, 'chance'], 'eventBothTimings');
    if (ev.at !== undefined && ev.at > s.horizon) add([...base, 'at'], 'eventAfterHorizon', { turn: ev.at, horizon: s.horizon });
    if (ev.chance) {
      const { probability, from, to } = ev.chance;
      const chancePath = (field: string): PathSeg[] => [...base, 'chance', field];
      if (probability === 0) add(chancePath('probability'), 'probabilityZero');
      if (from > to) add(chancePath('from'), 'windowReversed', { from, to });
      if (from > s.horizon) add(chancePath('from'), 'windowAfterHorizon', { from, horizon: s.horizon });
      // The game ends at the horizon: the turns after it are never drawn, and a window that
      // seems to run on misleads whoever reads the file about how likely the event is.
      else if (to > s.horizon) add(chancePath('to'), 'windowEndsAfterHorizon', { to, horizon: s.horizon });
    }
    if (ev.attribution.initial > ev.attribution.max) {
      add([...base, 'attribution', 'initial'], 'attributionAboveMax', { initial: ev.attribution.initial, max: ev.attribution.max });
    }
    ev.parties?.forEach((id, j) => needState(id, [...base, 'parties', j], 'role.parties'));
    if (ev.parties && ev.kind !== 'member-clash') add([...base, 'parties'], 'partiesNotClash', { kind: ev.kind }, { onKey: true });
    if (ev.kind === 'member-clash') {
      const parties = ev.parties;
      if (!parties) {
        add([...base, 'parties'], 'clashNeedsParties', {}, { at: base });
      } else {
        if (parties[0] === parties[1]) add([...base, 'parties'], 'clashSameParties', { id: parties[0] });
        if (!parties.includes(ev.place)) add([...base, 'place'], 'clashPlaceNotParty', { place: ev.place, a: parties[0], b: parties[1] });
        parties.forEach((id, j) => {
          if (states.has(id) && !members.has(id)) add([...base, 'parties', j], 'clashPartyNotMember', { id, members: memberList });
        });
      }
    }
  });

  const eventIds = s.events.map((ev) => ev.id);
  const seenSitting = new Set<string>();
  (s.alliance.calendar ?? []).forEach((sitting, i) => {
    const base: PathSeg[] = ['alliance', 'calendar', i];
    if (seenSitting.has(sitting.id)) add([...base, 'id'], 'duplicateSitting', { id: sitting.id });
    seenSitting.add(sitting.id);
    if (sitting.at > s.horizon) add([...base, 'at'], 'eventAfterHorizon', { turn: sitting.at, horizon: s.horizon });
    if (needState(sitting.tabledBy, [...base, 'tabledBy'], 'role.tabledBy') && !members.has(sitting.tabledBy)) {
      add([...base, 'tabledBy'], 'tablerNotMember', { id: sitting.tabledBy, members: memberList });
    }
    sitting.condemns.forEach((id, j) => {
      if (!seenEvent.has(id)) add([...base, 'condemns', j], 'unknownEventRef', { id, near: nearest(id, eventIds), events: eventIds });
    });
  });

  for (const [name, policy] of Object.entries(s.policies)) {
    if ((BUILT_IN_POLICIES as readonly string[]).includes(name)) {
      add(['policies', name], 'policyBuiltIn', { name, builtIns: [...BUILT_IN_POLICIES] }, { onKey: true });
    }
    const seenTurn = new Map<number, number>();
    policy.turns.forEach((t, j) => {
      const path = ['policies', name, 'turns', j, 'turn'];
      if (t.turn > s.horizon) add(path, 'policyTurnAfterHorizon', { turn: t.turn, horizon: s.horizon });
      const first = seenTurn.get(t.turn);
      if (first !== undefined) add(path, 'policyTurnTwice', { turn: t.turn, policy: name, first });
      else seenTurn.set(t.turn, j);
      const seenIntent = new Set<string>();
      t.intents.forEach((intent, k) => {
        if (seenIntent.has(intent)) add(['policies', name, 'turns', j, 'intents', k], 'intentTwice', { intent, turn: t.turn });
        seenIntent.add(intent);
      });
      (t.motions ?? []).forEach((motion, k) => {
        const mp = ['policies', name, 'turns', j, 'motions', k, 'by'];
        if (motion.by === s.player.state) add(mp, 'motionByPlayer', { by: motion.by });
        else if (motion.by !== 'chair' && !s.alliance.members.includes(motion.by)) {
          add(mp, 'motionByOutsider', { by: motion.by, members: [...s.alliance.members] });
        }
        if (motion.intent === 'act-alone' || motion.intent === 'de-escalate') {
          add(['policies', name, 'turns', j, 'motions', k, 'intent'], 'motionNationalChoice', { intent: motion.intent });
        }
      });
    });
  }
  return issues;
}

/**
 * `rules` names rule sets that exist, and each rule set of `ruleSets` resolves to a coherent set
 * of features (the same resolution the game runs). One fault is reported once, where it is
 * written: a loop at its first member, a definition built on a broken one only at the broken one.
 */
function checkRuleSets(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const defined = s.ruleSets;
  const isDefined = (name: string) => Object.prototype.hasOwnProperty.call(defined, name);
  const names = [...PRESET_IDS, ...Object.keys(defined).filter((n) => !isPresetId(n))];

  const seenRule = new Set<string>();
  s.rules.forEach((r, i) => {
    const path = ['rules', i];
    if (seenRule.has(r)) issues.push({ path, code: 'ruleListedTwice', params: { name: r } });
    seenRule.add(r);
    if (isPresetId(r) || isDefined(r)) return;
    issues.push({ path, code: 'unknownRuleSet', params: { name: r, near: nearest(r, names), names } });
  });

  const reported = new Set<string>();
  for (const [name, def] of Object.entries(defined)) {
    const path = ['ruleSets', name];
    if (isPresetId(name)) {
      issues.push({ path, onKey: true, code: 'ruleSetIsPreset', params: { name } });
      continue;
    }
    const basePath = [...path, 'base'];
    if (!isPresetId(def.base) && !isDefined(def.base)) {
      // The names the game's resolution lists, so the message matches what it would say.
      const known = [...PRESET_IDS, ...Object.keys(defined)];
      issues.push({ path: basePath, code: 'unknownBase', params: { name: def.base, names: known, near: nearest(def.base, names) } });
      continue;
    }
    const loop = loopFrom(name, defined);
    if (loop) {
      if (!loop.some((n) => reported.has(n))) {
        issues.push({ path: basePath, code: 'baseLoop', params: { name, chain: [...loop, name], presets: [...PRESET_IDS] } });
      }
      for (const n of loop) reported.add(n);
      continue;
    }
    // A base that does not resolve is reported where it is defined.
    if (!isPresetId(def.base) && !resolveFeatures(def.base, defined).ok) continue;
    const resolved = resolveFeatures(name, defined);
    if (!resolved.ok) issues.push({ path, onKey: true, ...incoherence(name, resolved.error) });
  }
  return issues;
}

/**
 * The resolver's reason a design does not hold together, as a message code. The resolver words
 * it in English only; the known reasons are matched here (a test covers each of them), and an
 * unknown one keeps the resolver's words.
 */
function incoherence(name: string, error: string): { code: MessageCode; params: Params } {
  const prefix = `rule set "${name}": `;
  const why = error.startsWith(prefix) ? error.slice(prefix.length) : error;
  const majority = /^decisionRule "majority" needs a body that votes: .*\(the (.+) decides without a vote\)$/.exec(why);
  if (majority) return { code: 'lab.majorityNeedsVote', params: { name, council: majority[1]! } };
  if (why.startsWith('council "assembly" votes')) return { code: 'lab.assemblyVotes', params: { name } };
  if (why.startsWith('attribution "conditional"')) return { code: 'lab.conditionalNeedsCommitment', params: { name } };
  if (why.startsWith('command "integrated"')) return { code: 'lab.integratedNeedsCommitment', params: { name } };
  if (why.startsWith('unrest "foreign-trained"')) return { code: 'lab.foreignTrainedNeedsCommitment', params: { name } };
  return { code: 'lab.other', params: { name, detail: error } };
}

/** The loop of bases `name` is part of, in order from `name`; undefined when it is in none. */
function loopFrom(name: string, defined: Scenario['ruleSets']): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && !isPresetId(current) && Object.prototype.hasOwnProperty.call(defined, current)) {
    if (chain.includes(current)) return current === name ? chain : undefined;
    chain.push(current);
    current = defined[current]?.base;
  }
  return undefined;
}
