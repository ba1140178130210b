// What the package tells the LMS about a game, read from the game's state: its score and each
// alliance decision as a SCORM 1.2 interaction (Moodle's interactions report lists them).
import { summarize, type DecisionRecord, type GameState } from '../engine';

/** One cmi.interactions.n entry. SCORM 1.2 allows 255 characters in the id (no spaces) and in
 * the response. A decision has no right answer: the result is `neutral`. */
export interface Interaction {
  id: string;
  type: 'performance';
  studentResponse: string;
  result: 'neutral';
}

export function decisionInteraction(d: DecisionRecord, indexInTurn: number): Interaction {
  const blocked = d.blockedBy.length > 0 ? `; blocked by ${d.blockedBy.join(' ')}` : '';
  const response = `${d.kind} ${d.outcome} under ${d.rule}${blocked}; intent ${d.intent}; day ${d.day}`;
  return {
    id: `turn${d.turn}-${indexInTurn + 1}-${d.kind}`.replace(/[^\x21-\x7e]/g, '_').slice(0, 255),
    type: 'performance',
    studentResponse: response.slice(0, 255),
    result: 'neutral',
  };
}

/** Every alliance decision of the game, in order. */
export function gameInteractions(game: GameState): Interaction[] {
  return game.turns.flatMap((turn) => turn.decisions.map((d, i) => decisionInteraction(d, i)));
}

/** The game's score (0–100) as SCORM's CMIDecimal. */
export function scoreRaw(game: GameState): string {
  const score = summarize(game, 'human').score;
  return String(Math.min(100, Math.max(0, score)));
}

/** A wall-clock time as CMITime (HH:MM:SS). */
export function cmiTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A duration as CMITimespan (HHHH:MM:SS). */
export function cmiTimespan(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.min(9999, Math.floor(s / 3600))).padStart(4, '0')}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
