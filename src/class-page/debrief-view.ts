// The class debrief on the page: who asked for what, who blocked what, and the counterfactual.
import { el } from '../ui-kit/dom';
import { t, percent, formatNumber } from '../ui-kit/i18n';
import { outcomeText, procedureName } from '../ui-kit/format';
import { classDebrief } from '../class/debrief';
import type { ClassState } from '../class/session';
import { currentBranch } from '../class/session';
import { RULE_SETS } from '../engine/index';
import { tc } from './i18n';
import { ruleSetLabel, stateName, studentLabel } from './words';

export function debriefView(state: ClassState, hidden: boolean): HTMLElement | null {
  const branch = currentBranch(state);
  if (branch.game.turns.length === 0) return null;
  const { scenario, features } = branch.game;
  const offered = scenario.rules ?? [...RULE_SETS];
  const debrief = classDebrief(branch, [...new Set([...offered, ...state.branches.map((b) => b.rules)])]);
  const who = (student: string | null) => (student ? studentLabel(student, hidden, state.seats) : tc('cls.bot'));
  const argued = debrief.argued.map((a) =>
    el('li', {
      text: tc('cls.argue', {
        turn: a.turn,
        state: a.by === 'chair' ? tc('cls.chair') : stateName(scenario, a.by),
        who: a.by === 'chair' ? tc('cls.chair') : who(a.student),
        intent: procedureName(features, a.intent),
        outcome: a.outcome ? outcomeText(scenario, { outcome: a.outcome, blockedBy: [], endorsedBy: [] }) : tc('cls.pending'),
      }),
    }),
  );
  const blocked = debrief.blocked.map((b) =>
    el('li', { text: tc('cls.block', { turn: b.turn, state: stateName(scenario, b.by), who: who(b.student), intent: procedureName(features, b.intent) }) }),
  );
  const spoke = debrief.spoke.map((x) =>
    el('li', { text: tc('cls.said', { turn: x.turn, state: stateName(scenario, x.by), who: who(x.student), position: t(`pos.${x.position}`), intent: procedureName(features, x.intent) }) }),
  );
  const counterfactuals = debrief.counterfactuals.map((c) => {
    const row = (indicator: string, played: string, other: string) => el('li', { text: tc('cls.cf.row', { indicator, played, other, rules: ruleSetLabel(c.rules) }) });
    return el(
      'div',
      { 'data-testid': 'counterfactual' },
      el('h3', { text: tc('cls.counterfactual', { rules: ruleSetLabel(c.rules) }) }),
      el('p', { text: c.divergence === null ? tc('cls.cf.same') : tc('cls.cf.diverge', { turn: c.divergence }) }),
      el(
        'ul',
        {},
        row(t('ind.escalation'), formatNumber(c.played.maxEscalation, 1), formatNumber(c.other.maxEscalation, 1)),
        row(t('ind.deterrence'), percent(c.played.deterrence), percent(c.other.deterrence)),
        row(t('ind.cohesion'), percent(c.played.cohesion), percent(c.other.cohesion)),
        row(t('ind.entrapment'), percent(c.played.entrapment), percent(c.other.entrapment)),
        row(t('ind.casualties'), formatNumber(c.played.casualties), formatNumber(c.other.casualties)),
      ),
      c.dropped.length ? el('p', { class: 'muted', text: tc('cls.cf.dropped', { count: c.dropped.length }) }) : null,
    );
  });
  return el(
    'section',
    { class: 'card', 'data-testid': 'debrief' },
    el('h2', { text: tc('cls.debrief') }),
    el('h3', { text: tc('cls.argued') }),
    el('ul', {}, ...argued),
    el('h3', { text: tc('cls.blocked') }),
    blocked.length ? el('ul', {}, ...blocked) : el('p', { class: 'muted', text: tc('cls.noBlock') }),
    spoke.length ? el('h3', { text: tc('cls.spoke') }) : null,
    spoke.length ? el('ul', { 'data-testid': 'spoke' }, ...spoke) : null,
    ...counterfactuals,
  );
}
