// What a class leaves behind: one outcome log per rule set it played (a plain outcome log, so
// `crisis-lab verify` and the comparison page read it like any other), and a class record that
// wraps them with who spoke for each delegation in each turn and the numbered command log.
// Each outcome log's turns name the students who spoke for member states (`speakers`), so a
// position is attributed in the log `verify` checks; the class record adds the bots' reasons.
import { createLog, type OutcomeLog } from '../engine/index';
import { ENGINE_VERSION } from '../engine/index';
import { CLASS_PROTOCOL } from './protocol';
import type { Branch, ClassState, NumberedCommand, TurnAttribution } from './session';

export const CLASS_LOG_FORMAT = 'alliance-crisis-lab/class-log';
export const CLASS_POLICY = 'class';

export interface ClassLogBranch {
  rules: string;
  log: OutcomeLog;
  attribution: TurnAttribution[];
}

export interface ClassLog {
  format: typeof CLASS_LOG_FORMAT;
  protocol: number;
  engineVersion: string;
  code: string;
  branches: ClassLogBranch[];
  commands: NumberedCommand[];
}

/** The names of the students who spoke for the requester, in the order they first did. */
export function requesterStudents(branch: Branch): string[] {
  const requester = branch.game.scenario.player.state;
  const names: string[] = [];
  for (const turn of branch.attribution) {
    const a = turn.delegations[requester];
    if (a?.by === 'student' && !names.includes(a.student)) names.push(a.student);
  }
  return names;
}

export function branchLog(branch: Branch): OutcomeLog {
  const names = requesterStudents(branch);
  return createLog(branch.game, { policy: CLASS_POLICY, ...(names.length ? { player: names.join(', ') } : {}) });
}

export function classLog(state: ClassState, commands: NumberedCommand[]): ClassLog {
  return {
    format: CLASS_LOG_FORMAT,
    protocol: CLASS_PROTOCOL,
    engineVersion: ENGINE_VERSION,
    code: state.config.code,
    branches: state.branches.map((b) => ({ rules: b.rules, log: branchLog(b), attribution: b.attribution })),
    commands,
  };
}
