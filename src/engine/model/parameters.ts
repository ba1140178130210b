// The model's tunable constants, each with its source or marked as a design choice with a range,
// and the parameter packs that set them to one reading of the research. A game records its pack
// and every value, so a log replays under the reading it was played with; `crisis-lab sweep`
// varies them within their ranges. Sources: ../shared/domain/modeling-findings.md.

export interface ParameterEntry {
  value: number;
  /** The range a sensitivity sweep draws from. */
  range: readonly [number, number];
  source: string;
}

export const PARAMETERS = {
  priorDefence: {
    value: 0.41,
    range: [0.22, 0.75],
    source: 'Berkemeier & Fuhrmann 2018: defence pacts honoured 41% of the time (1816–2003); 22% after 1945, 75% before (Leeds, Long & Mitchell 2000)',
  },
  priorConsultation: {
    value: 0.37,
    range: [0.2, 0.5],
    source: 'Berkemeier & Fuhrmann 2018: non-aggression pacts honoured 37%; ATOP codes the SCO’s texts at most as non-aggression and consultation [L]',
  },
  institutionalisation: {
    value: 0,
    range: [0, 0.15],
    source: 'Leeds & Anac 2005: no evidence that peacetime military coordination makes alliances more reliable (×1.0); the study reads it the other way',
  },
  invocationAudience: {
    value: 0.3,
    range: [0.1, 0.45],
    source: 'Morrow 2000: a written, public pledge adds credibility through audience costs for failing to honour it; the size is a design choice',
  },
  evidenceWeight: {
    value: 0.5,
    range: [0.2, 0.8],
    source: 'Design choice: how far the adversary’s estimate of an ally moves from the treaty prior toward what the ally has said and done in this crisis (Smith 1995: reliability is learned)',
  },
  treatyDuty: {
    value: 0.25,
    range: [0, 0.4],
    source: 'The record: no ally has objected to invoking Article 5 after an attributed attack on its territory, and none of the seven Article 4 requests to 2023 was refused (NATO); openly breaching a written pledge carries audience costs (Morrow 2000). The size is calibrated on that record (design choice)',
  },
  obligationPull: {
    value: 0.205,
    range: [0.1, 0.41],
    source: 'Half the defence-pact fulfilment rate (0.41, Berkemeier & Fuhrmann 2018): the pledge binds, its form is national (N4)',
  },
  strainPerRung: {
    value: 0.1,
    range: [0.02, 0.2],
    source: 'Snyder 1984: entrapment rises with commitment and the ally’s risk-taking; Beckley 2015 and Kim 2011 find it rare, so the weight is small (design choice)',
  },
  positionNoise: {
    value: 0.12,
    range: [0.06, 0.2],
    source: 'Design choice: members are not fully predictable; small enough that profiles dominate',
  },
  adversarySensitivity: {
    value: 6,
    range: [3, 9],
    source: 'Design choice: steepness of the adversary’s response to the gap between its pressure and the alliance’s credibility',
  },
} as const satisfies Record<string, ParameterEntry>;

export type ParameterKey = keyof typeof PARAMETERS;
export type ModelParameters = { [K in ParameterKey]: number };
export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

export interface ParameterPack {
  about: string;
  values: Partial<ModelParameters>;
}

/** Readings of the research an instructor can choose (issue: "the debate in the game"). */
export const PACKS = {
  baseline: {
    about: 'Published estimates where there are any, design choices in the middle of their ranges elsewhere.',
    values: {},
  },
  study: {
    about: 'The comparative study’s reading: institutionalised, binding alliances are more reliable and deter more.',
    values: { institutionalisation: 0.12, priorConsultation: 0.22, invocationAudience: 0.4 },
  },
  sceptic: {
    about: 'Leeds & Anac 2005, Beckley 2015, Kim 2011: institutions add no reliability and entrapment is rare.',
    values: { institutionalisation: 0, strainPerRung: 0.03, evidenceWeight: 0.7 },
  },
  realist: {
    about: 'Capabilities and interests decide; treaty words matter little (Benson 2012 on moral hazard: firm pledges also embolden).',
    values: { priorDefence: 0.3, priorConsultation: 0.3, invocationAudience: 0.1, evidenceWeight: 0.8 },
  },
} as const satisfies Record<string, ParameterPack>;

export type PackId = keyof typeof PACKS;
export const PACK_IDS = Object.keys(PACKS) as PackId[];
export const DEFAULT_PACK: PackId = 'baseline';

export function isPackId(id: string): id is PackId {
  return Object.prototype.hasOwnProperty.call(PACKS, id);
}

export function packValues(pack: PackId): ModelParameters {
  const out = {} as ModelParameters;
  for (const key of PARAMETER_KEYS) out[key] = (PACKS[pack].values as Partial<ModelParameters>)[key] ?? PARAMETERS[key].value;
  return out;
}
