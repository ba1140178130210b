// One game, one tab. The browser keeps one saved game, so two tabs playing would overwrite each
// other's turns. The first tab holds a Web Lock for as long as it is open; another tab finds it
// taken, says the game is open elsewhere and waits for it (it gets the lock when the first tab
// closes or reloads), or takes it over, after which the first tab stops saving and says so.
// Without Web Locks, a write of the save by another tab (the storage event) tells the same.
import { SAVE_KEY } from './storage';

const LOCK = 'crisis-lab.game';

export type TabState = 'owner' | 'elsewhere';

export interface TabLock {
  state: TabState;
  /** Takes the game over from the tab that holds it. */
  takeOver(): Promise<void>;
}

/** Claims the game for this tab. `onChange` hears every later change of state. */
export async function claimGame(onChange: (state: TabState) => void): Promise<TabLock> {
  const lock: TabLock = { state: 'owner', takeOver: async () => {} };
  const set = (state: TabState) => {
    if (lock.state === state) return;
    lock.state = state;
    onChange(state);
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    // Another tab saved the game: this tab's copy is stale, and saving from it would undo that turn.
    window.addEventListener('storage', (e) => {
      if (e.key === SAVE_KEY) set('elsewhere');
    });
    lock.takeOver = async () => set('owner');
    return lock;
  }
  // Held until the page goes; when another tab steals it, the request rejects and this tab yields.
  const hold = (options: LockOptions) =>
    new Promise<boolean>((resolve) => {
      locks
        .request(LOCK, options, (granted) => {
          if (!granted) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          set('owner');
          return new Promise<void>(() => {});
        })
        .catch(() => set('elsewhere'));
    });
  if (await hold({ ifAvailable: true })) return lock;
  lock.state = 'elsewhere';
  // Wait in line: a reload of the other tab, or its closing, hands the game to this one.
  void hold({});
  lock.takeOver = async () => {
    await hold({ steal: true });
  };
  return lock;
}
