// Class-mode load figures: 10 rooms × 30 simulated students on one class server in this
// process, playing a few turns (every student sends a choice each turn, the instructor plays
// it). Printed: messages per second through the server, the 95th-percentile latency from a
// student's command to the room's answer, memory, and whether any client lost or reordered a
// command (each replays the log it receives and must end with the server's state digest).
import { loadScenarioFile } from '../src/cli/scenario-file';
import { startClassServer } from '../src/class/server';
import { ClassClient } from '../src/class/client';
import { currentBranch, delegationsOf, stateDigest } from '../src/class/session';
import { POSITIONS } from '../src/engine/index';

const ROOMS = 10;
const STUDENTS = 30;
const TURNS = 4;
/** A bound on the whole run, so a stuck room cannot hang `npm run bench`. */
const LIMIT_MS = 5 * 60_000;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0;
}

function waitUntil(clients: ClassClient[], check: (c: ClassClient) => boolean): Promise<void> {
  return Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (check(c)) return resolve();
          const off = c.onChange(() => {
            if (check(c)) {
              off();
              resolve();
            }
          });
        }),
    ),
  ).then(() => undefined);
}

async function run(): Promise<void> {
  const scenario = loadScenarioFile('scenarios/frontier-armed-attack.yaml');
  const seats = delegationsOf(scenario).slice(0, STUDENTS);
  const server = await startClassServer({
    host: '127.0.0.1',
    port: 0,
    rooms: Array.from({ length: ROOMS }, (_, i) => ({ scenario, rules: i % 2 ? 'sco' : 'nato', seed: String(i + 1) })),
    staticDir: null,
    logDir: null,
  });
  const endpoint = `ws://127.0.0.1:${server.port}`;
  const memoryBefore = process.memoryUsage();
  const started = performance.now();
  let received = 0;
  let sent = 0;
  const latencies: number[] = [];
  const rooms = await Promise.all(
    server.rooms.map(async ({ code }) => {
      const teacher = await ClassClient.join({ endpoint, code, role: 'instructor', instructorToken: server.instructorToken });
      const students: ClassClient[] = [];
      for (const seat of seats) {
        const s = await ClassClient.join({ endpoint, code, role: 'student', name: `Student ${seat}` });
        s.onChange(() => (received += 1));
        sent += 1;
        await s.send({ type: 'claim', seat });
        students.push(s);
      }
      return { code, teacher, students };
    }),
  );
  const joinedMs = performance.now() - started;
  const playStart = performance.now();
  for (const { teacher } of rooms) await teacher.send({ type: 'start' });
  for (let turn = 1; turn <= TURNS; turn++) {
    await Promise.all(
      rooms.map(async ({ teacher, students }) => {
        const game = currentBranch(teacher.state).game;
        if (game.result) return;
        await Promise.all(
          students.map(async (s, i) => {
            const t0 = performance.now();
            sent += 1;
            const isRequester = s.seat === scenario.player.state;
            const answer = await s.send({
              type: 'choose',
              choice: { turn: game.turn, intents: isRequester && turn === 1 ? ['consult'] : [], motions: [], positions: isRequester ? {} : { consult: POSITIONS[(i + turn) % 3]!, 'collective-defence': POSITIONS[(i + 2 * turn) % 4]! } },
            });
            latencies.push(performance.now() - t0);
            if (!answer.ok) throw new Error(`a choice was refused: ${answer.code}`);
          }),
        );
        sent += 1;
        await teacher.send({ type: 'play' });
      }),
    );
    await waitUntil(rooms.flatMap((r) => r.students), (c) => c.state.seq === server.room(c.state.config.code).classState.seq);
  }
  const playMs = performance.now() - playStart;
  const memory = process.memoryUsage();
  let lost = 0;
  for (const { code, teacher, students } of rooms) {
    const serverState = server.room(code).classState;
    for (const c of [teacher, ...students]) {
      const contiguous = c.log.every((n, i) => n.seq === i + 1);
      if (!contiguous || c.log.length !== server.room(code).commandLog.length || stateDigest(c.state) !== stateDigest(serverState)) lost += 1;
    }
  }
  const commands = rooms.reduce((n, r) => n + server.room(r.code).commandLog.length, 0);
  const clients = ROOMS * (STUDENTS + 1);
  console.log(`\nClass mode: ${ROOMS} rooms × ${STUDENTS} students (+1 instructor each), ${TURNS} turns, one process on loopback`);
  console.log(`  joined and seated ${clients} clients in ${(joinedMs / 1000).toFixed(1)} s; played in ${(playMs / 1000).toFixed(1)} s`);
  console.log(`  ${commands} commands numbered; ${sent} messages sent and ${received} updates received by clients: ${Math.round((sent + received) / (playMs / 1000 + joinedMs / 1000))} messages/s`);
  const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)] ?? 0;
  console.log(`  command → answer latency: p95 ${p95(latencies).toFixed(0)} ms, median ${median.toFixed(0)} ms (server and all clients share this process's CPU)`);
  console.log(`  memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (heap at start ${(memoryBefore.heapUsed / 2 ** 20).toFixed(0)} MiB)`);
  console.log(`  clients that lost or reordered a command, or ended with another state: ${lost} of ${clients}`);
  await Promise.all(rooms.flatMap((r) => [r.teacher, ...r.students]).map((c) => c.leave()));
  await server.close();
}

export async function classBench(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`class bench stopped after ${LIMIT_MS / 1000} s`)), LIMIT_MS);
  });
  try {
    await Promise.race([run(), limit]);
  } finally {
    clearTimeout(timer);
  }
}
