// Institutions as features: a rule set is a choice of one value for each institutional feature
// below. `nato`, `sco` and `csto` are presets; the design lab swaps single features. Every value
// names the rule that carries it (rulebook.ts) and why it has the numbers it has; docs/model.md's
// feature table is generated from this catalogue.
import type { RuleId } from './rulebook';
import { PRESET_IDS, type PresetId } from './preset-ids';

export interface FeatureValue {
  /** The rule this value applies: the machines name their guards and records by it. */
  rule: RuleId;
  /** What the value means, for docs/model.md and the design lab. */
  about: string;
}

/** The decision bodies, each with how soon an extraordinary sitting can meet. */
export interface BodyCalendar {
  /** Days from a request to the sitting, fewest and most (both inclusive). */
  days: readonly [number, number];
  /** Whether the body holds votes (a majority rule needs one that does). */
  votes: boolean;
}

export const FEATURES = {
  council: {
    about: 'The body that decides, and how fast an extraordinary sitting meets after a request.',
    values: {
      nac: {
        rule: 'N1',
        about: 'The North Atlantic Council, in permanent session: it meets within 0–2 days of a request (every Article 4 case on record).',
      },
      cfm: {
        rule: 'S7',
        about: 'An extraordinary meeting of the SCO Council of Foreign Ministers: called by two member states with the others’ consent, 1–11 days after a request (docs/timeline.yaml: statement of 14 June 2025 a day after the strikes on Iran; Osh 2010, violence from 10 June, statement 21 June) [L].',
      },
      csc: {
        rule: 'C3',
        about: 'The CSTO Collective Security Council, online at short notice: 0–1 days (13 Sep 2022 the same day; 5–6 Jan 2022 within hours).',
      },
      assembly: {
        rule: 'L1',
        about: 'Design lab: an assembly of member states that votes, meeting within 1–3 days (design choice).',
      },
    },
  },
  decisionRule: {
    about: 'How the body decides.',
    values: {
      consensus: { rule: 'N2', about: 'Consensus under the silence procedure: one objection blocks; abstaining or staying out does not.' },
      'no-objection': {
        rule: 'S1',
        about: 'Agreement without a vote: no objection means adopted; abstaining or staying out blocks nothing (S1). An objected text falls back to the endorsers (S2).',
      },
      'csto-consensus': { rule: 'C3', about: 'Consensus of the Collective Security Council: one objection blocks.' },
      majority: { rule: 'L1', about: 'Design lab: more support than objections passes; needs a body that votes.' },
    },
  },
  fallback: {
    about: 'What happens to a measure that some member states object to.',
    values: {
      none: { rule: 'N2', about: 'Nothing: a blocked measure is blocked for all.' },
      'willing-go-ahead': {
        rule: 'S7',
        about: 'A text names only the endorsers (S2) and interested member states go ahead with joint work (S7).',
      },
    },
  },
  forumShifting: {
    about: 'Whether a blocked decision can be moved to a body the objectors do not sit in.',
    values: {
      none: { rule: 'N2', about: 'No second body: a block stands.' },
      'planning-committee': {
        rule: 'L2',
        about: 'Design lab: the decision is taken again without the objectors (NATO’s Defence Planning Committee, 16 Feb 2003; dissolved in 2010, so off in the preset).',
      },
    },
  },
  suspension: {
    about: 'Whether a member state can be suspended, and by whom.',
    values: {
      'no-clause': { rule: 'N2', about: 'No suspension clause: any decision needs consensus, the member concerned’s too.' },
      'consensus-minus-one': { rule: 'S3', about: 'Consensus of all member states except the one concerned.' },
    },
  },
  commitment: {
    about: 'What the treaty pledges when a member state is attacked.',
    values: {
      'consultation-only': { rule: 'S4', about: 'Consultation and coordination only; collective defence is declined at once, help is bilateral.' },
      'deems-necessary': {
        rule: 'N4',
        about: 'Binding collective defence, but each ally takes "such action as it deems necessary" (North Atlantic Treaty, Art. 5).',
      },
      automatic: {
        rule: 'C2',
        about: 'Binding mutual defence: the others give the help needed, military help included (Collective Security Treaty, Art. 4).',
      },
    },
  },
  attribution: {
    about: 'Whether collective defence waits for the attack to be attributed.',
    values: {
      conditional: { rule: 'N3', about: 'Adopted conditionally until attribution passes the threshold, then confirmed (12 Sep → 2 Oct 2001).' },
      'not-required': { rule: 'C2', about: 'The decision does not wait for attribution.' },
    },
  },
  cyber: {
    about: 'How cyber and hybrid attacks relate to collective defence.',
    values: {
      'case-by-case': {
        rule: 'N6',
        about: 'Decided case by case: below the cumulative threshold the case must be made positively (an abstention withholds consent).',
      },
      'armed-attack-only': { rule: 'C2', about: 'Only an armed attack counts; the treaty text names no other [L].' },
    },
  },
  unrest: {
    about: 'Whether internal unrest can count as aggression.',
    values: {
      'not-aggression': { rule: 'N3', about: 'Collective defence answers an armed attack from outside, never unrest.' },
      'foreign-trained': {
        rule: 'C5',
        about: 'Unrest counts as aggression when it is framed as terrorists trained abroad: here, when attribution to the outside group passes the threshold (Kazakhstan 2022).',
      },
    },
  },
  memberDisputes: {
    about: 'What the bodies do with a dispute between two member states.',
    values: {
      'taken-up': { rule: 'N2', about: 'Taken up like any other business; the party concerned can object.' },
      'off-agenda': { rule: 'S5', about: 'Not taken up by the bodies; the parties meet on the sidelines.' },
      'calls-for-calm': { rule: 'C6', about: 'Not answered with force; the chair calls for calm in a statement.' },
    },
  },
  agenda: {
    about: 'Who may put a request on the agenda.',
    values: {
      'any-member': { rule: 'N1', about: 'Any member state: the request alone convenes the body.' },
      'two-members': { rule: 'S7', about: 'Two member states call an extraordinary meeting and the others consent.' },
    },
  },
  command: {
    about: 'Forces under the alliance’s command.',
    values: {
      integrated: {
        rule: 'N5',
        about: 'Integrated command with pre-delegated plans: forces ready 10 days after the Council authorises them; a serious threat can move posture after Article 4 (N7).',
      },
      'rapid-reaction': {
        rule: 'C4',
        about: 'A collective rapid-reaction force that deploys on the Council’s decision and is ready the next day (6 Jan 2022).',
      },
      none: { rule: 'S6', about: 'No integrated command and no forces of the organisation’s own.' },
    },
  },
  counterTerrorism: {
    about: 'How counter-terrorism cooperation is organised.',
    values: {
      council: { rule: 'N2', about: 'Decided by the council like any measure (intelligence sharing by consensus).' },
      'standing-body': { rule: 'S6', about: 'A standing structure (RATS, Tashkent) coordinates within 1–3 days [L].' },
    },
  },
} as const satisfies Record<string, { about: string; values: Record<string, FeatureValue> }>;

export type FeatureKey = keyof typeof FEATURES;
export type FeatureValueOf<K extends FeatureKey> = keyof (typeof FEATURES)[K]['values'] & string;

/** A rule set: one value for every feature. */
export type InstitutionalFeatures = { [K in FeatureKey]: FeatureValueOf<K> };

export const FEATURE_KEYS = Object.keys(FEATURES) as FeatureKey[];

export function featureValues(key: FeatureKey): string[] {
  return Object.keys(FEATURES[key].values);
}

export function featureRule<K extends FeatureKey>(key: K, value: FeatureValueOf<K>): RuleId {
  return (FEATURES[key].values as Record<string, FeatureValue>)[value]!.rule;
}

/** How soon each body sits; the ranges are explained with the `council` feature above. */
export const BODY_CALENDAR: Record<FeatureValueOf<'council'>, BodyCalendar> = {
  nac: { days: [0, 2], votes: false },
  cfm: { days: [1, 11], votes: false },
  csc: { days: [0, 1], votes: false },
  assembly: { days: [1, 3], votes: true },
};

/** S6: RATS is a standing body in Tashkent; it schedules information exchange within days [L]. */
export const STANDING_BODY_DAYS: readonly [number, number] = [1, 3];

export const PRESETS = {
  nato: {
    council: 'nac',
    decisionRule: 'consensus',
    fallback: 'none',
    forumShifting: 'none',
    suspension: 'no-clause',
    commitment: 'deems-necessary',
    attribution: 'conditional',
    cyber: 'case-by-case',
    unrest: 'not-aggression',
    memberDisputes: 'taken-up',
    agenda: 'any-member',
    command: 'integrated',
    counterTerrorism: 'council',
  },
  sco: {
    council: 'cfm',
    decisionRule: 'no-objection',
    fallback: 'willing-go-ahead',
    forumShifting: 'none',
    suspension: 'consensus-minus-one',
    commitment: 'consultation-only',
    attribution: 'not-required',
    cyber: 'armed-attack-only',
    unrest: 'not-aggression',
    memberDisputes: 'off-agenda',
    agenda: 'two-members',
    command: 'none',
    counterTerrorism: 'standing-body',
  },
  csto: {
    council: 'csc',
    decisionRule: 'csto-consensus',
    fallback: 'none',
    forumShifting: 'none',
    suspension: 'no-clause',
    commitment: 'automatic',
    attribution: 'not-required',
    cyber: 'armed-attack-only',
    unrest: 'foreign-trained',
    memberDisputes: 'calls-for-calm',
    agenda: 'any-member',
    command: 'rapid-reaction',
    counterTerrorism: 'council',
  },
} as const satisfies Record<PresetId, InstitutionalFeatures>;

export { PRESET_IDS, type PresetId };

export function isPresetId(id: string): id is PresetId {
  return Object.prototype.hasOwnProperty.call(PRESETS, id);
}

/** A combination that makes no sense, as a sentence naming the features; null when it is sound. */
export function incoherence(f: InstitutionalFeatures): string | null {
  if (f.decisionRule === 'majority' && !BODY_CALENDAR[f.council].votes) {
    return `decisionRule "majority" needs a body that votes: set council to "assembly" (the ${f.council} decides without a vote)`;
  }
  if (f.decisionRule !== 'majority' && BODY_CALENDAR[f.council].votes) {
    return `council "assembly" votes: set decisionRule to "majority"`;
  }
  if (f.attribution === 'conditional' && f.commitment === 'consultation-only') {
    return 'attribution "conditional" needs a defence commitment to make conditional: set commitment to "deems-necessary" or "automatic"';
  }
  if (f.command === 'integrated' && f.commitment === 'consultation-only') {
    return 'command "integrated" has pre-delegated defence plans, which need a defence commitment: set commitment to "deems-necessary" or "automatic"';
  }
  if (f.unrest === 'foreign-trained' && f.commitment === 'consultation-only') {
    return 'unrest "foreign-trained" treats unrest as aggression under a defence commitment: set commitment to "deems-necessary" or "automatic"';
  }
  return null;
}
