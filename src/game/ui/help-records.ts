// Who helped the player's state, read from the turn records: what each member state sent
// (forces, support measures, political support, intelligence), through which channel and from
// which day. The engine records what each member gave (contributions) and the channel the turn's
// help was asked through (helpChannel: the alliance's decision, or each state bilaterally when
// the alliance could not grant a request for help). Intelligence is what the members that
// endorsed an adopted counter-terrorism decision share (N2, S6).
import type { Contribution, GameState, HelpChannel, StateId } from '../../engine/index';

export type HelpKind = Exclude<Contribution, 'none'> | 'intelligence';
export type { HelpChannel };

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
    const channel = record.helpChannel ?? null;
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
