// "What research says": where other research reads the evidence differently from the comparative
// study the game is built on, the two readings side by side, each tied to this game's own figures
// and to the parameter pack that would play the other reading. The facts come from
// ../shared/domain/modeling-findings.md; the words are the dictionaries' (research.*).
import { PACK_IDS, packValues, type GameState, type ModelParameters, type PackId } from '../engine';
import { formatNumber, percent, t, type MessageKey } from '../../ui-kit/i18n';
import { procedureName } from '../../ui-kit/format';

export type DebateId = 'institutions' | 'entrapment' | 'moral-hazard';
export const DEBATE_IDS: readonly DebateId[] = ['institutions', 'entrapment', 'moral-hazard'];

/** Who holds a reading, as cited (names stay in Latin letters in every language). */
const AUTHORS: Record<DebateId, string> = {
  institutions: 'Leeds & Anac 2005',
  entrapment: 'Beckley 2015; Kim 2011',
  'moral-hazard': 'Benson 2012',
};

/** The works the panel cites, for its list of sources. Titles as published. */
export const SOURCES: readonly { cite: string; debates: readonly DebateId[] }[] = [
  { cite: 'Iskakov 2026. The SCO as an alternative to Western military blocs: a comparative analysis with NATO.', debates: DEBATE_IDS },
  { cite: 'Leeds, B. A. & Anac, S. 2005. Alliance Institutionalization and Alliance Performance. International Interactions 31(3): 183–202.', debates: ['institutions'] },
  { cite: 'Beckley, M. 2015. The Myth of Entangling Alliances: Reassessing the Security Risks of U.S. Defense Pacts. International Security 39(4): 7–48.', debates: ['entrapment'] },
  { cite: 'Kim, T. 2011. Why Alliances Entangle But Seldom Entrap States. Security Studies 20(3): 350–377.', debates: ['entrapment'] },
  { cite: 'Benson, B. V. 2012. Constructing International Security: Alliances, Deterrence, and Moral Hazard. Cambridge University Press.', debates: ['moral-hazard'] },
];

export interface Reading {
  who: string;
  text: string;
}

export interface Debate {
  id: DebateId;
  title: string;
  study: Reading;
  other: Reading;
  /** What the question meant in this game: its figures, the pack's value, the other pack's. */
  here: string[];
  /** The pack that plays the reading this game did not. */
  otherPack: PackId;
}

const KEY: Record<DebateId, string> = { institutions: 'institutions', entrapment: 'entrapment', 'moral-hazard': 'moralHazard' };
const key = (id: DebateId, part: string) => `research.${KEY[id]}.${part}` as MessageKey;

export function packName(pack: PackId): string {
  return t(`pack.${pack}`);
}

export function packAbout(pack: PackId): string {
  return t(`pack.${pack}.about`);
}

/** The pack that takes the other side of a debate from the values this game was played with:
 * institutions that add reliability (study) or not (sceptic); entrapment that grows as fast as
 * the study fears (study) or slowly, as Beckley and Kim find (sceptic); a binding pledge read at
 * its word (study) or, with Benson's moral hazard, for little (realist). */
export function otherPack(id: DebateId, game: Pick<GameState, 'pack' | 'parameters'>): PackId {
  const p = game.parameters;
  if (id === 'institutions') return p.institutionalisation > 0 ? 'sceptic' : 'study';
  if (id === 'entrapment') return p.strainPerRung < packValues('study').strainPerRung ? 'study' : 'sceptic';
  return game.pack === 'realist' ? 'study' : 'realist';
}

/** The adversary's estimate, before it sees what an ally does, that the ally will help: the
 * treaty text's prior, plus institutionalisation where there is a common command, plus the
 * audience costs of a public invocation (as the engine's helpEstimate builds it). */
export function treatyPrior(p: ModelParameters, binding: boolean, command: boolean, invoked: boolean): number {
  const prior = (binding ? p.priorDefence : p.priorConsultation) + (command ? p.institutionalisation : 0) + (invoked ? p.invocationAudience : 0);
  return Math.min(1, prior);
}

/** The first turn the player sought collective defence, or null. */
export function soughtDefenceOn(game: Pick<GameState, 'turns'>): number | null {
  return game.turns.find((r) => r.intents.includes('collective-defence'))?.turn ?? null;
}

function institutions(game: GameState, other: PackId): string[] {
  const binding = game.features.commitment !== 'consultation-only';
  const command = game.features.command !== 'none';
  const deterrence = percent(game.indicators.deterrence);
  if (!command) return [t('research.institutions.game.none', { deterrence })];
  const base = percent(treatyPrior(game.parameters, binding, false, false));
  const here = treatyPrior(game.parameters, binding, true, false);
  const there = treatyPrior(packValues(other), binding, true, false);
  return [
    game.parameters.institutionalisation > 0
      ? t('research.institutions.game.adds', { from: base, to: percent(here), deterrence })
      : t('research.institutions.game.nothing', { from: base, deterrence }),
    t('research.institutions.otherPack', { pack: packName(other), to: percent(there) }),
  ];
}

function entrapment(game: GameState, other: PackId): string[] {
  return [
    t('research.entrapment.game', { entrapment: percent(game.indicators.entrapment), autonomy: percent(game.indicators.autonomy), weight: percent(game.parameters.strainPerRung) }),
    t('research.entrapment.otherPack', { pack: packName(other), weight: percent(packValues(other).strainPerRung) }),
  ];
}

function moralHazard(game: GameState, other: PackId): string[] {
  const binding = game.features.commitment !== 'consultation-only';
  const command = game.features.command !== 'none';
  const turn = soughtDefenceOn(game);
  const escalation = formatNumber(game.memory.maxEscalation, 1);
  const played = turn === null ? t('research.moralHazard.game.notSought', { procedure: procedureName(game.features, 'collective-defence'), escalation }) : t('research.moralHazard.game.sought', { turn, procedure: procedureName(game.features, 'collective-defence'), escalation });
  // Without a mutual-defence clause there is no pledge to invoke (S4), so nothing for either reading to weigh.
  if (!binding) return [played, t('research.moralHazard.game.noPledge')];
  const there = packValues(other);
  return [
    played,
    t('research.moralHazard.game.model', { from: percent(treatyPrior(game.parameters, binding, command, false)), to: percent(treatyPrior(game.parameters, binding, command, true)) }),
    t('research.moralHazard.otherPack', { pack: packName(other), from: percent(treatyPrior(there, binding, command, false)), to: percent(treatyPrior(there, binding, command, true)) }),
  ];
}

/** The three debates for a finished (or any) game, in the reader's language. */
export function debates(game: GameState): Debate[] {
  return DEBATE_IDS.map((id) => {
    const other = otherPack(id, game);
    const here = id === 'institutions' ? institutions(game, other) : id === 'entrapment' ? entrapment(game, other) : moralHazard(game, other);
    return {
      id,
      title: t(key(id, 'title')),
      study: { who: t('research.study'), text: t(key(id, 'study')) },
      other: { who: AUTHORS[id], text: t(key(id, 'other')) },
      here,
      otherPack: other,
    };
  });
}

/** Every pack, for choosers: its id, name and one-line explanation. */
export function packChoices(): { id: PackId; name: string; about: string }[] {
  return PACK_IDS.map((id) => ({ id, name: packName(id), about: packAbout(id) }));
}
