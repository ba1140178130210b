// Counting members' answers: the arithmetic both rule sets' consensus rules stand on.
import type { Position, StateId } from '../game/types';

export interface Tally {
  support: StateId[];
  object: StateId[];
  abstain: StateId[];
  stayOut: StateId[];
}

export function tally(positions: Record<StateId, Position>, excluding: StateId[] = []): Tally {
  const result: Tally = { support: [], object: [], abstain: [], stayOut: [] };
  for (const member of Object.keys(positions).sort()) {
    if (excluding.includes(member)) continue;
    const position = positions[member];
    if (position === 'support') result.support.push(member);
    else if (position === 'object') result.object.push(member);
    else if (position === 'abstain') result.abstain.push(member);
    else result.stayOut.push(member);
  }
  return result;
}

/** Share of the members counted that support. */
export function supportShare(t: Tally): number {
  const n = t.support.length + t.object.length + t.abstain.length + t.stayOut.length;
  return n === 0 ? 0 : t.support.length / n;
}
