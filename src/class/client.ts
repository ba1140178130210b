// A class client for the page, the tests and the bench: joins a room by code, replays the
// command log it is sent into the same state as the server, and sends commands with ids of its
// own. A command not yet answered stays in an outbox and is sent again after a reconnect; the
// room recognises the id and does not apply it twice. A dropped connection is rejoined with
// the seat's token, so the student keeps the seat.
import { Client, type Room } from 'colyseus.js';
import { ENGINE_VERSION } from '../engine/index';
import {
  CLASS_PROTOCOL,
  JOIN_ERROR_CODE,
  MSG,
  REFUSALS,
  ROOM_NAME,
  UNKNOWN_ROOM_CODE,
  type Ack,
  type Choice,
  type DeadlineStatus,
  type InstructorCommand,
  type JoinOptions,
  type Presence,
  type Refusal,
  type Refused,
  type StudentCommand,
  type Welcome,
} from './protocol';
import { applyCommand, replayCommands, type ClassState, type NumberedCommand } from './session';

export type JoinFailure = Refusal | 'unknown-room' | 'unreachable';

/** A join the server refused, or one that could not reach it; `code` names why for the page. */
export class ClassJoinError extends Error {
  constructor(
    readonly code: JoinFailure,
    readonly detail: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ClassClientOptions {
  /** The server's address, e.g. ws://192.168.1.20:2567. */
  endpoint: string;
  code: string;
  role: 'student' | 'instructor';
  name?: string;
  seatToken?: string;
  instructorToken?: string;
  /** Rejoin on its own after a dropped connection (default true). */
  autoReconnect?: boolean;
  /** Overrides for tests of a mismatch: what this client says it speaks. */
  protocol?: number;
  engine?: string;
}

export type Answer = { ok: true; ack: Ack } | { ok: false; code: Refusal };

type Listener = () => void;

let counter = 0;
const prefix = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');

export class ClassClient {
  state!: ClassState;
  log: NumberedCommand[] = [];
  role: 'student' | 'instructor';
  seat: string | null = null;
  student: string | null = null;
  seatToken: string | null;
  choice: Choice | null = null;
  briefing: string | null = null;
  presence: Presence = { connected: [], instructors: 0, guests: 0 };
  deadline: DeadlineStatus = { remainingMs: null, running: false };
  /** When the last deadline status came, on this machine's clock, to count down from. */
  deadlineAt = 0;
  connected = false;
  /** The last refusal without an id of its own (malformed, too large, rate-limited). */
  lastRefusal: Refusal | null = null;
  private room: Room | null = null;
  private outbox = new Map<string, { message: { id: string; command: unknown }; resolve: (a: Answer) => void }>();
  private listeners = new Set<Listener>();
  private closed = false;

  private constructor(private readonly options: ClassClientOptions) {
    this.role = options.role;
    this.seatToken = options.seatToken ?? null;
  }

  static async join(options: ClassClientOptions): Promise<ClassClient> {
    const client = new ClassClient(options);
    await client.connect();
    return client;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command; resolves with the room's answer (after any reconnects it takes). */
  send(command: StudentCommand | InstructorCommand): Promise<Answer> {
    counter += 1;
    const id = `${prefix}-${counter}`;
    return this.sendAs(id, command).then((answer) => {
      // The room keeps the delegation's choice; this tab holds what it sent once it is taken.
      if (answer.ok && command.type === 'choose') this.set(() => (this.choice = command.choice));
      return answer;
    });
  }

  /** Sends a command under a given id: the same id twice is one command to the room. */
  sendAs(id: string, command: unknown): Promise<Answer> {
    return new Promise((resolve) => {
      const message = { id, command };
      this.outbox.set(id, { message, resolve });
      if (this.connected) this.room?.send('cmd', message);
    });
  }

  /** Sends anything, as a broken or hostile client would (tests). */
  sendRaw(type: string, message: unknown): void {
    this.room?.send(type, message);
  }

  /** Drops the connection as a network failure would, without leaving the room. */
  drop(): void {
    this.room?.connection.close();
  }

  async leave(): Promise<void> {
    this.closed = true;
    await this.room?.leave(true);
  }

  private async connect(): Promise<void> {
    const join: JoinOptions = {
      protocol: this.options.protocol ?? CLASS_PROTOCOL,
      engine: this.options.engine ?? ENGINE_VERSION,
      role: this.role,
      ...(this.seatToken ? { seatToken: this.seatToken } : this.options.name !== undefined ? { name: this.options.name } : {}),
      ...(this.options.instructorToken ? { instructorToken: this.options.instructorToken } : {}),
    };
    let room: Room;
    try {
      room = await new Client(this.options.endpoint).joinById(this.options.code, join);
    } catch (error) {
      throw joinError(error);
    }
    this.room = room;
    const welcomed = new Promise<void>((resolve) => {
      room.onMessage(MSG.welcome, (welcome: Welcome) => {
        this.welcome(welcome);
        resolve();
      });
    });
    room.onMessage(MSG.command, (numbered: NumberedCommand) => this.apply(numbered));
    room.onMessage(MSG.ack, (ack: Ack) => this.answer(ack.id, { ok: true, ack }));
    room.onMessage(MSG.refused, (refused: Refused) => {
      if (refused.id && this.outbox.has(refused.id)) this.answer(refused.id, { ok: false, code: refused.code });
      else this.lastRefusal = refused.code;
      this.emit();
    });
    room.onMessage(MSG.presence, (presence: Presence) => this.set(() => (this.presence = presence)));
    room.onMessage(MSG.deadline, (deadline: DeadlineStatus) => this.set(() => this.setDeadline(deadline)));
    room.onMessage(MSG.briefing, ({ text }: { text: string }) => this.set(() => (this.briefing = text)));
    room.onMessage('choice', (choice: Choice) => this.set(() => (this.choice = choice)));
    room.onMessage(MSG.seatToken, ({ seat, token }: { seat: string; token: string }) =>
      this.set(() => {
        this.seat = seat;
        this.seatToken = token;
      }),
    );
    room.onMessage(MSG.freed, () =>
      this.set(() => {
        this.seat = null;
        this.seatToken = null;
        this.choice = null;
        this.briefing = null;
      }),
    );
    room.onLeave((code) => {
      this.connected = false;
      this.emit();
      if (!this.closed && code !== 4000 && this.options.autoReconnect !== false) void this.reconnect();
    });
    await welcomed;
  }

  /** Rejoins after a dropped connection, with the seat's token, and sends what is unanswered. */
  async reconnect(attempt = 0): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
    } catch (error) {
      const failure = error instanceof ClassJoinError ? error.code : 'unreachable';
      if (failure !== 'unreachable' || attempt >= 30) {
        this.lastRefusal = failure === 'unreachable' || failure === 'unknown-room' ? null : failure;
        this.emit();
        return;
      }
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
      return this.reconnect(attempt + 1);
    }
  }

  private welcome(welcome: Welcome): void {
    this.role = welcome.role;
    this.seat = welcome.seat;
    this.student = welcome.student;
    this.choice = welcome.choice;
    this.briefing = welcome.briefing;
    this.presence = welcome.presence;
    this.setDeadline(welcome.deadline);
    // The log only grows: on a rejoin, replay what came since; on the first join, all of it.
    if (!this.state || this.state.config.code !== welcome.config.code) {
      this.log = [...welcome.log];
      this.state = replayCommands(welcome.config, this.log);
    } else {
      for (const numbered of welcome.log) if (numbered.seq > this.state.seq) this.apply(numbered, false);
    }
    this.connected = true;
    for (const { message } of this.outbox.values()) this.room?.send('cmd', message);
    this.emit();
  }

  private apply(numbered: NumberedCommand, notify = true): void {
    if (!this.state || numbered.seq <= this.state.seq) return;
    this.state = applyCommand(this.state, numbered);
    this.log.push(numbered);
    if (numbered.command.type === 'turn.play' || numbered.command.type === 'turn.undo' || numbered.command.type === 'branch') this.choice = null;
    if (numbered.command.type === 'seat.free' && numbered.command.seat === this.seat) this.seat = null;
    if (notify) this.emit();
  }

  private answer(id: string, answer: Answer): void {
    const waiting = this.outbox.get(id);
    if (!waiting) return;
    this.outbox.delete(id);
    waiting.resolve(answer);
    this.emit();
  }

  private setDeadline(deadline: DeadlineStatus): void {
    this.deadline = deadline;
    this.deadlineAt = Date.now();
  }

  private set(change: () => void): void {
    change();
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function joinError(error: unknown): ClassJoinError {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  // Colyseus answers a room at its connection limit (locked) with the same code as a missing one.
  if (e?.code === UNKNOWN_ROOM_CODE) return new ClassJoinError(/is locked/.test(message) ? 'room-full' : 'unknown-room', message);
  if (e?.code === JOIN_ERROR_CODE) {
    const [word, ...rest] = message.split(' ');
    if ((REFUSALS as readonly string[]).includes(word!)) return new ClassJoinError(word as Refusal, rest.join(' '));
  }
  return new ClassJoinError('unreachable', message);
}
