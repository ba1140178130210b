// A scenario's scripted line of play can have other member states or the chair put requests on
// the agenda (2001: the initiative for Article 5 came from the Secretary General and the allies).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLog, parseScenario, verifyLog } from '../engine/index';
import { playGame } from './play';
import { policyByName } from './policies';

const base = readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8');
const withPolicy = (turns: string) => `${base}\npolicies:\n  textbook:\n    turns:\n${turns}\n`;

describe('motions in a scripted policy', () => {
  it('puts the motion on the agenda under its proposer, and the log says so and verifies', () => {
    const parsed = parseScenario(withPolicy('      - { turn: 1, intents: [], motions: [{ by: chair, intent: consult }, { by: BRV, intent: joint-statement }] }'), 'm.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const game = playGame(parsed.scenario, 'nato', '1', policyByName('textbook', parsed.scenario, '1'));
    const first = game.turns[0]!;
    expect(first.motions).toEqual([
      { by: 'chair', intent: 'consult' },
      { by: 'BRV', intent: 'joint-statement' },
    ]);
    expect(first.proposals.map((p) => [p.proposer, p.intent])).toEqual([
      ['chair', 'consult'],
      ['BRV', 'joint-statement'],
    ]);
    const decided = game.turns.flatMap((t) => t.decisions).filter((d) => d.proposal > 0);
    expect(new Set(decided.map((d) => d.proposer))).toEqual(new Set(['chair', 'BRV']));
    expect(verifyLog(JSON.parse(JSON.stringify(createLog(game, { policy: 'textbook' })))).ok).toBe(true);
  });

  it('skips a motion for a request the player makes itself that turn', () => {
    const parsed = parseScenario(withPolicy('      - { turn: 1, intents: [consult], motions: [{ by: BRV, intent: consult }] }'), 'm.yaml');
    if (!parsed.ok) throw new Error('invalid');
    const game = playGame(parsed.scenario, 'nato', '1', policyByName('textbook', parsed.scenario, '1'));
    expect(game.turns[0]!.proposals.map((p) => p.proposer)).toEqual(['ALF']);
  });

  it('refuses, where it is written, a motion by a state outside the alliance or by the player', () => {
    const parsed = parseScenario(withPolicy('      - { turn: 1, intents: [], motions: [{ by: RED, intent: consult }, { by: ALF, intent: consult }] }'), 'm.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const lines = base.split('\n').length + 4;
    expect(parsed.problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [lines, 'policies.textbook.turns[0].motions[0].by: "RED" is not a member of the alliance'],
      [lines, `policies.textbook.turns[0].motions[1].by: "ALF" is the player's state: put its requests in \`intents\``],
    ]);
  });
});
