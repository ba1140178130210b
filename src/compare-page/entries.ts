// The comparison page's list of inputs: each file marked verified, batch summary, refused,
// another engine version, ignored (not a log), a copy of another, not the assignment's game, the
// same game as another under another name, or left out by the filter; what an instructor has
// to follow up comes first.
import { el } from '../ui-kit/dom';
import { formatNumber } from '../ui-kit/i18n';
import { shortHash, type Comparison, type EntryLine, type OffAssignment } from '../compare/index';
import { ct, reasonText } from './i18n';
import { ruleSetShort } from './rule-sets';
import { whyText } from './refusals';
import { keyFingerprint } from '../engine/index';

/** The reason in the page's language: from its code where it has one, else read from the English. */
function reasonOf(e: EntryLine): string {
  return e.why ? whyText(e.why) : reasonText(e.reason ?? '');
}

export function offAssignmentLabel(o: OffAssignment): string {
  switch (o.what) {
    case 'scenario':
      return ct('cmp.off.scenario', { got: o.got, want: o.want });
    case 'version':
      return ct('cmp.off.version', { got: shortHash(o.got), want: shortHash(o.want) });
    case 'rules':
      return ct('cmp.off.rules', { got: ruleSetShort(o.got), want: ruleSetShort(o.want) });
    case 'seed':
      return ct('cmp.off.seed', { got: o.got, want: o.want });
    case 'unchecked':
      return ct('cmp.off.unchecked');
  }
}

const RANK: Record<EntryLine['status'], number> = { refused: 0, 'off-assignment': 1, 'other-version': 2, duplicate: 3, ignored: 4, verified: 5, summary: 6 };
const MARK: Record<EntryLine['status'], string> = { refused: '✗', 'off-assignment': '≠', 'other-version': '⚠', duplicate: '⧉', ignored: '–', verified: '✓', summary: '○' };

function statusText(e: EntryLine, name: (source: string) => string): string {
  switch (e.status) {
    case 'verified':
      return ct('cmp.st.verified');
    case 'summary':
      return ct('cmp.st.summary');
    case 'other-version':
      return ct('cmp.st.other', { version: e.engineVersion ?? '?' });
    case 'refused':
      return ct('cmp.st.refused', { reason: reasonOf(e) });
    case 'ignored':
      return ct('cmp.st.ignored', { reason: reasonOf(e) });
    case 'duplicate':
      return ct('cmp.st.duplicate', { source: name(e.duplicateOf ?? '') });
    case 'off-assignment':
      return ct('cmp.st.off', { reason: offAssignmentLabel(e.offAssignment!) });
  }
}

/**
 * The list, inside a disclosure that opens by itself when a few inputs need a look. `name` gives
 * a source as the page shows it (a placeholder when names are hidden).
 */
export function entriesList(c: Comparison, name: (source: string) => string, hideNames: boolean): HTMLElement {
  // A long list scrolls inside its box: the keyboard must reach it to scroll it (axe).
  const list = el('ol', { class: 'entries', 'data-testid': 'entries', tabindex: 0, 'aria-label': ct('cmp.entries') });
  const shown = c.entries.map((e, i) => ({ e, i })).sort((a, b) => RANK[a.e.status] - RANK[b.e.status] || Number(!a.e.sameGameAs) - Number(!b.e.sameGameAs) || a.i - b.i);
  for (const { e } of shown) {
    const who = e.player ? ` (${hideNames ? ct('cmp.hidden') : e.player})` : '';
    const game = e.scenario ? ` — ${e.scenario}, ${ruleSetShort(e.rules!)}, ${ct('cmp.col.seed').toLowerCase()} ${e.seed}` : '';
    const notes = [statusText(e, name)];
    if (e.sameGameAs) notes.push(ct('cmp.st.sameGame', { sources: e.sameGameAs.map(name).join(', ') }));
    if (e.filteredOut) notes.push(ct('cmp.st.filtered'));
    if (e.status === 'verified') notes.push(signatureText(e.signedBy, c.signers.serverKey));
    list.append(
      el(
        'li',
        { 'data-status': e.status, 'data-same-game': e.sameGameAs ? 'true' : null, 'data-filtered': e.filteredOut ? 'true' : null, class: e.sameGameAs ? `${e.status} flagged` : e.status },
        el('span', { class: 'mark', 'aria-hidden': 'true', text: e.sameGameAs && e.status === 'verified' ? '⚑' : MARK[e.status] }),
        el('span', { text: `${name(e.source)}${who}${game}: ${notes.join('; ')}` }),
      ),
    );
  }
  const n = c.counts;
  const followUp = n.refused + n.otherVersion + n.duplicates + n.offAssignment + n.sameGame;
  const s = c.signers;
  const others = s.otherKeys.reduce((sum, k) => sum + k.logs, 0);
  const signers = el('p', {
    class: 'small',
    'data-testid': 'signers',
    text: s.serverKey ? ct('cmp.sig.countsServer', { server: formatNumber(s.byServer), others: formatNumber(others), none: formatNumber(s.integrityOnly) }) : ct('cmp.sig.counts', { others: formatNumber(others), none: formatNumber(s.integrityOnly) }),
  });
  return el('details', { class: 'card', open: followUp > 0 && followUp <= 50 }, el('summary', {}, el('h2', { text: `${ct('cmp.entries')} (${formatNumber(n.inputs)})` })), signers, list);
}

/** A verified log's signature standing: the class's server, another key, or integrity only. */
export function signatureText(signedBy: string | undefined, serverKey: string | undefined): string {
  if (signedBy === undefined) return ct('cmp.sig.none');
  return signedBy === serverKey ? ct('cmp.sig.server') : ct('cmp.sig.key', { fingerprint: keyFingerprint(signedBy) });
}

/** What the instructor must know before reading the charts, one line each; null when nothing. */
export function alerts(c: Comparison): HTMLElement | null {
  const n = c.counts;
  const lines: string[] = [];
  if (c.assignment) {
    const fixed = [c.assignment.rules ? ct('cmp.assignment.fixedRules', { rules: ruleSetShort(c.assignment.rules) }) : null, c.assignment.seed ? ct('cmp.assignment.fixedSeed', { seed: c.assignment.seed }) : null].filter((x): x is string => x !== null);
    lines.push(ct('cmp.assignment.current', { scenario: c.assignment.scenario, hash: shortHash(c.assignment.sha256) }) + (fixed.length ? `, ${fixed.join(', ')}` : ''));
  }
  if (n.offAssignment) lines.push(ct('cmp.alert.off', { count: n.offAssignment }));
  for (const v of c.versions) lines.push(ct('cmp.alert.versions', { scenario: v.scenario, versions: v.versions.map((x) => shortHash(x.sha256)).join(', ') }));
  if (n.duplicates) lines.push(ct('cmp.alert.duplicates', { count: n.duplicates }));
  if (n.sameGame) lines.push(ct('cmp.alert.sameGame', { count: n.sameGame }));
  if (n.ignored) lines.push(ct('cmp.alert.ignored', { count: n.ignored }));
  if (n.filteredOut) lines.push(ct('cmp.alert.filtered', { count: n.filteredOut }));
  if (lines.length === 0) return null;
  return el('ul', { class: 'alerts', 'data-testid': 'alerts' }, ...lines.map((text) => el('li', { text })));
}
