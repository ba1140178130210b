// The comparative study's claims (../shared/reference/sco-nato-comparative-study.txt), each as
// a measure the engine records, the direction the claim predicts for "NATO-type value minus
// SCO-type value" of a feature, and the features whose mechanism could carry it
// (docs/model.md). The sweep measures every factor on every claim; these lists say which
// factors a claim is judged on. The council is on most lists because its calendar decides how
// soon anything is decided: a pledge invoked, members bound, texts adopted. `named` is the
// feature the study itself gives as the cause, reported beside whatever carries the claim.
import type { FeatureKey } from '../engine/index';
import type { Scenario } from '../engine/index';

export type MeasureId = 'days' | 'deterrence' | 'autonomy' | 'entrapment' | 'blockedShare';

export const MEASURES: Record<MeasureId, { name: string; unit: string; about: string; digits: number }> = {
  days: {
    name: 'days to the first collective measure',
    unit: 'days',
    about:
      'daysToFirstCollectiveMeasure of the summary; a game without a collective measure counts the whole horizon (horizon × turnDays days), as the score does',
    digits: 2,
  },
  deterrence: { name: 'deterrence', unit: '', about: 'the final deterrence credibility (0–1)', digits: 3 },
  autonomy: { name: 'autonomy', unit: '', about: 'the final autonomy indicator (0–1): members not bound, not under alliance command, not carried along', digits: 3 },
  entrapment: { name: 'entrapment', unit: '', about: 'the final entrapment indicator (0–1): help given beyond what members wanted, and rungs climbed while bound', digits: 3 },
  blockedShare: {
    name: 'share of requests blocked',
    unit: '',
    about:
      'of the player’s requests the alliance body decided on (adopted, conditional, by a subset, or blocked; not declined or lapsed), the share an objection blocked, pooled over a setting’s seeds; a setting where either side decided nothing gives no difference',
    digits: 3,
  },
};

export type ClaimId = 'sooner' | 'deterrence' | 'autonomy' | 'entrapment' | 'rivals';

export interface Claim {
  id: ClaimId;
  /** The claim in a few words, as the findings page names it. */
  title: string;
  /** What the study says, quoted. */
  quote: string;
  measure: MeasureId;
  /** The sign of (NATO-type − SCO-type) if the claim holds. */
  direction: 1 | -1;
  /** The factors whose mechanism could carry the claim; the claim is judged on them. */
  factors: FeatureKey[];
  /** The feature the study itself gives as the reason, and in its words. */
  named: { factor: FeatureKey; as: string };
  /** Which scenarios it is measured in. */
  population: 'all' | 'rivals';
}

export const CLAIMS: Claim[] = [
  {
    id: 'sooner',
    title: 'Collective measures come sooner under NATO-type features',
    quote:
      '“a highly institutionalized military alliance based on legally binding collective defense commitments” with “an integrated military command structure”, against “a coordination-based security platform”',
    measure: 'days',
    direction: -1,
    factors: ['council', 'agenda', 'decisionRule', 'fallback', 'commitment', 'attribution', 'command', 'counterTerrorism'],
    named: { factor: 'command', as: 'the integrated military command structure' },
    population: 'all',
  },
  {
    id: 'deterrence',
    title: 'Deterrence is higher under NATO-type features',
    quote:
      '“NATO’s Article 5 establishes a legally binding commitment to collective defense, forming the core of its deterrence credibility”; without one, “the credibility of collective deterrence within the SCO framework remains limited”',
    measure: 'deterrence',
    direction: 1,
    factors: ['commitment', 'attribution', 'command', 'council', 'cyber', 'decisionRule', 'fallback'],
    named: { factor: 'commitment', as: 'the binding collective-defence clause, Article 5' },
    population: 'all',
  },
  {
    id: 'autonomy',
    title: 'Members keep more autonomy under SCO-type features',
    quote: '“this structural flexibility allows member states to preserve strategic autonomy and avoid rigid bloc confrontation”',
    measure: 'autonomy',
    direction: -1,
    factors: ['commitment', 'attribution', 'command', 'council', 'decisionRule', 'fallback'],
    named: { factor: 'commitment', as: 'the absence of a binding collective-defence clause' },
    population: 'all',
  },
  {
    id: 'entrapment',
    title: 'Entrapment is lower under SCO-type features',
    quote: '“without automatic military assistance obligations … [this] simultaneously reduces the risk of entrapment in interstate conflicts”',
    measure: 'entrapment',
    direction: 1,
    factors: ['commitment', 'attribution', 'command', 'council'],
    named: { factor: 'commitment', as: 'no automatic military assistance obligations' },
    population: 'all',
  },
  {
    id: 'rivals',
    title: 'Consensus fails among rivals, less so under the SCO’s looser consensus',
    quote:
      '“internal geopolitical dynamics such as Sino-Indian rivalry or varying threat perceptions among members further constrain deeper institutional consolidation”; the SCO’s “consensus-based model … reduces the risk of internal fragmentation”',
    measure: 'blockedShare',
    direction: 1,
    factors: ['decisionRule', 'fallback', 'memberDisputes', 'agenda', 'suspension'],
    named: { factor: 'decisionRule', as: 'consensus-based decision-making' },
    population: 'rivals',
  },
];

/** A member other than the player tied this closely to the adversary counts as its friend at the table. */
export const RIVAL_TIE = 0.4;
/** A member that feels this much threat from another member counts as its rival (IND–PAK, IND–CHN). */
export const RIVAL_THREAT = 0.5;

/** Why a scenario's members include rivals (empty when they do not): a member other than the
 * player with ties of at least RIVAL_TIE to the adversary, a member that feels a threat of at
 * least RIVAL_THREAT from another member, or a scripted or chance clash between two members. */
export function rivalsOf(scenario: Scenario): string[] {
  const out = new Set<string>();
  const adversary = scenario.adversary.id;
  const members = new Set(scenario.alliance.members);
  for (const s of scenario.states) {
    if (!members.has(s.id)) continue;
    const tie = s.profile.ties[adversary] ?? 0;
    if (s.id !== scenario.player.state && tie >= RIVAL_TIE) out.add(`${s.id} tied to ${adversary} (${tie})`);
    for (const [other, threat] of Object.entries(s.profile.threat)) {
      if (members.has(other) && other !== s.id && threat >= RIVAL_THREAT) out.add(`${s.id} threatened by ${other} (${threat})`);
    }
  }
  for (const e of scenario.events) if (e.kind === 'member-clash' && e.parties) out.add(`a clash between ${[...e.parties].sort().join(' and ')}`);
  return [...out];
}
