// Headless room tests: a real class server on loopback, real clients over WebSockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassJoinError } from '../../src/class/client';
import { currentBranch, stateDigest } from '../../src/class/session';
import { verifyLog } from '../../src/engine/log/outcome-log';
import type { RunningClassServer } from '../../src/class/server';
import { KAZAKHSTAN, instructor, startTestServer, student, until } from './harness';

let server: RunningClassServer;
const logDir = mkdtempSync(join(tmpdir(), 'class-logs-'));
let code = (i: number) => server.rooms[i]!.code;

beforeAll(async () => {
  // Several rooms side by side: one per test group, so their states do not mix.
  const rooms = Array.from({ length: 8 }, () => ({ scenario: KAZAKHSTAN, rules: 'csto', seed: '7' }));
  server = await startTestServer(rooms, logDir);
});
afterAll(async () => {
  await server.close();
});

describe('joining', () => {
  it('a student joins by name and code, claims a free delegation and every client holds the server state', async () => {
    const teacher = await instructor(server, code(0));
    const aigerim = await student(server, code(0), 'Aigerim');
    expect(aigerim.seat).toBeNull();
    const answer = await aigerim.send({ type: 'claim', seat: 'KAZ' });
    expect(answer.ok).toBe(true);
    expect(aigerim.seat).toBe('KAZ');
    await until(teacher, () => teacher.state.seats.KAZ === 'Aigerim', 'the claim on the dashboard');
    await until(teacher, () => teacher.presence.connected.includes('KAZ'), 'presence');
    expect(stateDigest(teacher.state)).toBe(stateDigest(server.room(code(0)).classState));
    expect(stateDigest(aigerim.state)).toBe(stateDigest(server.room(code(0)).classState));
    await Promise.all([teacher.leave(), aigerim.leave()]);
  });

  it('a wrong room code, a taken state, a full room and another version each get their own answer', async () => {
    await expect(student(server, 'ZZZZZ', 'Nobody')).rejects.toMatchObject({ code: 'unknown-room' });
    const first = await student(server, code(1), 'First');
    await first.send({ type: 'claim', seat: 'RUS' });
    const second = await student(server, code(1), 'Second');
    expect(await second.send({ type: 'claim', seat: 'RUS' })).toEqual({ ok: false, code: 'seat-taken' });
    expect(await second.send({ type: 'claim', seat: 'USA' })).toEqual({ ok: false, code: 'seat-unknown' });
    const others = ['ARM', 'BLR', 'KAZ', 'KGZ', 'TJK'];
    const seated = [first];
    for (const seat of others) {
      const s = await student(server, code(1), `Student ${seat}`);
      expect((await s.send({ type: 'claim', seat })).ok).toBe(true);
      seated.push(s);
    }
    const late = await student(server, code(1), 'Late').catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ClassJoinError);
    expect((late as ClassJoinError).code).toBe('room-full');
    const old = await student(server, code(2), 'Old page', { protocol: 0 }).catch((e: unknown) => e);
    expect((old as ClassJoinError).code).toBe('version-mismatch');
    const otherEngine = await student(server, code(2), 'Old page', { engine: '0.0.1' }).catch((e: unknown) => e);
    expect((otherEngine as ClassJoinError).code).toBe('version-mismatch');
    const nameless = await student(server, code(2), '   ').catch((e: unknown) => e);
    expect((nameless as ClassJoinError).code).toBe('name-required');
    const impostor = await student(server, code(2), 'x', { role: 'instructor', instructorToken: 'guess' }).catch((e: unknown) => e);
    expect((impostor as ClassJoinError).code).toBe('not-instructor');
    await Promise.all([...seated, second].map((c) => c.leave()));
  });
});

describe('permissions', () => {
  it('a student speaks only for their own delegation and cannot act as the instructor', async () => {
    const room = code(3);
    const teacher = await instructor(server, room);
    const kaz = await student(server, room, 'Dana');
    const rus = await student(server, room, 'Ivan');
    await kaz.send({ type: 'claim', seat: 'KAZ' });
    await rus.send({ type: 'claim', seat: 'RUS' });
    expect(await kaz.send({ type: 'claim', seat: 'ARM' })).toEqual({ ok: false, code: 'already-seated' });
    expect((await teacher.send({ type: 'start' })).ok).toBe(true);
    await until(rus, () => rus.state.phase === 'running');
    // Naming another state in a choice is not part of the message: it is refused as malformed.
    expect(await rus.sendAs('x1', { type: 'choose', seat: 'KAZ', choice: { turn: 1, intents: ['consult'] } })).toEqual({ ok: false, code: 'malformed' });
    // The requester asks; another delegation may not ask in its name.
    expect(await rus.send({ type: 'choose', choice: { turn: 1, intents: ['collective-defence'], motions: [], positions: {} } })).toEqual({ ok: false, code: 'not-your-request' });
    expect(await rus.sendAs('x2', { type: 'start' })).toEqual({ ok: false, code: 'malformed' });
    expect(await rus.sendAs('x3', { type: 'free', seat: 'KAZ' })).toEqual({ ok: false, code: 'malformed' });
    // A choice for another turn is stale.
    expect(await kaz.send({ type: 'choose', choice: { turn: 2, intents: [], motions: [], positions: {} } })).toEqual({ ok: false, code: 'stale-turn' });
    const chosen = await kaz.send({ type: 'choose', choice: { turn: 1, intents: ['collective-defence'], motions: [], positions: {} } });
    expect(chosen.ok).toBe(true);
    const ruling = await rus.send({ type: 'choose', choice: { turn: 1, intents: [], motions: [], positions: { 'collective-defence': 'object' } } });
    expect(ruling.ok).toBe(true);
    expect((await teacher.send({ type: 'play' })).ok).toBe(true);
    await until(teacher, () => currentBranch(teacher.state).game.turns.length === 1, 'the first turn');
    const record = currentBranch(teacher.state).game.turns[0]!;
    expect(record.intents).toEqual(['collective-defence']);
    expect(record.seats).toEqual({ 'collective-defence': { RUS: 'object' } });
    const who = currentBranch(teacher.state).attribution[0]!.delegations;
    expect(who.KAZ).toEqual({ by: 'student', student: 'Dana' });
    expect(who.RUS).toEqual({ by: 'student', student: 'Ivan' });
    expect(who.ARM).toEqual({ by: 'bot', reason: 'unseated' });
    // Choices stay private until the turn is played: the log carried only that each was made.
    const made = teacher.log.filter((n) => n.command.type === 'choice.made');
    expect(made.map((n) => n.by).sort()).toEqual(['KAZ', 'RUS']);
    expect(JSON.stringify(made)).not.toContain('object');
    await Promise.all([teacher.leave(), kaz.leave(), rus.leave()]);
  });
});
