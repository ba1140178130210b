// Who helped the player's state, read from the turn records: what each member state sent
// (forces, support measures, political support, intelligence), through which channel and from
// which day. The engine records what each member gave (contributions) and the decisions that
// asked for it; the channel follows from those decisions as the engine asks (deliberation.ts):
// an adopted collective defence or an Article 4 posture decision (N7) asks through the alliance,
// a refused request for help leaves help to each state bilaterally (N2, S4, S7). Intelligence is
// what the members that endorsed an adopted counter-terrorism decision share (N2, S6).
import type { Contribution, DecisionRecord, GameState, StateId } from '../../engine/index';

export type HelpKind = Exclude<Contribution, 'none'> | 'intelligence';
export type HelpChannel = 'alliance' | 'bilateral';

export interface HelpEntry {
  kind: HelpKind;
  channel: HelpChannel;
  /** The first turn and day it was given through this channel. */
  turn: number;
  day: number;
}

export interface HelperRow {
  member: StateId;
  /** What it gave, the weightiest first; empty when it gave nothing. */
  entries: HelpEntry[];
  /** Whether anything was ever asked of it (a member nobody asked gave nothing, too). */
  asked: boolean;
}

const WEIGHT: Record<HelpKind, number> = { forces: 4, support: 3, intelligence: 2, political: 1 };

/** The channel a turn's contributions came through, from the decisions that asked for them. */
export function channelOf(decisions: DecisionRecord[]): HelpChannel | null {
  if (decisions.some((d) => d.kind === 'collective-defence' && d.outcome === 'adopted')) return 'alliance';
  if (decisions.some((d) => d.kind === 'posture' && d.rule === 'N7' && d.outcome === 'adopted')) return 'alliance';
  const refused = (d: DecisionRecord) => d.kind === 'collective-defence' && (d.outcome === 'blocked' || d.outcome === 'declined' || d.outcome === 'subset');
  return decisions.some(refused) ? 'bilateral' : null;
}

/** Every member state but the player's, with what it gave up to turn `upTo`. */
export function helperRows(game: GameState, upTo = game.turns.length): HelperRow[] {
  const player = game.scenario.player.state;
  const rows = new Map<StateId, HelperRow>();
  for (const m of [...game.scenario.alliance.members].sort()) if (m !== player) rows.set(m, { member: m, entries: [], asked: false });
  const add = (member: StateId, entry: HelpEntry) => {
    const row = rows.get(member);
    if (!row) return;
    if (!row.entries.some((e) => e.kind === entry.kind && e.channel === entry.channel)) row.entries.push(entry);
  };
  for (const record of game.turns.slice(0, upTo)) {
    const channel = channelOf(record.decisions);
    for (const [member, given] of Object.entries(record.contributions)) {
      const row = rows.get(member);
      if (row) row.asked = true;
      if (given !== 'none' && channel) add(member, { kind: given, channel, turn: record.turn, day: record.day });
    }
    for (const d of record.decisions) {
      if (d.kind !== 'ct-coordination' || (d.outcome !== 'adopted' && d.outcome !== 'subset')) continue;
      for (const member of d.endorsedBy) {
        const row = rows.get(member);
        if (row) row.asked = true;
        add(member, { kind: 'intelligence', channel: 'alliance', turn: record.turn, day: d.day });
      }
    }
  }
  for (const row of rows.values()) row.entries.sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind] || a.day - b.day);
  return [...rows.values()];
}
