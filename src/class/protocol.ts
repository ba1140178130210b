// What travels between a class room and its clients. Every message a client sends is parsed
// here into a typed value or refused with a code the page translates; nothing half-valid
// reaches the room. The server and every client share this file, so a change of any command
// bumps CLASS_PROTOCOL and an old page is told to reload instead of misreading the log.
import { z } from 'zod';
import { INTENTS, POSITIONS } from '../engine/index';

/** Bumped on any change of the messages or the commands' meaning. */
export const CLASS_PROTOCOL = 1;

/** The Colyseus room name every class room is registered under. */
export const ROOM_NAME = 'class';

/** Hard limits: a message larger than this is refused before it is parsed (bytes). */
export const MAX_MESSAGE_BYTES = 4096;
/** The transport drops a connection whose frame exceeds this (ws maxPayload, bytes). */
export const MAX_FRAME_BYTES = 16 * 1024;
export const MAX_NAME = 40;
export const MAX_BRIEFING = 2000;
/** Per client: a burst of this many messages, refilled at RATE_PER_SECOND. */
export const RATE_BURST = 20;
export const RATE_PER_SECOND = 5;
/** Deadlines a turn may be given, in seconds. */
export const DEADLINE_MIN = 1;
export const DEADLINE_MAX = 3600;

const IntentId = z.enum(INTENTS);
const PositionId = z.enum(POSITIONS);
const StateId = z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/);
/** A name a person typed: trimmed, one line, no control characters. */
export const StudentName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(MAX_NAME).regex(/^[^\p{C}]+$/u));

/** A client's own id for a command, so a command sent twice (a reconnect, a replay) counts once. */
const CommandId = z.string().regex(/^[A-Za-z0-9_-]{1,48}$/);

/** What a delegation decides for one turn. The requester's delegation asks (intents); every
 * other delegation may put a request on the agenda (motions) and says how it will answer. */
export const Choice = z.strictObject({
  turn: z.number().int().min(1).max(365),
  intents: z.array(IntentId).max(INTENTS.length).default([]),
  motions: z.array(IntentId).max(INTENTS.length).default([]),
  positions: z.partialRecord(IntentId, PositionId).default({}),
});
export type Choice = z.infer<typeof Choice>;

export const StudentCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('claim'), seat: StateId }),
  z.strictObject({ type: z.literal('choose'), choice: Choice }),
]);

export const InstructorCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('play') }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('branch'), rules: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('deadline'), seconds: z.number().int().min(DEADLINE_MIN).max(DEADLINE_MAX).nullable() }),
  z.strictObject({ type: z.literal('free'), seat: StateId }),
  z.strictObject({ type: z.literal('brief'), seat: StateId, text: z.string().max(MAX_BRIEFING) }),
]);

export type StudentCommand = z.infer<typeof StudentCommand>;
export type InstructorCommand = z.infer<typeof InstructorCommand>;

/** The one message type a client sends: a command with the client's own id for it. */
export const Envelope = z.strictObject({ id: CommandId, command: z.unknown() });

export const JoinOptions = z.strictObject({
  protocol: z.number().int(),
  engine: z.string().max(40),
  role: z.enum(['student', 'instructor']),
  name: z.string().max(200).optional(),
  seatToken: z.string().max(64).optional(),
  instructorToken: z.string().max(64).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;

/** Why a join or a command was refused; the page names each in the reader's language. */
export const REFUSALS = [
  'version-mismatch',
  'bad-join',
  'name-required',
  'room-full',
  'not-instructor',
  'unknown-seat-token',
  'seat-taken',
  'seat-unknown',
  'already-seated',
  'not-seated',
  'malformed',
  'too-large',
  'rate-limited',
  'not-allowed',
  'stale-turn',
  'not-running',
  'game-over',
  'nothing-to-undo',
  'bad-rules',
  'intent-unavailable',
  'not-your-request',
  'duplicate',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Colyseus closes a join with an error code; ours sit in the application range. */
export const JOIN_ERROR_CODE = 4400;
/** Colyseus's own code for a room id that no room has: a wrong room code. */
export const UNKNOWN_ROOM_CODE = 4212;

/** Server → client message types. */
export const MSG = {
  command: 'cmd',
  welcome: 'welcome',
  ack: 'ack',
  refused: 'refused',
  presence: 'presence',
  briefing: 'briefing',
  deadline: 'deadline',
  seatToken: 'seat-token',
  freed: 'freed',
} as const;

/** What a student typed, as a room code: spaces dropped, upper case. */
export function normalizeCode(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

import type { ClassConfig, NumberedCommand } from './session';

/** Who is connected: seats with at least one open connection, and how many others watch. */
export interface Presence {
  connected: string[];
  instructors: number;
  guests: number;
}

/** The turn's clock as the server keeps it: time left, and whether it runs. */
export interface DeadlineStatus {
  remainingMs: number | null;
  running: boolean;
}

/** Everything a client needs on joining: the room's set-up and its whole command log to replay. */
export interface Welcome {
  protocol: number;
  engineVersion: string;
  role: 'student' | 'instructor';
  seat: string | null;
  student: string | null;
  config: ClassConfig;
  log: NumberedCommand[];
  /** The delegation's own choice for the current turn, kept by the server. */
  choice: Choice | null;
  briefing: string | null;
  presence: Presence;
  deadline: DeadlineStatus;
}

export interface Ack {
  id: string;
  /** The command number it produced, when it produced one. */
  seq: number | null;
  duplicate: boolean;
}

export interface Refused {
  id: string | null;
  code: Refusal;
}
