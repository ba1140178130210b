// Headless room tests: a real class server on loopback, real clients over WebSockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassJoinError } from '../../src/class/client';
import { currentBranch, stateDigest } from '../../src/class/session';
import { verifyLog } from '../../src/engine/log/verify-log';
import { classify, compareEntries } from '../../src/compare/index';
import type { RunningClassServer } from '../../src/class/server';
import { KAZAKHSTAN, instructor, seatedStudent, startAndWait, startTestServer, student, until } from './harness';

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
    for (const seat of others) seated.push(await seatedStudent(server, code(1), `Student ${seat}`, seat));
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
    const kaz = await seatedStudent(server, room, 'Dana', 'KAZ');
    const rus = await seatedStudent(server, room, 'Ivan', 'RUS');
    expect(await kaz.send({ type: 'claim', seat: 'ARM' })).toEqual({ ok: false, code: 'already-seated' });
    await startAndWait(teacher, rus);
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

describe('deadline and bots', () => {
  it('a turn whose deadline passes is played by the server, bots for whoever did not choose, and the log says so', async () => {
    const room = code(4);
    const teacher = await instructor(server, room);
    const kaz = await seatedStudent(server, room, 'Aruzhan', 'KAZ');
    const arm = await seatedStudent(server, room, 'Ani', 'ARM');
    await teacher.send({ type: 'deadline', seconds: 1 });
    await startAndWait(teacher, kaz);
    await kaz.send({ type: 'choose', choice: { turn: 1, intents: ['consult'], motions: [], positions: {} } });
    // Ani never chooses; nobody presses "next turn".
    await until(teacher, () => currentBranch(teacher.state).game.turns.length === 1, 'the deadline');
    const play = teacher.log.find((n) => n.command.type === 'turn.play')!;
    expect(play.by).toBe('server');
    const attribution = currentBranch(teacher.state).attribution[0]!;
    expect(attribution.reason).toBe('deadline');
    expect(attribution.delegations.KAZ).toEqual({ by: 'student', student: 'Aruzhan' });
    expect(attribution.delegations.ARM).toEqual({ by: 'bot', reason: 'missed-deadline' });
    expect(attribution.delegations.RUS).toEqual({ by: 'bot', reason: 'unseated' });
    await teacher.send({ type: 'pause' });
    await until(teacher, () => teacher.state.phase === 'paused');
    expect(teacher.deadline.running).toBe(false);
    await Promise.all([teacher.leave(), kaz.leave(), arm.leave()]);
  });

  it('the requester\'s delegation without a student is asked for by the bot policy', async () => {
    const room = code(5);
    const teacher = await instructor(server, room);
    await teacher.send({ type: 'start' });
    for (let turn = 0; turn < 3; turn++) await teacher.send({ type: 'play' });
    await until(teacher, () => currentBranch(teacher.state).game.turns.length === 3);
    const { game, attribution } = currentBranch(teacher.state);
    expect(attribution.every((a) => a.delegations.KAZ?.by === 'bot')).toBe(true);
    expect(game.turns.some((t) => t.intents.length > 0)).toBe(true);
    await teacher.leave();
  });
});

describe('reconnecting and repeated commands', () => {
  it('a dropped student rejoins with the same seat, and a command sent while away arrives once', async () => {
    const room = code(6);
    const teacher = await instructor(server, room);
    const kaz = await seatedStudent(server, room, 'Timur', 'KAZ');
    await startAndWait(teacher, kaz);
    kaz.drop();
    await until(kaz, () => !kaz.connected, 'the drop');
    const answer = kaz.send({ type: 'choose', choice: { turn: 1, intents: ['consult'], motions: [], positions: {} } });
    await until(kaz, () => kaz.connected, 'the rejoin');
    expect(kaz.seat).toBe('KAZ');
    expect((await answer).ok).toBe(true);
    expect(teacher.state.seats.KAZ).toBe('Timur');
    // The same id again (a replay, or a resend after a lost answer) is one command.
    const again = await kaz.sendAs('same-id', { type: 'choose', choice: { turn: 1, intents: ['consult'], motions: [], positions: {} } });
    const replayed = await kaz.sendAs('same-id', { type: 'choose', choice: { turn: 1, intents: [], motions: [], positions: {} } });
    expect(again.ok && replayed.ok && replayed.ack.duplicate).toBe(true);
    await teacher.send({ type: 'play' });
    await until(teacher, () => currentBranch(teacher.state).game.turns.length === 1);
    expect(currentBranch(teacher.state).game.turns[0]!.intents).toEqual(['consult']);
    // A closed tab keeps the seat: a new join by name cannot take it, the token can.
    const token = kaz.seatToken!;
    await kaz.leave();
    const thief = await student(server, room, 'Thief');
    expect(await thief.send({ type: 'claim', seat: 'KAZ' })).toEqual({ ok: false, code: 'seat-taken' });
    const back = await student(server, room, 'ignored', { seatToken: token });
    expect(back.seat).toBe('KAZ');
    expect(back.student).toBe('Timur');
    // Until the instructor frees it.
    await teacher.send({ type: 'free', seat: 'KAZ' });
    await until(back, () => back.seat === null, 'the seat freed');
    expect((await thief.send({ type: 'claim', seat: 'KAZ' })).ok).toBe(true);
    await expect(student(server, room, 'x', { seatToken: token })).rejects.toMatchObject({ code: 'unknown-seat-token' });
    await Promise.all([teacher.leave(), back.leave(), thief.leave()]);
  });
});

describe('what a client sends cannot break the room', () => {
  it('malformed, oversized and flooding messages are refused and the room goes on', async () => {
    const room = code(7);
    const teacher = await instructor(server, room);
    const rogue = await seatedStudent(server, room, 'Rogue', 'BLR');
    const refusals: string[] = [];
    rogue.onChange(() => {
      if (rogue.lastRefusal) refusals.push(rogue.lastRefusal);
      rogue.lastRefusal = null;
    });
    rogue.sendRaw('cmd', 'not an object');
    rogue.sendRaw('cmd', { id: 'a', command: { type: 'choose', choice: { turn: 'one' } } });
    rogue.sendRaw('what', { id: 'b' });
    rogue.sendRaw('cmd', { id: 'c', command: { type: 'claim', seat: 'X'.repeat(5000) } });
    await until(rogue, () => refusals.length >= 4, 'four refusals');
    expect(refusals).toEqual(['malformed', 'malformed', 'malformed', 'too-large']);
    // A prototype-polluting or deep object is only data.
    expect(await rogue.sendAs('p', JSON.parse('{"type":"choose","choice":{"turn":1,"__proto__":{"x":1}}}'))).toMatchObject({ ok: false });
    // A flood: past the burst, commands are refused one by one.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => rogue.sendAs(`f${i}`, { type: 'claim', seat: 'BLR' })));
    expect(answers.filter((a) => !a.ok && a.code === 'rate-limited').length).toBeGreaterThan(10);
    // The room still works for everyone.
    await startAndWait(teacher);
    expect(stateDigest(teacher.state)).toBe(stateDigest(server.room(room).classState));
    await Promise.all([teacher.leave(), rogue.leave()]);
  });
});

describe('the class record', () => {
  it('each rule set played leaves an outcome log that verifies, with the students named in the class record', async () => {
    const room = code(0);
    const teacher = await instructor(server, room);
    const kaz = await student(server, room, 'Madina');
    await kaz.send({ type: 'claim', seat: 'KAZ' }).then((a) => (a.ok ? a : kaz.send({ type: 'claim', seat: 'TJK' })));
    await startAndWait(teacher, kaz);
    const seat = kaz.seat!;
    const choose = (turn: number) =>
      kaz.send({ type: 'choose', choice: seat === 'KAZ' ? { turn, intents: ['consult'], motions: [], positions: {} } : { turn, intents: [], motions: [], positions: { consult: 'support' } } });
    await choose(1);
    await teacher.send({ type: 'play' });
    await until(kaz, () => currentBranch(kaz.state).game.turns.length === 1);
    await teacher.send({ type: 'play' });
    await teacher.send({ type: 'undo' });
    await until(teacher, () => teacher.log.at(-1)?.command.type === 'turn.undo');
    expect(currentBranch(teacher.state).game.turns.length).toBe(1);
    expect(await teacher.send({ type: 'branch', rules: 'no-such-rules' })).toEqual({ ok: false, code: 'bad-rules' });
    await teacher.send({ type: 'branch', rules: 'sco' });
    await teacher.send({ type: 'start' });
    await teacher.send({ type: 'play' });
    await until(teacher, () => teacher.state.branches.length === 2 && currentBranch(teacher.state).game.turns.length === 1);
    expect(stateDigest(kaz.state)).toBe(stateDigest(server.room(room).classState));
    const files = readdirSync(logDir).filter((f) => f.startsWith(room));
    expect(files.sort()).toEqual([`${room}-1-csto.json`, `${room}-2-sco.json`, `${room}.class.json`]);
    for (const f of files.filter((f) => !f.endsWith('.class.json'))) {
      const verdict = verifyLog(JSON.parse(readFileSync(join(logDir, f), 'utf8')));
      expect(verdict.ok, f).toBe(true);
    }
    // The outcome log itself names the student behind the seat's positions, and verify checks it.
    const first = JSON.parse(readFileSync(join(logDir, `${room}-1-csto.json`), 'utf8'));
    expect(first.turns[0].speakers).toEqual({ [seat]: 'Madina' });
    // The comparison reads the class's logs like any others: the two branches are a pair.
    const entries = files.filter((f) => !f.endsWith('.class.json')).map((f) => classify(JSON.parse(readFileSync(join(logDir, f), 'utf8')), f));
    const comparison = compareEntries(entries);
    expect(comparison.counts.verified).toBe(2);
    expect(comparison.pairs.length).toBe(1);
    const record = JSON.parse(readFileSync(join(logDir, `${room}.class.json`), 'utf8'));
    expect(record.format).toBe('alliance-crisis-lab/class-log');
    expect(record.branches[0].attribution[0].delegations[seat]).toEqual({ by: 'student', student: 'Madina' });
    expect(record.commands.length).toBe(teacher.log.length);
    await Promise.all([teacher.leave(), kaz.leave()]);
  });

  it('a private briefing reaches only its delegation and never the command log', async () => {
    const room = code(2);
    const teacher = await instructor(server, room);
    const a = await seatedStudent(server, room, 'A', 'ARM');
    const b = await seatedStudent(server, room, 'B', 'KGZ');
    await teacher.send({ type: 'brief', seat: 'ARM', text: 'Your parliament will not send troops.' });
    await until(a, () => a.briefing !== null, 'the briefing');
    expect(a.briefing).toBe('Your parliament will not send troops.');
    expect(b.briefing).toBeNull();
    expect(JSON.stringify(teacher.log)).not.toContain('parliament');
    // Rejoining brings it back.
    const again = await student(server, room, 'A', { seatToken: a.seatToken! });
    expect(again.briefing).toBe('Your parliament will not send troops.');
    await Promise.all([teacher.leave(), a.leave(), b.leave(), again.leave()]);
  });
});
