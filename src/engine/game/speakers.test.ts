// Class mode names the students who spoke for member states: the names are turn inputs, recorded
// in the turn and carried by a replay, so a log attributes each seat's positions to a student.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { newGame, playTurn } from './game';
import { createLog } from '../log/outcome-log';
import { verifyLog } from '../log/verify-log';

const parsed = parseScenario(readFileSync(join(__dirname, '../../../scenarios/frontier-armed-attack.yaml'), 'utf8'), 'f');
if (!parsed.ok) throw new Error('frontier-armed-attack is invalid');
const scenario = parsed.scenario;

describe('speakers', () => {
  it('records who spoke for which member beside the seats, and a log of it verifies', () => {
    let game = newGame(scenario, 'nato', '5');
    game = playTurn(game, { intents: ['consult'], seats: { consult: { POL: 'support' } }, speakers: { POL: 'Aigerim', EST: 'Daniyar' } });
    expect(game.turns[0]!.speakers).toEqual({ POL: 'Aigerim', EST: 'Daniyar' });
    const log = createLog(game, { policy: 'class' });
    expect(verifyLog(log).ok).toBe(true);
    // A name changed after the game is refused (by the digest, and the replay would differ too).
    const renamed = JSON.parse(JSON.stringify(log));
    renamed.turns[0].speakers.POL = 'Someone else';
    expect(verifyLog(renamed).ok).toBe(false);
  });

  it('leaves the field out when nobody is named', () => {
    const game = playTurn(newGame(scenario, 'nato', '5'), { intents: [], speakers: {} });
    expect(game.turns[0]).not.toHaveProperty('speakers');
  });

  it('refuses a speaker for a state outside the alliance, or an empty or overlong name', () => {
    const game = newGame(scenario, 'nato', '5');
    expect(() => playTurn(game, { intents: [], speakers: { RUS: 'Aigerim' } })).toThrow(/not a member state/);
    expect(() => playTurn(game, { intents: [], speakers: { POL: ' ' } })).toThrow(/a name of 1 to 80 characters/);
    expect(() => playTurn(game, { intents: [], speakers: { POL: 'x'.repeat(81) } })).toThrow(/a name of 1 to 80 characters/);
  });
});
