// One session with a SCORM 1.2 runtime: initialise, report the game after every turn
// (suspend_data, lesson status, score, each new alliance decision as an interaction), and
// finish. It reads the game's state and reports; it decides nothing about the game. A runtime
// that fails a call is not called again, and the state says why, so the game can tell the
// student that results are not being recorded.
import type { GameState } from '../engine';
import type { Scorm12Api } from './scorm12';
import { cmiTime, cmiTimespan, gameInteractions, scoreRaw } from './report';
import { encodeSuspend, type ResumeProblem, type SuspendDefaults } from './suspend';

export type LmsState =
  /** The runtime answers: results are being recorded. `resumed` says how the session began. */
  | { status: 'recording'; resumed: 'no' | 'same' | 'replayed'; resumeError?: ResumeProblem }
  /** No runtime was found (the package was opened outside an LMS). */
  | { status: 'absent' }
  /** The runtime is there but failed; nothing more is sent. */
  | { status: 'failed'; reason: string };

/** What the LMS said at the start of the session. */
export interface LmsStart {
  entry: string;
  suspendData: string;
  lessonStatus: string;
}

const DONE = new Set(['completed', 'passed', 'failed']);

export class ScormSession {
  private failure: string | null = null;
  private started = false;
  private finished = false;
  private nextInteraction = 0;
  private completed = false;
  /** The game whose decisions were reported, and how many. */
  private reported: { key: string; count: number } | null = null;
  private last: GameState | null = null;
  private readonly startedAt: number;

  constructor(
    private readonly api: Scorm12Api,
    private readonly defaults: () => SuspendDefaults,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.startedAt = this.clock().getTime();
  }

  get failed(): string | null {
    return this.failure;
  }

  /** LMSInitialize, then what the LMS holds for this student; null when the runtime failed. */
  start(): LmsStart | null {
    if (!this.call('LMSInitialize', () => this.api.LMSInitialize(''))) return null;
    this.started = true;
    const lessonStatus = this.get('cmi.core.lesson_status') ?? '';
    const entry = this.get('cmi.core.entry') ?? '';
    const suspendData = this.get('cmi.suspend_data') ?? '';
    const count = Number(this.get('cmi.interactions._count') ?? '0');
    this.nextInteraction = Number.isInteger(count) && count > 0 ? count : 0;
    if (this.failure) return null;
    this.completed = DONE.has(lessonStatus);
    if (!this.completed && !this.set('cmi.core.lesson_status', 'incomplete')) return null;
    if (!this.commit()) return null;
    return { entry, suspendData, lessonStatus };
  }

  /** The decisions of a resumed game were reported in an earlier session. */
  markReported(game: GameState): void {
    this.reported = { key: gameKey(game), count: gameInteractions(game).length };
    this.last = game;
  }

  /** After every save: the game as it stands, or null when it was discarded. */
  record(game: GameState | null): boolean {
    if (!this.started || this.finished || this.failure) return false;
    this.last = game;
    if (!game) return this.set('cmi.suspend_data', '') && this.commit();
    let suspend: string;
    try {
      suspend = encodeSuspend(game, this.defaults());
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      return false;
    }
    if (!this.set('cmi.suspend_data', suspend)) return false;

    const interactions = gameInteractions(game);
    const key = gameKey(game);
    const done = this.reported?.key === key && this.reported.count <= interactions.length ? this.reported.count : 0;
    const now = cmiTime(this.clock());
    for (const interaction of interactions.slice(done)) {
      const n = `cmi.interactions.${this.nextInteraction}`;
      const ok =
        this.set(`${n}.id`, interaction.id) &&
        this.set(`${n}.type`, interaction.type) &&
        this.set(`${n}.time`, now) &&
        this.set(`${n}.student_response`, interaction.studentResponse) &&
        this.set(`${n}.result`, interaction.result);
      if (!ok) return false;
      this.nextInteraction += 1;
    }
    this.reported = { key, count: interactions.length };

    if (game.result) {
      const ok = this.set('cmi.core.score.min', '0') && this.set('cmi.core.score.max', '100') && this.set('cmi.core.score.raw', scoreRaw(game)) && this.set('cmi.core.lesson_status', 'completed');
      if (!ok) return false;
      this.completed = true;
    } else if (!this.completed && !this.set('cmi.core.lesson_status', 'incomplete')) return false;
    return this.commit();
  }

  /** The end of the session: a game under way is suspended, a finished one is not. */
  finish(): void {
    if (!this.started || this.finished) return;
    this.finished = true;
    if (this.failure) return;
    const underWay = this.last !== null && this.last.result === null;
    this.set('cmi.core.exit', underWay ? 'suspend' : '');
    this.set('cmi.core.session_time', cmiTimespan(this.clock().getTime() - this.startedAt));
    this.commit();
    this.call('LMSFinish', () => this.api.LMSFinish(''));
  }

  private get(element: string): string | null {
    if (this.failure) return null;
    try {
      const value = this.api.LMSGetValue(element);
      const code = this.api.LMSGetLastError();
      // 401 (not implemented) and 403 (not initialised to a value) are answers, not failures.
      if (code && code !== '0' && code !== '401' && code !== '403') {
        this.fail(`LMSGetValue(${element})`, code);
        return null;
      }
      return typeof value === 'string' ? value : String(value ?? '');
    } catch (error) {
      this.failure = `LMSGetValue(${element}): ${error instanceof Error ? error.message : String(error)}`;
      return null;
    }
  }

  private set(element: string, value: string): boolean {
    return this.call(`LMSSetValue(${element})`, () => this.api.LMSSetValue(element, value));
  }

  private commit(): boolean {
    return this.call('LMSCommit', () => this.api.LMSCommit(''));
  }

  /** Runs one API call; anything but "true" marks the runtime as failed, with its error. */
  private call(name: string, run: () => unknown): boolean {
    if (this.failure) return false;
    try {
      const result = run();
      if (String(result) === 'true') return true;
      let code = '';
      try {
        code = String(this.api.LMSGetLastError());
      } catch {
        // the error itself cannot be read
      }
      this.fail(name, code);
    } catch (error) {
      this.failure = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    }
    return false;
  }

  private fail(name: string, code: string): void {
    let text = '';
    try {
      text = code ? String(this.api.LMSGetErrorString(code)) : '';
    } catch {
      // no text for it
    }
    this.failure = `${name} failed${code ? ` (error ${code}${text ? `: ${text}` : ''})` : ''}`;
  }
}

function gameKey(game: GameState): string {
  return `${game.scenario.id}|${game.rules}|${game.pack}|${game.seed}`;
}
