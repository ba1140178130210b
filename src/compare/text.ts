// The comparison as a plain-text report for the terminal: counts, refused inputs with their
// reasons, one table per group, intents by turn, the mean course and the pairs.
import { INTENTS } from '../engine/index';
import { SUMMARY_INDICATORS, TURN_INDICATORS, type Comparison, type EntryLine, type Group } from './aggregate';
import { offAssignmentText, shortHash, type Filter } from './checks';
import { INTEGRITY_ONLY_TEXT, type Signers } from './signers';
import { keyFingerprint } from '../engine/index';

/** Who signed the verified logs, in one line; null when there is none. */
export function signersText(s: Signers): string | null {
  const parts: string[] = [];
  if (s.serverKey) parts.push(`signed by this class's server (key ${keyFingerprint(s.serverKey)}): ${s.byServer}`);
  for (const k of s.otherKeys) parts.push(`signed by key ${k.fingerprint}${s.serverKey ? ' (not this class\'s server)' : ''}: ${k.logs}`);
  if (s.integrityOnly) parts.push(`${INTEGRITY_ONLY_TEXT}: ${s.integrityOnly}`);
  return parts.length ? `Verified logs ${parts.join('; ')}` : null;
}

function num(v: number | null): string {
  if (v === null) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 3 : 1).replace(/0+$/, '').replace(/\.$/, '');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}

const PRESET_TITLES: Record<string, string> = { nato: 'NATO rules', sco: 'SCO rules', csto: 'CSTO rules' };

/** "NATO rules" for a preset; a scenario's own rule set or a lab spec by its name. */
export function ruleSetTitle(rules: string): string {
  return Object.prototype.hasOwnProperty.call(PRESET_TITLES, rules) ? PRESET_TITLES[rules]! : `rule set ${rules}`;
}

/** A scenario by its id, and by its hash's first characters when another version is present. */
function scenarioName(g: Group, c: Comparison): string {
  const split = g.scenarioSha && c.versions.some((v) => v.scenario === g.scenario);
  return split ? `${g.scenario} (version ${shortHash(g.scenarioSha!)})` : g.scenario;
}

function groupTitle(g: Group, c: Comparison): string {
  return `${scenarioName(g, c)} under ${ruleSetTitle(g.rules)}: ${g.games} ${g.basis === 'log' ? 'verified log' : 'unverified batch summar'}${g.basis === 'log' ? (g.games === 1 ? '' : 's') : g.games === 1 ? 'y' : 'ies'}`;
}

function groupText(g: Group, c: Comparison): string[] {
  const out = [groupTitle(g, c)];
  const rows = [['indicator', 'n', 'none', 'min', 'q1', 'median', 'q3', 'max', 'mean']];
  for (const k of SUMMARY_INDICATORS) {
    const d = g.stats[k];
    rows.push([k, String(d.count), String(d.missing), num(d.min), num(d.q1), num(d.median), num(d.q3), num(d.max), num(d.mean)]);
  }
  out.push(...table(rows).map((l) => '  ' + l));
  if (g.intents.length) {
    out.push('  intents chosen, share of the games that played the turn:');
    for (const it of g.intents) {
      const chosen = INTENTS.filter((i) => it.counts[i] > 0).map((i) => `${i} ${Math.round((100 * it.counts[i]) / it.games)}%`);
      if (it.none) chosen.push(`nothing ${Math.round((100 * it.none) / it.games)}%`);
      out.push(`    turn ${it.turn} (${it.games}): ${chosen.join(', ')}`);
    }
    out.push('  mean course over the turns:');
    const course = [['turn', 'games', ...TURN_INDICATORS]];
    for (const c of g.course) course.push([String(c.turn), String(c.games), ...TURN_INDICATORS.map((k) => num(c.mean[k]))]);
    out.push(...table(course).map((l) => '    ' + l));
  }
  return out;
}

/** Why an input is not counted, in one line; null when it is counted. */
export function notCountedText(e: EntryLine, name: (source: string) => string = (x) => x): string | null {
  switch (e.status) {
    case 'refused':
      return `refused: ${e.reason}`;
    case 'other-version':
      return `other engine version ${e.engineVersion}: ${e.reason}`;
    case 'ignored':
      return `ignored: ${e.reason}`;
    case 'duplicate':
      return `duplicate: the same log as ${name(e.duplicateOf!)}, counted once`;
    case 'off-assignment':
      return `not the assignment's game: ${offAssignmentText(e.offAssignment!)}`;
    default:
      return null;
  }
}

function filterText(f: Filter): string | null {
  const parts = [
    f.origin ? (f.origin === 'human' ? 'human games' : 'bot games') : null,
    f.scenario ? `scenario ${f.scenario}` : null,
    f.rules ? `rule set ${f.rules}` : null,
    f.policy ? `policy ${f.policy}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? parts.join(', ') : null;
}

function countsLine(c: Comparison): string {
  const n = c.counts;
  const extra = [
    n.ignored ? `${n.ignored} ignored (not logs)` : null,
    n.duplicates ? `${n.duplicates} duplicate${n.duplicates === 1 ? '' : 's'} counted once` : null,
    n.offAssignment ? `${n.offAssignment} not the assignment's` : null,
    n.filteredOut ? `${n.filteredOut} left out by the filter` : null,
  ].filter((x): x is string => x !== null);
  return `${count(n.inputs, 'input')}: ${count(n.verified, 'verified log')}, ${count(n.summaries, 'unverified batch summary', 'unverified batch summaries')}, ${n.refused} refused, ${n.otherVersion} from another engine version${extra.map((x) => `, ${x}`).join('')}`;
}

/** A count with its noun in English's two plural forms (the report is English only). */
function count(n: number, one: string, other = `${one}s`): string {
  return `${n} ${n === 1 ? one : other}`;
}

export function comparisonText(c: Comparison, options: { hideNames?: boolean } = {}): string {
  // File names carry students' names (the game puts the player's name in them): hidden too.
  const index = new Map(c.entries.map((e, i) => [e.source, i]));
  const name = (source: string) => (options.hideNames ? `#${(index.get(source) ?? 0) + 1}` : source);
  const out = [countsLine(c)];
  const signed = signersText(c.signers);
  if (signed) out.push(signed);
  if (c.assignment) {
    const a = c.assignment;
    out.push(`Checked against the assignment: scenario ${a.scenario} (SHA-256 ${shortHash(a.sha256)}…)${a.rules ? `, rule set ${a.rules}` : ''}${a.seed ? `, seed ${a.seed}` : ''}`);
  }
  const filter = filterText(c.filter);
  if (filter) out.push(`Showing only: ${filter}`);
  for (const v of c.versions) {
    out.push(`Warning: ${v.versions.length} versions of scenario ${v.scenario}: ${v.versions.map((x) => `${shortHash(x.sha256)} (${x.logs} log${x.logs === 1 ? '' : 's'})`).join(', ')}; each is compared apart.`);
  }
  const notCounted = c.entries.map((e) => [e, notCountedText(e, name)] as const).filter(([, why]) => why !== null);
  if (notCounted.length) {
    out.push('', 'Not counted:');
    for (const [e, why] of notCounted) out.push(`  ${name(e.source)}: ${why}`);
  }
  const same = c.entries.filter((e) => e.sameGameAs);
  if (same.length) {
    out.push('', 'The same game under another name (each counted; the same choices on the same seed also give it):');
    for (const e of same) out.push(`  ${name(e.source)}${e.player && !options.hideNames ? ` (${e.player})` : ''}: same game as ${e.sameGameAs!.map(name).join(', ')}`);
  }
  for (const g of c.groups) out.push('', ...groupText(g, c));
  if (c.pairs.length || c.unpaired) {
    out.push('', `Pairs (same scenario, seed, policy and player under two rule sets): ${c.pairs.length}; logs without a partner: ${c.unpaired}`);
    const rows = [['scenario', 'seed', 'player', 'rule sets', 'course diverges', 'intents differ', 'scores']];
    for (const p of c.pairs) {
      rows.push([
        p.scenario,
        p.seed,
        options.hideNames ? (p.player ? '•••' : '') : (p.player ?? p.policy),
        `${p.a.rules} – ${p.b.rules}`,
        p.firstDivergentTurn === null ? 'never' : `turn ${p.firstDivergentTurn}`,
        p.firstDifferentIntents === null ? 'never' : `turn ${p.firstDifferentIntents}`,
        `${num(p.a.score)} – ${num(p.b.score)}`,
      ]);
    }
    out.push(...table(rows).map((l) => '  ' + l));
  }
  return out.join('\n') + '\n';
}
