// Files the player takes away: outcome logs (one, or the played game and its replay under other
// rules as a pair) and a save that could not be restored. Downloads go through one anchor click.
import { createLog, logText, type GameState } from '../engine';
import { el } from '../../ui-kit/dom';

/** The export's file name; the player's name comes first, so an instructor's folder of a class's
 * logs sorts and reads by student (letters of any script are kept: Айгерим stays Айгерим). */
export function logFileName(game: GameState, date = new Date(), player?: string): string {
  const day = date.toISOString().slice(0, 10);
  const safe = (s: string, max = 40) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, max);
  const who = player?.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `crisis-lab_${who ? `${who}_` : ''}${safe(game.scenario.id)}_${safe(game.rules, 120)}_seed-${safe(game.seed)}_${day}.json`;
}

export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download may not have read the blob yet when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a game's outcome log under the player's name; returns the file name. */
export function exportLog(game: GameState, player: string): string {
  const name = logFileName(game, new Date(), player);
  downloadText(name, logText(createLog(game, player ? { player } : {})));
  return name;
}

/** The raw text of a save that could not be restored, to keep or to show a teacher. */
export function exportDamagedSave(raw: string, date = new Date()): string {
  const name = `crisis-lab_damaged-save_${date.toISOString().slice(0, 10)}.json`;
  downloadText(name, raw);
  return name;
}
