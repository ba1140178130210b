// One class room on the Colyseus room server: it owns the command log and the delegations'
// private choices, checks every message against the sender's own seat, numbers what it accepts
// and broadcasts it. Colyseus gives rooms, seat reservation, matchmaking by code and the socket;
// its state synchronisation is not used: clients replay the command log instead.
import { randomBytes } from 'node:crypto';
import { Room, ServerError, type Client } from '@colyseus/core';
import type { Delayed } from '@colyseus/timer';
import { resolveRuleSet } from '../engine/index';
import { ENGINE_VERSION } from '../engine/index';
import type { StateId } from '../engine/index';
import {
  CLASS_PROTOCOL,
  Envelope,
  InstructorCommand,
  JOIN_ERROR_CODE,
  JoinOptions,
  MAX_MESSAGE_BYTES,
  MSG,
  RATE_BURST,
  RATE_PER_SECOND,
  StudentCommand,
  StudentName,
  type Ack,
  type Choice,
  type DeadlineStatus,
  type Presence,
  type Refusal,
  type Refused,
  type Welcome,
} from './protocol';
import { TokenBucket } from './rate-limit';
import { applyCommand, currentBranch, delegationsOf, initialState, type ClassCommand, type ClassConfig, type ClassState, type Issuer, type NumberedCommand } from './session';
import { refusalOfChoice, resolveTurn } from './turn';

export interface RoomSetup {
  config: ClassConfig;
  instructorToken: string;
  /** Called after every command with the state and the log (the server writes files from it). */
  onCommand?: (state: ClassState, log: NumberedCommand[], command: NumberedCommand) => void;
}

/** Set-ups by room code: the server registers one before it asks Colyseus to create the room. */
export const roomSetups = new Map<string, RoomSetup>();

interface Who {
  role: 'student' | 'instructor';
  seat: StateId | null;
  name: string | null;
}

/** How many command ids each issuer's memory keeps, to recognise one sent again. */
const REMEMBERED_IDS = 500;

export class ClassRoom extends Room {
  override autoDispose = false;
  private setup!: RoomSetup;
  private session!: ClassState;
  private log: NumberedCommand[] = [];
  private choices: Partial<Record<StateId, Choice>> = {};
  private seatTokens = new Map<string, StateId>();
  private briefings: Partial<Record<StateId, string>> = {};
  private processed = new Map<string, Map<string, number | null>>();
  private buckets = new Map<string, TokenBucket>();
  private timer: Delayed | null = null;
  private remainingMs: number | null = null;

  override onCreate(options: { code: string }): void {
    const setup = roomSetups.get(options.code);
    if (!setup) throw new Error(`no set-up for room ${options.code}`);
    this.setup = setup;
    this.roomId = options.code;
    this.session = initialState(setup.config);
    // Two connections per delegation (a second tab, a phone) and the instructors.
    this.maxClients = delegationsOf(setup.config.scenario).length * 2 + 10;
    this.onMessage('cmd', (client, message) => this.guard(client, () => this.handle(client, message)));
    this.onMessage('*', (client) => this.guard(client, () => this.refuse(client, null, 'malformed')));
  }

  override onAuth(_client: Client, raw: unknown): Who {
    const parsed = JoinOptions.safeParse(raw);
    if (!parsed.success) throw new ServerError(JOIN_ERROR_CODE, 'bad-join');
    const options = parsed.data;
    if (options.protocol !== CLASS_PROTOCOL || options.engine !== ENGINE_VERSION) {
      throw new ServerError(JOIN_ERROR_CODE, `version-mismatch ${CLASS_PROTOCOL} ${ENGINE_VERSION}`);
    }
    if (options.role === 'instructor') {
      if (options.instructorToken !== this.setup.instructorToken) throw new ServerError(JOIN_ERROR_CODE, 'not-instructor');
      return { role: 'instructor', seat: null, name: null };
    }
    if (options.seatToken !== undefined) {
      const seat = this.seatTokens.get(options.seatToken);
      if (!seat) throw new ServerError(JOIN_ERROR_CODE, 'unknown-seat-token');
      return { role: 'student', seat, name: this.session.seats[seat] ?? null };
    }
    const name = StudentName.safeParse(options.name ?? '');
    if (!name.success) throw new ServerError(JOIN_ERROR_CODE, 'name-required');
    if (this.freeSeats().length === 0) throw new ServerError(JOIN_ERROR_CODE, 'room-full');
    return { role: 'student', seat: null, name: name.data };
  }

  override onJoin(client: Client, _options: unknown, who: Who): void {
    client.userData = { ...who };
    const seat = who.seat;
    const welcome: Welcome = {
      protocol: CLASS_PROTOCOL,
      engineVersion: ENGINE_VERSION,
      role: who.role,
      seat,
      student: who.name,
      config: this.setup.config,
      log: this.log,
      choice: seat ? (this.choices[seat] ?? null) : null,
      briefing: seat ? (this.briefings[seat] ?? null) : null,
      presence: this.presenceNow(),
      deadline: this.deadlineStatus(),
    };
    client.send(MSG.welcome, welcome);
    this.broadcast(MSG.presence, this.presenceNow());
  }

  override onLeave(client: Client): void {
    // The seat stays with its student until the instructor frees it; only presence changes.
    this.buckets.delete(client.sessionId);
    this.processed.delete(`guest:${client.sessionId}`);
    this.broadcast(MSG.presence, this.presenceNow());
  }

  override onUncaughtException(error: Error): void {
    // A refused join is an answer to the client, not a fault of the room.
    if (error.name === 'OnAuthException') return;
    process.stderr.write(`class room ${this.roomId}: ${error.stack ?? error.message}\n`);
  }

  /** Refuses oversized frames before they are decoded, and keeps a malformed frame (one the
   * library cannot even decode) from throwing out of the socket's handler. */
  override _onMessage(client: Client & Parameters<Room['_onMessage']>[0], buffer: Buffer): void {
    if (buffer.byteLength > MAX_MESSAGE_BYTES) {
      this.refuse(client, null, 'too-large');
      return;
    }
    try {
      super._onMessage(client, buffer);
    } catch {
      this.refuse(client, null, 'malformed');
    }
  }

  /** The state as the log has made it (tests and the server's files read it). */
  get classState(): ClassState {
    return this.session;
  }

  get commandLog(): NumberedCommand[] {
    return this.log;
  }

  private guard(client: Client, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.onUncaughtException(error as Error);
      this.refuse(client, null, 'not-allowed');
    }
  }

  private handle(client: Client, raw: unknown): void {
    const who = client.userData as Who;
    const bucket = this.buckets.get(client.sessionId) ?? new TokenBucket(RATE_BURST, RATE_PER_SECOND, Date.now());
    this.buckets.set(client.sessionId, bucket);
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id.slice(0, 48)) : null;
    if (!bucket.take(Date.now())) return this.refuse(client, rawId, 'rate-limited');
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return this.refuse(client, rawId, 'malformed');
    const { id, command } = envelope.data;
    const issuer = who.role === 'instructor' ? 'instructor' : (who.seat ?? `guest:${client.sessionId}`);
    const seen = this.processed.get(issuer) ?? new Map<string, number | null>();
    this.processed.set(issuer, seen);
    if (seen.has(id)) return this.ack(client, { id, seq: seen.get(id) ?? null, duplicate: true });
    const outcome = who.role === 'instructor' ? this.instruct(client, command) : this.student(client, who, command);
    if (typeof outcome === 'string') return this.refuse(client, id, outcome);
    seen.set(id, outcome);
    if (seen.size > REMEMBERED_IDS) seen.delete(seen.keys().next().value!);
    this.ack(client, { id, seq: outcome, duplicate: false });
  }

  /** A student's command: the seat is the connection's, never one named in the message. */
  private student(client: Client, who: Who, raw: unknown): number | null | Refusal {
    const parsed = StudentCommand.safeParse(raw);
    if (!parsed.success) return 'malformed';
    const command = parsed.data;
    if (command.type === 'claim') {
      if (who.seat) return 'already-seated';
      if (!delegationsOf(this.session.config.scenario).includes(command.seat)) return 'seat-unknown';
      if (this.session.seats[command.seat]) return 'seat-taken';
      const seq = this.emit(command.seat, { type: 'seat.claim', seat: command.seat, student: who.name ?? '?' });
      const token = randomBytes(18).toString('base64url');
      this.seatTokens.set(token, command.seat);
      who.seat = command.seat;
      client.send(MSG.seatToken, { seat: command.seat, token });
      this.broadcast(MSG.presence, this.presenceNow());
      return seq;
    }
    if (!who.seat) return 'not-seated';
    const refusal = refusalOfChoice(this.session, who.seat, command.choice);
    if (refusal) return refusal;
    this.choices[who.seat] = command.choice;
    // Another tab of the same delegation sees its own choice change.
    for (const other of this.clients) {
      if (other !== client && (other.userData as Who).seat === who.seat) other.send('choice', command.choice);
    }
    if (this.session.ready.includes(who.seat)) return null;
    return this.emit(who.seat, { type: 'choice.made', seat: who.seat, turn: command.choice.turn });
  }

  private instruct(_client: Client, raw: unknown): number | null | Refusal {
    const parsed = InstructorCommand.safeParse(raw);
    if (!parsed.success) return 'malformed';
    const c = parsed.data;
    const { phase } = this.session;
    const game = currentBranch(this.session).game;
    switch (c.type) {
      case 'start':
        if (phase !== 'lobby') return 'not-allowed';
        return this.andRestartClock(this.emit('instructor', { type: 'game.start' }));
      case 'pause':
        if (phase !== 'running') return 'not-allowed';
        this.stopClock(true);
        return this.emit('instructor', { type: 'game.pause' });
      case 'resume':
        if (phase !== 'paused') return 'not-allowed';
        return this.andRestartClock(this.emit('instructor', { type: 'game.resume' }), this.remainingMs);
      case 'play':
        if (phase === 'lobby') return 'not-running';
        if (game.result) return 'game-over';
        return this.playTurn('instructor');
      case 'undo':
        if (game.turns.length === 0) return 'nothing-to-undo';
        this.choices = {};
        return this.andRestartClock(this.emit('instructor', { type: 'turn.undo', turn: game.turns.length }));
      case 'branch': {
        if (!resolveRuleSet(c.rules, this.session.config.scenario.ruleSets).ok) return 'bad-rules';
        this.choices = {};
        this.stopClock(false);
        return this.emit('instructor', { type: 'branch', rules: c.rules });
      }
      case 'deadline':
        return this.andRestartClock(this.emit('instructor', { type: 'deadline.set', seconds: c.seconds }));
      case 'free': {
        if (!this.session.seats[c.seat]) return 'seat-unknown';
        for (const [token, seat] of this.seatTokens) if (seat === c.seat) this.seatTokens.delete(token);
        delete this.choices[c.seat];
        for (const other of this.clients) {
          const who = other.userData as Who;
          if (who.seat === c.seat) {
            who.seat = null;
            other.send(MSG.freed, { seat: c.seat });
          }
        }
        const seq = this.emit('instructor', { type: 'seat.free', seat: c.seat });
        this.broadcast(MSG.presence, this.presenceNow());
        return seq;
      }
      case 'brief': {
        if (!delegationsOf(this.session.config.scenario).includes(c.seat)) return 'seat-unknown';
        // Private: never in the command log, sent only to that delegation's connections.
        this.briefings[c.seat] = c.text;
        for (const other of this.clients) if ((other.userData as Who).seat === c.seat) other.send(MSG.briefing, { text: c.text });
        return null;
      }
    }
  }

  /** Plays the current turn from the private choices (bots for the rest) and logs it. */
  private playTurn(reason: 'instructor' | 'deadline'): number {
    const command = resolveTurn(this.session, this.choices, reason);
    this.choices = {};
    const seq = this.emit(reason === 'deadline' ? 'server' : 'instructor', command);
    if (this.session.phase === 'over') this.stopClock(false);
    else this.andRestartClock(seq);
    return seq;
  }

  private emit(by: Issuer, command: ClassCommand): number {
    const numbered: NumberedCommand = { seq: this.session.seq + 1, by, command };
    this.session = applyCommand(this.session, numbered);
    this.log.push(numbered);
    this.broadcast(MSG.command, numbered);
    this.setup.onCommand?.(this.session, this.log, numbered);
    return numbered.seq;
  }

  /** Starts the turn's clock afresh (or from what was left), when the game runs and has a deadline. */
  private andRestartClock(seq: number, fromMs: number | null = null): number {
    this.stopClock(false);
    const { deadline, phase } = this.session;
    if (deadline !== null && phase === 'running') {
      const ms = fromMs ?? deadline * 1000;
      this.remainingMs = ms;
      const startedAt = this.clock.currentTime;
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.remainingMs = null;
        try {
          if (this.session.phase === 'running' && !currentBranch(this.session).game.result) this.playTurn('deadline');
        } catch (error) {
          // A turn that cannot be played is reported; the room and its log stay as they were.
          this.onUncaughtException(error as Error);
        }
      }, ms);
      this.timerStartedAt = startedAt;
    }
    this.broadcast(MSG.deadline, this.deadlineStatus());
    return seq;
  }

  private timerStartedAt = 0;

  private stopClock(keepRemaining: boolean): void {
    if (this.timer) {
      if (keepRemaining && this.remainingMs !== null) this.remainingMs = Math.max(0, this.remainingMs - (this.clock.currentTime - this.timerStartedAt));
      this.timer.clear();
      this.timer = null;
    }
    if (!keepRemaining) this.remainingMs = null;
    this.broadcast(MSG.deadline, this.deadlineStatus());
  }

  private deadlineStatus(): DeadlineStatus {
    if (this.timer && this.remainingMs !== null) {
      return { remainingMs: Math.max(0, this.remainingMs - (this.clock.currentTime - this.timerStartedAt)), running: true };
    }
    return { remainingMs: this.remainingMs, running: false };
  }

  private freeSeats(): StateId[] {
    return delegationsOf(this.session.config.scenario).filter((s) => !this.session.seats[s]);
  }

  private presenceNow(): Presence {
    const connected = new Set<string>();
    let instructors = 0;
    let guests = 0;
    for (const client of this.clients) {
      const who = client.userData as Who | undefined;
      if (!who) continue;
      if (who.role === 'instructor') instructors += 1;
      else if (who.seat) connected.add(who.seat);
      else guests += 1;
    }
    return { connected: [...connected].sort(), instructors, guests };
  }

  private ack(client: Client, ack: Ack): void {
    client.send(MSG.ack, ack);
  }

  private refuse(client: Client, id: string | null, code: Refusal): void {
    const refused: Refused = { id, code };
    client.send(MSG.refused, refused);
  }
}
