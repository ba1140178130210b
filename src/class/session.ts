// A class room's state is a fold over its numbered command log, the same on the server and in
// every client: seats, the phase, the deadline and one engine game per branch (rule set).
// Nothing else changes it, so a client that replays the log it was sent holds the server's state.
import { newGame, playTurn } from '../engine/index';
import type { GameState, StateId, TurnInput } from '../engine/index';
import { inputOf } from '../engine/index';
import { canonicalJson, sha256Hex } from '../engine/index';
import type { PackId } from '../engine/index';
import type { Scenario } from '../engine/index';

export interface ClassConfig {
  /** The room code students type. */
  code: string;
  scenario: Scenario;
  rules: string;
  seed: string;
  pack?: PackId;
}

/** Why a bot spoke for a delegation in a turn. */
export type BotReason = 'unseated' | 'missed-deadline' | 'no-choice';

export type Attribution = { by: 'student'; student: string } | { by: 'bot'; reason: BotReason };

/** A request a delegation made that the rules did not take when the turn was played. */
export interface DroppedMotion {
  by: StateId;
  intent: TurnInput['intents'][number];
}

export type ClassCommand =
  | { type: 'seat.claim'; seat: StateId; student: string }
  | { type: 'seat.free'; seat: StateId }
  /** Public marker only: what was chosen stays with the server until the turn is played. */
  | { type: 'choice.made'; seat: StateId; turn: number }
  | { type: 'game.start' }
  | { type: 'game.pause' }
  | { type: 'game.resume' }
  | { type: 'deadline.set'; seconds: number | null }
  | {
      type: 'turn.play';
      turn: number;
      reason: 'instructor' | 'deadline';
      input: TurnInput;
      delegations: Record<StateId, Attribution>;
      dropped: DroppedMotion[];
    }
  | { type: 'turn.undo'; turn: number }
  | { type: 'branch'; rules: string };

/** Who issued a command: the instructor, the server (a deadline), or a delegation. */
export type Issuer = 'instructor' | 'server' | StateId;

export interface NumberedCommand {
  seq: number;
  by: Issuer;
  command: ClassCommand;
}

export interface TurnAttribution {
  turn: number;
  reason: 'instructor' | 'deadline';
  delegations: Record<StateId, Attribution>;
  dropped: DroppedMotion[];
}

export interface Branch {
  rules: string;
  game: GameState;
  attribution: TurnAttribution[];
}

export type Phase = 'lobby' | 'running' | 'paused' | 'over';

export interface ClassState {
  config: ClassConfig;
  /** The last command applied; the next must be seq + 1. */
  seq: number;
  phase: Phase;
  /** The student's name at each claimed seat. */
  seats: Record<StateId, string>;
  /** Delegations that have chosen for the current turn. */
  ready: StateId[];
  /** Seconds each turn is given, or null for no deadline. */
  deadline: number | null;
  /** Every rule set the class has played; the last is the one in play. */
  branches: Branch[];
}

/** Every delegation at the table: the alliance's member states and the requester. */
export function delegationsOf(scenario: Scenario): StateId[] {
  return [...new Set([...scenario.alliance.members, scenario.player.state])].sort();
}

export function initialState(config: ClassConfig): ClassState {
  return {
    config,
    seq: 0,
    phase: 'lobby',
    seats: {},
    ready: [],
    deadline: null,
    branches: [{ rules: config.rules, game: startGame(config, config.rules), attribution: [] }],
  };
}

function startGame(config: ClassConfig, rules: string): GameState {
  return newGame(config.scenario, rules, config.seed, config.pack ? { pack: config.pack } : {});
}

export function currentBranch(state: ClassState): Branch {
  return state.branches[state.branches.length - 1]!;
}

/** Applies one numbered command. A gap or a repeat in the numbering throws: a client that sees
 * it has lost or reordered a command and must ask for the log again. */
export function applyCommand(state: ClassState, numbered: NumberedCommand): ClassState {
  if (numbered.seq !== state.seq + 1) throw new Error(`command ${numbered.seq} out of order: expected ${state.seq + 1}`);
  const next = reduce(state, numbered.command);
  return { ...next, seq: numbered.seq };
}

export function replayCommands(config: ClassConfig, log: NumberedCommand[]): ClassState {
  return log.reduce(applyCommand, initialState(config));
}

function reduce(state: ClassState, c: ClassCommand): ClassState {
  switch (c.type) {
    case 'seat.claim':
      return { ...state, seats: { ...state.seats, [c.seat]: c.student } };
    case 'seat.free': {
      const seats = { ...state.seats };
      delete seats[c.seat];
      return { ...state, seats, ready: state.ready.filter((s) => s !== c.seat) };
    }
    case 'choice.made':
      return state.ready.includes(c.seat) ? state : { ...state, ready: [...state.ready, c.seat].sort() };
    case 'game.start':
    case 'game.resume':
      return { ...state, phase: 'running' };
    case 'game.pause':
      return { ...state, phase: 'paused' };
    case 'deadline.set':
      return { ...state, deadline: c.seconds };
    case 'turn.play': {
      const branch = currentBranch(state);
      const game = playTurn(branch.game, c.input);
      const played: Branch = {
        ...branch,
        game,
        attribution: [...branch.attribution, { turn: c.turn, reason: c.reason, delegations: c.delegations, dropped: c.dropped }],
      };
      return { ...state, ready: [], phase: game.result ? 'over' : state.phase, branches: withCurrent(state, played) };
    }
    case 'turn.undo': {
      const branch = currentBranch(state);
      const inputs = branch.game.turns.slice(0, -1).map(inputOf);
      const game = inputs.reduce<GameState>((g, input) => playTurn(g, input), startGame(state.config, branch.rules));
      const undone: Branch = { ...branch, game, attribution: branch.attribution.slice(0, -1) };
      return { ...state, ready: [], phase: state.phase === 'over' ? 'paused' : state.phase, branches: withCurrent(state, undone) };
    }
    case 'branch':
      return {
        ...state,
        ready: [],
        phase: 'lobby',
        branches: [...state.branches, { rules: c.rules, game: startGame(state.config, c.rules), attribution: [] }],
      };
  }
}

function withCurrent(state: ClassState, branch: Branch): Branch[] {
  return [...state.branches.slice(0, -1), branch];
}

/** A short fingerprint of everything the log decides, to check that a client replayed it right. */
export function stateDigest(state: ClassState): string {
  return sha256Hex(
    canonicalJson({
      seq: state.seq,
      phase: state.phase,
      seats: state.seats,
      ready: state.ready,
      deadline: state.deadline,
      branches: state.branches.map((b) => ({ rules: b.rules, turns: b.game.turns, attribution: b.attribution, rng: b.game.rng })),
    }),
  ).slice(0, 16);
}
