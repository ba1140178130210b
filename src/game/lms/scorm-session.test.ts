// The SCORM glue against scorm-again's SCORM 1.2 runtime, headless: every call is logged, and
// the runtime's data model is read back as an LMS would store it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Scorm12ApiClass from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import { intentOptions, newGame, parseScenario, playTurn, summarize, type GameState, type Scenario } from '../../engine/index';
import { ScormSession } from './scorm-session';
import type { Scorm12Api } from './scorm12';
import { decodeSuspend, resumeSuspended, SUSPEND_LIMIT, type SuspendDefaults } from './suspend';
import { cmiTimespan, gameInteractions } from './report';

// The package's types name a default export; its ES module exports the class by name.
const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass }).Scorm12API;
type Scorm12API = Scorm12ApiClass;

const text = readFileSync(join(import.meta.dirname, '../../../scenarios/frontier-armed-attack.yaml'), 'utf8');
const parsed = parseScenario(text, 'frontier-armed-attack.yaml');
if (!parsed.ok) throw new Error('scenario');
const scenario: Scenario = parsed.scenario;
const defaults: SuspendDefaults = { scenario: scenario.id, rules: 'nato', pack: null };

interface Call {
  name: string;
  args: unknown[];
  result: string;
}

/** scorm-again's runtime, with every call logged. */
function mockLms(cmi?: Record<string, unknown>): { api: Scorm12Api; runtime: Scorm12API; calls: Call[] } {
  const runtime = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (cmi) runtime.loadFromJSON({ cmi });
  const calls: Call[] = [];
  const api = {} as Record<string, (...args: unknown[]) => string>;
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'] as const) {
    api[name] = (...args: unknown[]) => {
      const result = String((runtime[name] as (...a: unknown[]) => unknown)(...args));
      calls.push({ name, args, result });
      return result;
    };
  }
  return { api: api as unknown as Scorm12Api, runtime, calls };
}

const clock = () => new Date(2026, 0, 5, 10, 0, 0);

function step(game: GameState): GameState {
  const intents = game.turn <= 3 ? intentOptions(game).filter((o) => o.available && o.intent !== 'act-alone').map((o) => o.intent) : [];
  return playTurn(game, intents);
}

const setValues = (calls: Call[], element: string | RegExp) =>
  calls.filter((c) => c.name === 'LMSSetValue' && (typeof element === 'string' ? c.args[0] === element : element.test(String(c.args[0])))).map((c) => String(c.args[1]));

describe('a SCORM 1.2 session', () => {
  it('reports status, score, each decision as an interaction and suspend_data, then finishes', () => {
    const { api, runtime, calls } = mockLms({ core: { entry: 'ab-initio' } });
    const session = new ScormSession(api, () => defaults, clock);
    expect(session.start()).toEqual({ entry: 'ab-initio', suspendData: '', lessonStatus: 'not attempted' });
    let game = newGame(scenario, 'nato', '42');
    expect(session.record(game)).toBe(true);
    while (!game.result) {
      game = step(game);
      expect(session.record(game)).toBe(true);
    }
    session.finish();

    expect(calls[0]).toMatchObject({ name: 'LMSInitialize', result: 'true' });
    expect(calls.at(-1)).toMatchObject({ name: 'LMSFinish', result: 'true' });
    expect(calls.filter((c) => c.result === 'false')).toEqual([]);
    expect(runtime.cmi.core.lesson_status).toBe('completed');
    const score = summarize(game, 'human').score;
    expect(Number(runtime.cmi.core.score.raw)).toBe(score);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(setValues(calls, 'cmi.core.exit')).toEqual(['']);
    const decisions = game.turns.flatMap((t) => t.decisions);
    expect(decisions.length).toBeGreaterThan(2);
    // As the LMS stores them (what it sends on commit).
    const stored = (runtime.renderCommitCMI(true) as { cmi: { interactions: Record<string, Record<string, string>> } }).cmi.interactions;
    expect(runtime.cmi.interactions.childArray).toHaveLength(decisions.length);
    const field = (n: number, name: string) => stored[String(n)]?.[name];
    expect(gameInteractions(game).map((_, n) => field(n, 'id'))).toEqual(gameInteractions(game).map((i) => i.id));
    expect([field(0, 'type'), field(0, 'result'), field(0, 'time')]).toEqual(['performance', 'neutral', '10:00:00']);
    expect(field(0, 'student_response')).toContain(`under ${decisions[0]!.rule}`);
    // Each decision once, though the game was reported after every turn.
    expect(setValues(calls, /^cmi\.interactions\.\d+\.id$/)).toHaveLength(decisions.length);
    const suspend = runtime.cmi.suspend_data;
    expect(suspend.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(resumeSuspended(decodeSuspend(suspend), defaults, () => scenario).sameGame).toBe(true);
  });

  it('resumes: the decisions of the turns replayed are not reported again, and new ones follow the LMS’s count', () => {
    const first = mockLms({ core: { entry: 'ab-initio' } });
    const one = new ScormSession(first.api, () => defaults, clock);
    one.start();
    let game = newGame(scenario, 'nato', '42');
    for (let i = 0; i < 2; i += 1) {
      game = step(game);
      one.record(game);
    }
    one.finish();
    expect(setValues(first.calls, 'cmi.core.exit')).toEqual(['suspend']);
    const reportedBefore = first.runtime.cmi.interactions.childArray.length;

    // The LMS keeps what the first session stored, and says the attempt resumes.
    const second = mockLms({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: first.runtime.cmi.suspend_data });
    for (let i = 0; i < reportedBefore; i += 1) second.runtime.cmi.interactions.childArray.push(first.runtime.cmi.interactions.childArray[i]!);
    const two = new ScormSession(second.api, () => defaults, clock);
    const started = two.start()!;
    expect(started.entry).toBe('resume');
    const resumed = resumeSuspended(decodeSuspend(started.suspendData), defaults, () => scenario);
    expect(resumed.sameGame).toBe(true);
    two.markReported(resumed.game);
    game = resumed.game;
    while (!game.result) {
      game = step(game);
      two.record(game);
    }
    two.finish();
    const newIds = setValues(second.calls, /^cmi\.interactions\.\d+\.id$/);
    expect(reportedBefore + newIds.length).toBe(gameInteractions(game).length);
    expect(setValues(second.calls, /^cmi\.interactions\.\d+\.id$/).length).toBe(newIds.length);
    expect(second.calls.some((c) => c.name === 'LMSSetValue' && c.args[0] === `cmi.interactions.${reportedBefore}.id`)).toBe(newIds.length > 0);
    expect(second.runtime.cmi.core.lesson_status).toBe('completed');
  });

  it('a discarded game clears suspend_data; a finished attempt stays completed when played again', () => {
    const { api, runtime } = mockLms({ core: { entry: 'resume', lesson_status: 'completed' } });
    const session = new ScormSession(api, () => defaults, clock);
    session.start();
    session.record(step(newGame(scenario, 'nato', '1')));
    expect(runtime.cmi.core.lesson_status).toBe('completed');
    expect(runtime.cmi.suspend_data).not.toBe('');
    session.record(null);
    expect(runtime.cmi.suspend_data).toBe('');
  });

  it('a runtime that fails LMSInitialize, or a call later, is named and not called again', () => {
    const { api, calls } = mockLms();
    const refusing = { ...api, LMSInitialize: () => 'false', LMSGetLastError: () => '101', LMSGetErrorString: () => 'General exception' };
    const session = new ScormSession(refusing, () => defaults, clock);
    expect(session.start()).toBeNull();
    expect(session.failed).toBe('LMSInitialize failed (error 101: General exception)');
    expect(session.record(newGame(scenario, 'nato', '1'))).toBe(false);
    session.finish();
    expect(calls.filter((c) => c.name !== 'LMSGetLastError' && c.name !== 'LMSGetErrorString')).toEqual([]);

    const later = mockLms();
    let sets = 0;
    const flaky = {
      ...later.api,
      LMSSetValue: (element: string, value: string) => {
        sets += 1;
        if (sets > 3) throw new Error('connection lost');
        return later.api.LMSSetValue(element, value);
      },
    };
    const broken = new ScormSession(flaky, () => defaults, clock);
    expect(broken.start()).not.toBeNull();
    let game = newGame(scenario, 'nato', '42');
    game = step(game);
    expect(broken.record(game)).toBe(false);
    expect(broken.failed).toMatch(/^LMSSetValue\(cmi\..*\): connection lost$/);
    const count = sets;
    expect(broken.record(step(game))).toBe(false);
    broken.finish();
    expect(sets).toBe(count);
  });

  it('writes SCORM’s time spans', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00');
    expect(cmiTimespan((3 * 3600 + 4 * 60 + 5) * 1000 + 999)).toBe('0003:04:05');
  });
});
