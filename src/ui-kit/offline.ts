// Offline once opened, for every page of the site (the game, the comparison page): the built site
// registers a service worker that precaches every file of the site (vite.config.ts). A new version installs beside the running one and waits; the
// student is offered it where no game is under way (src/game/ui/integration-notes.ts), and a
// reload swaps it in. A saved game made by another engine version is then replayed by the new
// one (src/game/storage.ts), so no game changes engine between two of its turns.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

export type OfflineStatus =
  /** No service worker on purpose: the dev server, or inside an LMS package. */
  | 'off'
  /** Not a secure context (plain http on a LAN address): browsers allow no service worker. */
  | 'insecure'
  /** The browser has no service workers (or they are switched off). */
  | 'unsupported'
  /** Installing: the files are being copied for offline use. */
  | 'preparing'
  /** Every file is in the offline copy. */
  | 'ready'
  /** Registration failed; the reason is in `error`. */
  | 'failed';

export interface OfflineState {
  status: OfflineStatus;
  /** A new version is installed and waits for the student's go-ahead. */
  updateReady: boolean;
  error?: string;
}

let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;

/** Why offline caching can or cannot work here, before anything is registered. */
export function offlineSupport(win: Pick<Window, 'isSecureContext' | 'navigator'>, enabled: boolean): OfflineStatus | null {
  if (!enabled) return 'off';
  if (!win.isSecureContext) return 'insecure';
  if (!('serviceWorker' in win.navigator)) return 'unsupported';
  return null;
}

/** A built site has a service worker; the dev server has none. (The mode, not DEV: a build run
 * with NODE_ENV=test, as the end-to-end tests' is, still has DEV set.) */
function builtSite(): boolean {
  return import.meta.env.MODE !== 'development';
}

/** Registers the service worker (in a built site in a secure context) and reports its state.
 * `wanted` is false where the page must keep no offline copy: inside an LMS package, whose
 * runtime needs the network anyway (the game knows; the kit does not read the LMS's tag). */
export function startOffline(onChange: (state: OfflineState) => void, wanted = true): OfflineState {
  const early = offlineSupport(window, builtSite() && wanted);
  if (early) return { status: early, updateReady: false };
  let state: OfflineState = { status: 'preparing', updateReady: false };
  const set = (next: Partial<OfflineState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  applyUpdate = registerSW({
    immediate: true,
    onOfflineReady: () => set({ status: 'ready' }),
    onNeedRefresh: () => set({ updateReady: true }),
    onRegisteredSW: (_url, registration) => {
      // A later visit: the worker from the first one is active and already holds every file.
      if (registration?.active) set({ status: 'ready' });
      if (registration?.waiting && registration.active) set({ updateReady: true });
    },
    onRegisterError: (error: unknown) => set({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
  });
  return state;
}

/** Swaps in the waiting version: the worker takes over and the page reloads. */
export function installUpdate(): void {
  void applyUpdate?.(true);
}
