// The class debrief from a class played through the session fold (no server needed).
import { describe, expect, it } from 'vitest';
import { applyCommand, currentBranch, initialState, type ClassCommand, type ClassState } from '../../src/class/session';
import { resolveTurn } from '../../src/class/turn';
import { classDebrief } from '../../src/class/debrief';
import { KAZAKHSTAN } from './harness';

function run(state: ClassState, ...commands: ClassCommand[]): ClassState {
  return commands.reduce((s, command) => applyCommand(s, { seq: s.seq + 1, by: 'instructor', command }), state);
}

describe('classDebrief', () => {
  it('names who asked, who blocked and what the other rules would have made of the same inputs', () => {
    let state = run(initialState({ code: 'TEST1', scenario: KAZAKHSTAN, rules: 'csto', seed: '3' }), { type: 'seat.claim', seat: 'KAZ', student: 'Aliya' }, { type: 'seat.claim', seat: 'ARM', student: 'Narek' }, { type: 'game.start' });
    for (let turn = 1; turn <= 3 && !currentBranch(state).game.result; turn++) {
      const play = resolveTurn(
        state,
        {
          KAZ: { turn, intents: turn === 1 ? ['consult'] : turn === 2 ? ['collective-defence'] : [], motions: [], positions: {} },
          ARM: { turn, intents: [], motions: [], positions: { consult: 'object', 'collective-defence': 'object' } },
        },
        'instructor',
      );
      state = run(state, play);
    }
    const branch = currentBranch(state);
    const debrief = classDebrief(branch, ['csto', 'sco']);
    const consult = debrief.argued.find((a) => a.intent === 'consult')!;
    expect(consult).toMatchObject({ turn: 1, by: 'KAZ', student: 'Aliya' });
    for (const b of debrief.blocked) {
      expect(b.student).toBe(b.by === 'ARM' ? 'Narek' : null);
    }
    const blockedByArmenia = branch.game.turns.flatMap((t) => t.decisions).filter((d) => d.blockedBy.includes('ARM'));
    expect(blockedByArmenia.length).toBeGreaterThan(0);
    expect(debrief.blocked.filter((b) => b.by === 'ARM').length).toBe(blockedByArmenia.length);
    // Armenia's student objected at every sitting; the bots' positions are not put in anyone's mouth.
    expect(debrief.spoke.length).toBeGreaterThan(0);
    expect(debrief.spoke.every((x) => x.by === 'ARM' && x.student === 'Narek' && x.position === 'object')).toBe(true);
    expect(debrief.counterfactuals.map((c) => c.rules)).toEqual(['sco']);
    expect(debrief.counterfactuals[0]!.played.rules).toBe('csto');
    expect(debrief.counterfactuals[0]!.other.rules).toBe('sco');
  });
});
