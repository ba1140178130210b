// Which body decides a request or made a decision, named as the organisation names it, with the
// rule that constitutes it: a button opens the rulebook glossary at that rule. Read from the rule
// set's features (the council, the command, counter-terrorism), never from its name.
import type { App } from '../app';
import { FEATURES, type DecisionRecord, type InstitutionalFeatures, type IntentId, type RuleId } from '../engine';
import { t } from '../../ui-kit/i18n';
import { glossaryLink, type GlossaryContext } from './glossary';

export type BodyId = InstitutionalFeatures['council'] | 'rats' | 'saceur' | 'crrf';

/** The body a request goes to: RATS for counter-terrorism where it is the standing body, the
 * council for everything else. */
export function requestBody(features: InstitutionalFeatures, intent: IntentId): BodyId {
  if (intent === 'ct-cooperation' && features.counterTerrorism === 'standing-body') return 'rats';
  return features.council;
}

/** The body behind a decision. Forces made ready without a new decision (proposal 0) move under
 * the command the council authorised: SACEUR activating the plans (N5), or the CSTO's Collective
 * Rapid Reaction Force (C4). */
export function decisionBody(features: InstitutionalFeatures, d: Pick<DecisionRecord, 'kind' | 'proposal' | 'intent'>): BodyId {
  if (d.kind === 'posture' && d.proposal === 0) {
    if (features.command === 'integrated') return 'saceur';
    if (features.command === 'rapid-reaction') return 'crrf';
  }
  if (d.kind === 'ct-coordination' && features.counterTerrorism === 'standing-body') return 'rats';
  return requestBody(features, d.intent);
}

/** The rule whose glossary entry explains the body. */
export function bodyRule(body: BodyId): RuleId {
  switch (body) {
    case 'rats':
      return 'S6';
    case 'saceur':
      return 'N5';
    case 'crrf':
      return 'C4';
    default:
      return FEATURES.council.values[body].rule;
  }
}

export function bodyName(body: BodyId): string {
  return t(`body.${body}`);
}

/** The body's name as a button that opens the glossary at the rule that constitutes it. */
export function bodyLink(app: App, body: BodyId, context: GlossaryContext, focusKey: string): HTMLElement {
  const rule = bodyRule(body);
  const name = bodyName(body);
  return glossaryLink(app, rule, context, focusKey, { className: 'body-link', text: name, label: t('body.open', { body: name, rule }), data: { 'data-body': body } });
}
