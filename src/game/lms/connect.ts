// The package's side of the LMS, in the browser: find the SCORM 1.2 runtime, resume the game
// it kept (by replay, written where the app looks for a saved game), then report every save
// and finish when the page goes. Without a runtime, or with a broken one, the game plays on
// and the state says that results are not being recorded.
import { isPackId, type PackId, type Scenario } from '../engine';
import { fetchAssigned, readAssignment } from '../assignment';
import { loadShipped, parse, type Loaded } from '../scenarios';
import { clearSaved, onSaveChange, saveGame } from '../storage';
import { assignmentSearch, type PackageConfig } from './package-config';
import { findScorm12Api } from './scorm12';
import { ScormSession, type LmsState } from './scorm-session';
import { ResumeError, decodeSuspend, resumeSuspended, type SuspendDefaults } from './suspend';

function okScenario(loaded: Loaded | null | undefined): Scenario | null {
  return loaded?.ok ? loaded.scenario : null;
}

/** The assignment's scenario: a shipped one by id, else the file at its address, fetched within
 * the assignment's time limit (the app waits for this before it starts). Null when it did not
 * arrive or does not parse: the start screen, asking for the same address, says why. */
async function assignedScenario(ref: string, shipped: Loaded[], page: string): Promise<Scenario | null> {
  const found = shipped.find((l) => l.ok && l.scenario.id === ref);
  if (found) return okScenario(found);
  const fetched = await fetchAssigned(ref, page);
  if (!fetched.ok) return null;
  try {
    return okScenario(await parse(fetched.text, fetched.url));
  } catch {
    return null;
  }
}

/** Connects before the app starts; the returned state is shown to the student, and `onChange`
 * hears when the runtime fails later. */
export async function connectLms(config: PackageConfig, onChange: (state: LmsState) => void, win: Window = window): Promise<LmsState> {
  const api = findScorm12Api(win);
  if (!api) return { status: 'absent' };

  const assignment = readAssignment(assignmentSearch(config, ''));
  const shipped = await loadShipped();
  const assigned = assignment.scenario ? await assignedScenario(assignment.scenario, shipped, win.location.href) : null;
  const pack: PackId | null = assignment.pack !== null && isPackId(assignment.pack) ? assignment.pack : null;
  const defaults: SuspendDefaults = { scenario: assigned?.id ?? null, rules: assignment.rules, pack };

  const session = new ScormSession(api, () => defaults);
  const started = session.start();
  if (!started) return { status: 'failed', reason: session.failed ?? 'LMSInitialize failed' };

  let state: LmsState = { status: 'recording', resumed: 'no' };
  if (started.entry === 'ab-initio') clearSaved(); // a new attempt starts afresh
  if (started.suspendData) {
    try {
      const find = (id: string) => (assigned?.id === id ? assigned : null) ?? okScenario(shipped.find((l) => l.ok && l.scenario.id === id));
      const resumed = resumeSuspended(decodeSuspend(started.suspendData), defaults, find);
      saveGame({ game: resumed.game, player: '', locked: assignment.lock });
      session.markReported(resumed.game);
      state = { status: 'recording', resumed: resumed.sameGame ? 'same' : 'replayed' };
    } catch (error) {
      // Anything else was thrown by the replay itself (the kept turns do not fit this version).
      console.warn('The game the course kept could not be resumed:', error);
      state = { status: 'recording', resumed: 'no', resumeError: error instanceof ResumeError ? error.problem : 'replay' };
    }
  }

  onSaveChange((saved) => {
    if (session.record(saved?.game ?? null) || !session.failed) return;
    onChange({ status: 'failed', reason: session.failed });
  });
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    session.finish();
  };
  // pagehide, not beforeunload: a download (the outcome log's export) can fire beforeunload
  // and the session would end under a page that goes on.
  win.addEventListener('pagehide', finish);
  return state;
}
