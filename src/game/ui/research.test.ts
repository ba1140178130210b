import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaries, percent, setLanguage } from '../../ui-kit/i18n';
import { LANGUAGES, PACK_IDS, packValues, parseScenario, replayIntents, type GameState, type IntentId, type PackId, type Scenario } from '../engine';
import { DEBATE_IDS, SOURCES, debates, otherPack, packChoices, soughtDefenceOn, treatyPrior } from './research';

function scenario(id: string): Scenario {
  const path = join(import.meta.dirname, '../../../scenarios', `${id}.yaml`);
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${id} does not parse`);
  return result.scenario;
}

/** A whole game: the player asks for everything on the first turns, then waits. */
function played(rules: string, pack: PackId, seed = '1'): GameState {
  const asks: IntentId[][] = [['consult', 'joint-statement'], ['collective-defence'], []];
  let inputs = asks;
  for (let extra = 0; extra < 30; extra += 1) {
    const game = replayIntents(scenario('tutorial'), rules, seed, inputs, { pack });
    if (game.result) return game;
    inputs = [...inputs, []];
  }
  throw new Error('the game did not end');
}

afterEach(() => setLanguage('en', false));

describe('what research says', () => {
  it('names the pack that plays the other reading of each question', () => {
    const other = (pack: PackId) => DEBATE_IDS.map((id) => otherPack(id, { pack, parameters: packValues(pack) }));
    expect(other('baseline')).toEqual(['study', 'sceptic', 'realist']);
    expect(other('study')).toEqual(['sceptic', 'sceptic', 'realist']);
    expect(other('sceptic')).toEqual(['study', 'study', 'realist']);
    expect(other('realist')).toEqual(['study', 'sceptic', 'study']);
    // The other pack really reads the question the other way.
    for (const pack of PACK_IDS) {
      const mine = packValues(pack);
      const theirs = packValues(otherPack('institutions', { pack, parameters: mine }));
      expect(mine.institutionalisation > 0).not.toBe(theirs.institutionalisation > 0);
      const strain = packValues(otherPack('entrapment', { pack, parameters: mine })).strainPerRung;
      expect(strain).not.toBe(mine.strainPerRung);
    }
  });

  it('builds the adversary’s starting estimate as the engine does: prior, command, invocation, at most 1', () => {
    const study = packValues('study');
    expect(treatyPrior(study, true, false, false)).toBeCloseTo(0.41);
    expect(treatyPrior(study, true, true, false)).toBeCloseTo(0.53);
    expect(treatyPrior(study, true, true, true)).toBeCloseTo(0.93);
    expect(treatyPrior(study, false, false, false)).toBeCloseTo(0.22);
    expect(treatyPrior({ ...study, invocationAudience: 0.9 }, true, true, true)).toBe(1);
  });

  it('ties each question to the game: its pack, its figures, the other pack', () => {
    setLanguage('en', false);
    const game = played('nato', 'sceptic');
    const list = debates(game);
    expect(list.map((d) => d.id)).toEqual(['institutions', 'entrapment', 'moral-hazard']);
    expect(list.map((d) => d.other.who)).toEqual(['Leeds & Anac 2005', 'Beckley 2015; Kim 2011', 'Benson 2012']);
    const [institutions, entrapment, hazard] = list.map((d) => d.here.join(' '));
    // NATO has an integrated command; the sceptic pack lets it add nothing, the study pack 12 points.
    expect(institutions).toContain('added nothing');
    expect(institutions).toContain('Under the “Study” reading that estimate would start at 53\u00a0%');
    expect(entrapment).toContain(`${percent(game.indicators.entrapment)} entrapment and ${percent(game.indicators.autonomy)} autonomy`);
    expect(entrapment).toContain('adds up to 3\u00a0% to the entrapment');
    expect(entrapment).toContain('The “Study” reading adds up to 10\u00a0% a rung');
    expect(soughtDefenceOn(game)).toBe(2);
    expect(hazard).toContain('On turn 2 you chose “Seek collective defence under Article 5”');
    expect(hazard).toContain('from 41\u00a0% to 71\u00a0%');
    expect(hazard).toContain('Under the “Realist” reading it would rise from 30\u00a0% to 40\u00a0%');
  });

  it('says where the rules leave a question nothing to weigh (no common command, no pledge)', () => {
    setLanguage('en', false);
    const list = debates(played('sco', 'baseline'));
    expect(list[0]!.here.join(' ')).toContain('no common command');
    expect(list[2]!.here.join(' ')).toContain('no mutual-defence clause');
  });

  it('reads in every language with every placeholder filled', () => {
    const game = played('csto', 'study');
    for (const lang of LANGUAGES) {
      setLanguage(lang, false);
      const texts = debates(game).flatMap((d) => [d.title, d.study.who, d.study.text, d.other.text, ...d.here]);
      texts.push(...packChoices().flatMap((c) => [c.name, c.about]));
      for (const text of texts) {
        expect(text, `${lang}: ${text}`).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(2);
      }
      expect(debates(game)[0]!.title).toBe(dictionaries[lang]['research.institutions.title']);
    }
  });

  it('cites every reading’s authors among its sources', () => {
    setLanguage('en', false);
    const cited = SOURCES.map((s) => s.cite).join(' ');
    for (const d of debates(played('nato', 'baseline'))) {
      for (const author of d.other.who.split(/; | & /).map((a) => a.replace(/ \d{4}$/, ''))) expect(cited).toContain(author);
    }
    for (const id of DEBATE_IDS) expect(SOURCES.some((s) => s.debates.includes(id))).toBe(true);
  });
});
