// Starts a class server on loopback for a test file and joins clients to it.
import { loadScenarioFile } from '../../src/cli/scenario-file';
import { startClassServer, type RunningClassServer } from '../../src/class/server';
import { ClassClient, type ClassClientOptions } from '../../src/class/client';
import type { Scenario } from '../../src/engine/scenario/schema';

export const KAZAKHSTAN: Scenario = loadScenarioFile('scenarios/kazakhstan-2022.yaml');

export async function startTestServer(rooms: { scenario: Scenario; rules: string; seed: string }[], logDir: string | null = null): Promise<RunningClassServer> {
  return startClassServer({ host: '127.0.0.1', port: 0, rooms, staticDir: null, logDir });
}

export function endpoint(server: RunningClassServer): string {
  return `ws://127.0.0.1:${server.port}`;
}

export function student(server: RunningClassServer, code: string, name: string, extra: Partial<ClassClientOptions> = {}): Promise<ClassClient> {
  return ClassClient.join({ endpoint: endpoint(server), code, role: 'student', name, ...extra });
}

export function instructor(server: RunningClassServer, code: string): Promise<ClassClient> {
  return ClassClient.join({ endpoint: endpoint(server), code, role: 'instructor', instructorToken: server.instructorToken });
}

/** Resolves when the client's state satisfies the check; fails the test after a while. */
export function until(client: ClassClient, check: () => boolean, what = 'a condition'): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`waited in vain for ${what}`));
    }, 20_000);
    const off = client.onChange(() => {
      if (check()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

/** A student who joins the room by name and takes a delegation; a refused claim fails the test. */
export async function seatedStudent(server: RunningClassServer, code: string, name: string, seat: string): Promise<ClassClient> {
  const client = await student(server, code, name);
  const answer = await client.send({ type: 'claim', seat });
  if (!answer.ok) throw new Error(`${name} could not take ${seat}: ${answer.code}`);
  return client;
}

/** The instructor starts the game (a refusal fails the test); resolves once `watcher` sees it running. */
export async function startAndWait(teacher: ClassClient, watcher: ClassClient = teacher): Promise<void> {
  const answer = await teacher.send({ type: 'start' });
  if (!answer.ok) throw new Error(`the game did not start: ${answer.code}`);
  await until(watcher, () => watcher.state.phase === 'running', 'the game running');
}
