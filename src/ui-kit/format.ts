// Words for engine records, shared by the screens: rule sets, procedures and decisions named in
// the rule set's own terms, read from its features (the deciding body, the commitment, the
// command), never from its name.
import { FEATURES, procedureOf, type AllianceStep, type DecisionKind, type DecisionRecord, type InstitutionalFeatures, type IntentId, type PresetId, type RefusalReason, type Scenario } from '../engine/index';
import { formatList, localize, t } from './i18n';
import { basePreset, isPreset, specChanges, specName } from './rule-sets';
import { stateName } from './scenario-names';

function isFeature(key: string): key is keyof typeof FEATURES {
  return Object.prototype.hasOwnProperty.call(FEATURES, key);
}

/** A feature's name in the reader's language ("Defence commitment"); an unknown key as it is. */
export function featureName(key: string): string {
  return isFeature(key) ? t(`feature.${key}`) : key;
}

function namedRuleSet(name: string, scenario: Scenario | null): string {
  if (isPreset(name)) return t(`rules.${name}`);
  const defined = scenario?.ruleSets?.[name];
  return defined ? localize(defined.name) : name;
}

/** A rule set's name: "NATO rules", a scenario's own rule set by its name, or a design-lab spec
 * as its base and what it changes ("SCO rules, changed: Defence commitment = automatic"). */
export function ruleSetName(spec: string, scenario: Scenario | null): string {
  const base = namedRuleSet(specName(spec), scenario);
  const changes = specChanges(spec);
  if (changes.length === 0) return base;
  return t('rules.custom', { base, changes: changes.map((c) => t('rules.change', { feature: featureName(c.key), value: c.value })).join('; ') });
}

/** A short name for lists and chart keys: "NATO" for a preset, the full name otherwise. */
export function ruleSetShort(spec: string, scenario: Scenario | null): string {
  return isPreset(spec) ? t(`rules.${spec}.short`) : ruleSetName(spec, scenario);
}

/** What a rule set is about in a sentence, when there is one to say. */
export function ruleSetAbout(spec: string, scenario: Scenario | null): string {
  const name = specName(spec);
  if (isPreset(name)) return specChanges(spec).length === 0 ? t(`rules.${name}.about`) : '';
  return localize(scenario?.ruleSets?.[name]?.about);
}

/** The organisation a rule set descends from, for "NATO member" in legends. */
export function blocName(bloc: PresetId): string {
  return t(`rules.${bloc}.short`);
}

export function blocOf(spec: string, scenario: Scenario | null): PresetId {
  return basePreset(spec, scenario?.ruleSets) ?? 'nato';
}

/** An intent under its procedure's name in this rule set ("Request consultations under Article 4"). */
export function procedureName(features: InstitutionalFeatures, intent: IntentId): string {
  return t(`procedure.${procedureOf(features, intent).id}`);
}

/** A decision's name from its kind and the rule set's features: the body that sits, the
 * commitment invoked, the forces that move. */
export function decisionName(kind: DecisionKind, features: InstitutionalFeatures): string {
  switch (kind) {
    case 'consultation':
      return t(`decision.consultation.${features.council}`);
    case 'statement':
      return t(`decision.statement.${features.council}`);
    case 'collective-defence':
      return t(`decision.collective-defence.${features.commitment}`);
    case 'posture':
      return t(`decision.posture.${features.command}`);
    case 'ct-coordination':
      return features.counterTerrorism === 'standing-body' ? t('decision.ct-coordination.standing-body') : t(`decision.ct-coordination.${features.council}`);
    case 'suspension':
      return t('decision.suspension');
  }
}

export function outcomeText(scenario: Scenario, d: Pick<DecisionRecord, 'outcome' | 'blockedBy' | 'endorsedBy'>): string {
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

/** "North Atlantic Council statement: blocked by Hungary" (the rule id is added by the caller). */
export function decisionText(scenario: Scenario, features: InstitutionalFeatures, d: DecisionRecord): string {
  return `${decisionName(d.kind, features)}: ${outcomeText(scenario, d)}`;
}

/** A step of the alliance's path in the rule set's own terms, shortly ("RATS coordination: adopted"). */
export function stepText(step: AllianceStep, features: InstitutionalFeatures): string {
  const word = step.outcome === 'blocked' ? t('outcome.blockedNobody') : step.outcome === 'subset' ? t('outcome.subsetShort') : t(`outcome.${step.outcome}`);
  return `${decisionName(step.kind, features)}: ${word}`;
}

export function reasonText(reason: RefusalReason): string {
  return t(`reason.${reason}`);
}
