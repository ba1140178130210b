// What the student is told about the integrations around the game: whether it works offline
// (and why not), whether a new version waits, and whether an LMS records the game. Drawn from
// the app's `integrations` state on the start screen, in the crisis panel and on the debrief.
import type { App } from '../app';
import type { OfflineState } from '../../ui-kit/offline';
import { installUpdate } from '../../ui-kit/offline';
import type { LmsState } from '../lms/scorm-session';
import { t } from '../../ui-kit/i18n';
import { el } from '../../ui-kit/dom';

export interface Integrations {
  offline: OfflineState;
  /** Null outside an LMS package. */
  lms: LmsState | null;
}

export const NO_INTEGRATIONS: Integrations = { offline: { status: 'off', updateReady: false }, lms: null };

function offlineText(state: OfflineState): string | null {
  switch (state.status) {
    case 'ready':
      return t('offline.ready');
    case 'preparing':
      return t('offline.preparing');
    case 'insecure':
      return t('offline.insecure', { host: window.location.host });
    case 'unsupported':
      return t('offline.unsupported');
    case 'failed':
      return t('offline.failed', { reason: state.error ?? '' });
    case 'off':
      return null;
  }
}

export function lmsText(state: LmsState): string {
  if (state.status === 'absent') return t('lms.absent');
  if (state.status === 'failed') return t('lms.failed', { reason: state.reason });
  if (state.resumeError) return `${t('lms.recording')} ${t('lms.resumeError', { reason: t(`lms.why.${state.resumeError}`) })}`;
  if (state.resumed === 'replayed') return `${t('lms.recording')} ${t('lms.replayed')}`;
  if (state.resumed === 'same') return `${t('lms.recording')} ${t('lms.resumed')}`;
  return t('lms.recording');
}

/** The notes for a screen, or null when there is nothing to say. In a crisis the LMS note is
 * short and a waiting update is only announced: it is installed where no game is under way. */
export function integrationNotes(app: App, where: 'start' | 'crisis' | 'debrief'): HTMLElement | null {
  const { offline, lms } = app.integrations;
  const lines: HTMLElement[] = [];
  if (lms) {
    const recording = lms.status === 'recording';
    const text = where === 'crisis' ? t(recording ? 'lms.short.recording' : 'lms.short.off') : lmsText(lms);
    lines.push(el('p', { class: `small${recording ? ' muted' : ' error'}`, role: recording ? 'status' : 'alert', 'data-testid': 'lms-status', 'data-lms': lms.status, text }));
  }
  if (offline.updateReady) {
    lines.push(
      where === 'crisis'
        ? el('p', { class: 'small muted', role: 'status', 'data-testid': 'update-later', text: t('offline.updateLater') })
        : el('p', { class: 'small', role: 'status', 'data-testid': 'update-ready' }, t('offline.update'), ' ', el('button', { type: 'button', 'data-focus': 'update-now', 'data-testid': 'update-now', text: t('offline.updateNow'), onclick: () => installUpdate() })),
    );
  }
  const offlineLine = where === 'start' ? offlineText(offline) : null;
  if (offlineLine) lines.push(el('p', { class: 'small muted', role: 'status', 'data-testid': 'offline-status', 'data-offline': offline.status, text: offlineLine }));
  return lines.length ? el('div', { class: 'integration-notes', 'data-testid': 'integration-notes' }, ...lines) : null;
}
