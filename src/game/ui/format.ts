// Words for engine records, shared by the crisis screen and the debrief.
import type { DecisionRecord, RuleSetId, Scenario } from '../engine';
import type { MessageKey } from '../i18n';
import { formatList, t } from '../i18n';
import { stateName } from '../view-model';

export function decisionName(kind: DecisionRecord['kind'], rules: RuleSetId): string {
  return t(`decision.${kind}.${rules}` as MessageKey);
}

export function outcomeText(scenario: Scenario, d: DecisionRecord): string {
  const names = (ids: string[]) => formatList(ids.map((id) => stateName(scenario, id)));
  switch (d.outcome) {
    case 'blocked':
      return d.blockedBy.length > 0 ? t('outcome.blocked', { members: names(d.blockedBy) }) : t('outcome.blockedNobody');
    case 'subset':
      return t('outcome.subset', { members: names(d.endorsedBy) });
    default:
      return t(`outcome.${d.outcome}`);
  }
}

export function decisionLine(scenario: Scenario, rules: RuleSetId, d: DecisionRecord): string {
  return t('decision.line', { decision: decisionName(d.kind, rules), outcome: outcomeText(scenario, d), rule: d.rule });
}

const OUTCOMES = ['adopted', 'conditional', 'subset', 'blocked', 'declined', 'scheduled'] as const;
const KINDS = ['consultation', 'statement', 'collective-defence', 'posture', 'ct-coordination', 'suspension'] as const;

/** A step code from allianceSteps ("statement-blocked") in the rule set's own terms. */
export function stepLabel(code: string, rules: RuleSetId): string {
  const cut = code.lastIndexOf('-');
  const kind = KINDS.find((k) => k === code.slice(0, cut));
  const outcome = OUTCOMES.find((o) => o === code.slice(cut + 1));
  if (!kind || !outcome) return t('step.unknown', { code });
  const word = outcome === 'blocked' ? t('outcome.blockedNobody') : outcome === 'subset' ? t('outcome.subsetShort') : t(`outcome.${outcome}`);
  return `${decisionName(kind, rules)}: ${word}`;
}
