// Several rooms at once with every delegation seated: no client loses or reorders a command.
// Bounded in count (3 rooms × 6 students, 3 turns); how fast is the bench's business.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningClassServer } from '../../src/class/server';
import type { ClassClient } from '../../src/class/client';
import { currentBranch, delegationsOf, stateDigest } from '../../src/class/session';
import { KAZAKHSTAN, instructor, seatedStudent, startTestServer, until } from './harness';

let server: RunningClassServer;
beforeAll(async () => {
  server = await startTestServer([
    { scenario: KAZAKHSTAN, rules: 'csto', seed: '1' },
    { scenario: KAZAKHSTAN, rules: 'sco', seed: '1' },
    { scenario: KAZAKHSTAN, rules: 'nato', seed: '2' },
  ]);
});
afterAll(async () => {
  await server.close();
});

describe('several full rooms side by side', () => {
  it('every client of every room ends with the server’s log and state', async () => {
    const seats = delegationsOf(KAZAKHSTAN);
    const rooms = await Promise.all(
      server.rooms.map(async ({ code }) => {
        const teacher = await instructor(server, code);
        const students: ClassClient[] = [];
        for (const seat of seats) students.push(await seatedStudent(server, code, `S-${seat}`, seat));
        await teacher.send({ type: 'start' });
        return { code, teacher, students };
      }),
    );
    for (let turn = 1; turn <= 3; turn++) {
      await Promise.all(
        rooms.map(async ({ teacher, students }) => {
          const game = currentBranch(teacher.state).game;
          await Promise.all(
            students.map((s) =>
              s.send({ type: 'choose', choice: { turn: game.turn, intents: s.seat === 'KAZ' && turn === 1 ? ['consult'] : [], motions: [], positions: s.seat === 'KAZ' ? {} : { consult: 'support' } } }),
            ),
          );
          await teacher.send({ type: 'play' });
        }),
      );
    }
    for (const { code, teacher, students } of rooms) {
      const room = server.room(code);
      for (const c of [teacher, ...students]) {
        await until(c, () => c.state.seq === room.classState.seq, 'the last command');
        expect(c.log.map((n) => n.seq)).toEqual(room.commandLog.map((n) => n.seq));
        expect(stateDigest(c.state)).toBe(stateDigest(room.classState));
      }
      expect(currentBranch(room.classState).attribution.every((a) => seats.every((s) => a.delegations[s]?.by === 'student'))).toBe(true);
    }
    await Promise.all(rooms.flatMap((r) => [r.teacher, ...r.students]).map((c) => c.leave()));
  });
});
