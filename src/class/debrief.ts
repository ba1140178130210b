// The class debrief: who put what on the agenda and what became of it, who blocked what, and
// the same class's inputs under another rule set (the engine's counterfactual). Names come from
// the class's attribution, so a bot's part is named as a bot's.
import { counterfactual, firstDivergence, type DroppedIntent } from '../engine/index';
import { summarize, type GameSummary } from '../engine/index';
import type { DecisionOutcome, DecisionKind, Position, StateId } from '../engine/index';
import type { IntentId } from '../engine/index';
import type { Attribution, Branch } from './session';

export interface Argued {
  turn: number;
  intent: IntentId;
  by: StateId | 'chair';
  /** The student who spoke for that delegation then; null for a bot or the chair. */
  student: string | null;
  /** What became of it, once decided; null while it waits for its body. */
  outcome: DecisionOutcome | null;
}

export interface Blocked {
  turn: number;
  kind: DecisionKind;
  intent: IntentId;
  by: StateId;
  student: string | null;
}

/** A position a student took at a sitting (bots' positions are the profile's, left out). */
export interface Spoke {
  turn: number;
  intent: IntentId;
  by: StateId;
  student: string;
  position: Position;
}

export interface Counterfactual {
  rules: string;
  played: GameSummary;
  other: GameSummary;
  /** The first turn where the alliance decided otherwise or something else happened. */
  divergence: number | null;
  dropped: DroppedIntent[];
}

export interface ClassDebrief {
  argued: Argued[];
  blocked: Blocked[];
  spoke: Spoke[];
  counterfactuals: Counterfactual[];
}

function studentAt(branch: Branch, turn: number, seat: string): string | null {
  const a: Attribution | undefined = branch.attribution.find((t) => t.turn === turn)?.delegations[seat];
  return a?.by === 'student' ? a.student : null;
}

export function classDebrief(branch: Branch, otherRules: string[]): ClassDebrief {
  const { game } = branch;
  const decisions = game.turns.flatMap((t) => t.decisions);
  const argued: Argued[] = game.turns.flatMap((t) =>
    t.proposals.map((p) => ({
      turn: t.turn,
      intent: p.intent,
      by: p.proposer,
      student: p.proposer === 'chair' ? null : studentAt(branch, t.turn, p.proposer),
      outcome: decisions.find((d) => d.proposal === p.id)?.outcome ?? null,
    })),
  );
  const blocked: Blocked[] = decisions.flatMap((d) =>
    d.blockedBy.map((by) => ({ turn: d.turn, kind: d.kind, intent: d.intent, by, student: studentAt(branch, d.turn, by) })),
  );
  const spoke: Spoke[] = game.turns.flatMap((t) =>
    t.sittings.flatMap((sitting) =>
      Object.entries(sitting.by)
        .filter(([, source]) => source === 'seat')
        .flatMap(([by]) => {
          const student = studentAt(branch, t.turn, by);
          const position = t.positions[sitting.intent]?.[by];
          return student && position ? [{ turn: t.turn, intent: sitting.intent, by, student, position }] : [];
        }),
    ),
  );
  const played = summarize(game, 'class');
  const counterfactuals = otherRules
    .filter((r) => r !== branch.rules)
    .map((rules) => {
      const other = counterfactual(game, rules);
      return { rules, played, other: summarize(other.game, 'class'), divergence: firstDivergence(game.turns, other.game.turns), dropped: other.dropped };
    });
  return { argued, blocked, spoke, counterfactuals };
}
