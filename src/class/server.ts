// The class server: one Colyseus server on one port, with a room per class set-up, serving the
// built class page too. Used by `crisis-lab class`, the tests (on loopback, port 0) and the bench.
import { createServer, type Server as HttpServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { logText } from '../engine/index';
import { signLog } from '../engine/index';
import { MAX_FRAME_BYTES, ROOM_NAME } from './protocol';
import { ClassRoom, roomSetups } from './room';
import { newRoomCode } from './room-code';
import { classLog, branchLog } from './class-log';
import type { ClassConfig, ClassState, NumberedCommand } from './session';
import { staticHandler } from './static-files';

export interface ClassServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  rooms: Omit<ClassConfig, 'code'>[];
  /** The built site to serve (dist/), or null to serve none. */
  staticDir: string | null;
  /** Where each room's logs are written after every turn, or null. */
  logDir: string | null;
  instructorToken?: string;
  /** The instructor's Ed25519 secret key (hex): every outcome log written is signed with it. */
  signingKey?: string;
}

export interface ClassServerRoom {
  code: string;
  scenario: string;
  rules: string;
}

export interface RunningClassServer {
  port: number;
  host: string;
  instructorToken: string;
  rooms: ClassServerRoom[];
  /** The room's live object, for tests and the bench. */
  room(code: string): ClassRoom;
  close(): Promise<void>;
}

/** Colyseus keeps one matchmaker per process: one class server at a time. */
let running = false;

export async function startClassServer(options: ClassServerOptions): Promise<RunningClassServer> {
  if (running) throw new Error('a class server is already running in this process');
  running = true;
  const http: HttpServer = createServer(staticHandler(options.staticDir, 'class.html'));
  const transport = new WebSocketTransport({ server: http, maxPayload: MAX_FRAME_BYTES });
  const server = new Server({ transport, greet: false, gracefullyShutdown: false });
  server.define(ROOM_NAME, ClassRoom);
  await server.listen(options.port, options.host);
  const instructorToken = options.instructorToken ?? randomBytes(12).toString('base64url');
  const rooms: ClassServerRoom[] = [];
  const taken = new Set<string>();
  for (const room of options.rooms) {
    const code = newRoomCode(taken);
    taken.add(code);
    const config: ClassConfig = { ...room, code };
    roomSetups.set(code, {
      config,
      instructorToken,
      onCommand: options.logDir ? writeLogs(options.logDir, options.signingKey) : undefined,
    });
    await matchMaker.createRoom(ROOM_NAME, { code });
    rooms.push({ code, scenario: room.scenario.id, rules: room.rules });
  }
  return {
    port: (http.address() as AddressInfo).port,
    host: options.host,
    instructorToken,
    rooms,
    room: (code) => matchMaker.getLocalRoomById(code) as ClassRoom,
    async close() {
      await server.gracefullyShutdown(false);
      for (const { code } of rooms) roomSetups.delete(code);
      http.close();
      running = false;
    },
  };
}

/** After each turn, undo or branch: every branch's outcome log and the class record, rewritten. */
function writeLogs(dir: string, signingKey: string | undefined) {
  mkdirSync(dir, { recursive: true });
  return (state: ClassState, log: NumberedCommand[], command: NumberedCommand) => {
    if (!['turn.play', 'turn.undo', 'branch'].includes(command.command.type)) return;
    const code = state.config.code;
    state.branches.forEach((branch, i) => {
      const rules = branch.rules.replace(/[^A-Za-z0-9_-]+/g, '_');
      const log = branchLog(branch);
      writeFileSync(join(dir, `${code}-${i + 1}-${rules}.json`), logText(signingKey ? signLog(log, signingKey) : log));
    });
    writeFileSync(join(dir, `${code}.class.json`), JSON.stringify(classLog(state, log)) + '\n');
  };
}
