// What each intent sets off under a rule set, as a code the interface names in the rule set's own
// terms ("Article 4 request", "extraordinary meeting of the SCO Council of Foreign Ministers",
// "request to RATS"), with the rule that governs it. Read from the features, never from a name.
import type { IntentId } from '../scenario/schema';
import { featureRule, type InstitutionalFeatures } from './features';
import type { RuleId } from './rulebook';

export type ProcedureId =
  | 'article-4'
  | 'cfm-extraordinary'
  | 'cst-article-2'
  | 'assembly-consultation'
  | 'article-5'
  | 'cst-article-4'
  | 'no-defence-clause'
  | 'nac-statement'
  | 'cfm-statement'
  | 'csc-statement'
  | 'assembly-statement'
  | 'rats-request'
  | 'nac-ct'
  | 'cfm-ct'
  | 'csc-ct'
  | 'assembly-ct'
  | 'no-suspension-clause'
  | 'suspension'
  | 'national-action'
  | 'national-de-escalation';

export interface Procedure {
  id: ProcedureId;
  rule: RuleId;
}

const CONSULTATION: Record<InstitutionalFeatures['council'], ProcedureId> = {
  nac: 'article-4',
  cfm: 'cfm-extraordinary',
  csc: 'cst-article-2',
  assembly: 'assembly-consultation',
};

export function procedureOf(f: InstitutionalFeatures, intent: IntentId): Procedure {
  switch (intent) {
    case 'consult':
      return { id: CONSULTATION[f.council], rule: f.agenda === 'two-members' ? 'S7' : f.council === 'csc' ? 'C1' : 'N1' };
    case 'collective-defence':
      if (f.commitment === 'consultation-only') return { id: 'no-defence-clause', rule: 'S4' };
      return { id: f.commitment === 'automatic' ? 'cst-article-4' : 'article-5', rule: f.commitment === 'automatic' ? 'C2' : 'N3' };
    case 'joint-statement':
      return { id: `${f.council}-statement`, rule: featureRule('decisionRule', f.decisionRule) };
    case 'ct-cooperation':
      if (f.counterTerrorism === 'standing-body') return { id: 'rats-request', rule: 'S6' };
      return { id: `${f.council}-ct`, rule: featureRule('decisionRule', f.decisionRule) };
    case 'suspend-member':
      return f.suspension === 'no-clause' ? { id: 'no-suspension-clause', rule: 'N2' } : { id: 'suspension', rule: 'S3' };
    case 'act-alone':
      return { id: 'national-action', rule: 'N4' };
    case 'de-escalate':
      return { id: 'national-de-escalation', rule: 'N4' };
  }
}
