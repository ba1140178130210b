// The comparison as a plain-text report for the terminal: counts, refused inputs with their
// reasons, one table per group, intents by turn, the mean course and the pairs.
import { INTENTS } from '../engine/scenario/schema';
import { SUMMARY_INDICATORS, TURN_INDICATORS, type Comparison, type Group } from './aggregate';

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

function groupTitle(g: Group): string {
  return `${g.scenario} under ${ruleSetTitle(g.rules)}: ${g.games} ${g.basis === 'log' ? 'verified log' : 'unverified batch summar'}${g.basis === 'log' ? (g.games === 1 ? '' : 's') : g.games === 1 ? 'y' : 'ies'}`;
}

function groupText(g: Group): string[] {
  const out = [groupTitle(g)];
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

export function comparisonText(c: Comparison, options: { hideNames?: boolean } = {}): string {
  const n = c.counts;
  const out = [
    `${n.inputs} inputs: ${n.verified} verified logs, ${n.summaries} unverified batch summaries, ${n.refused} refused, ${n.otherVersion} from another engine version`,
  ];
  const notAccepted = c.entries.filter((e) => e.status === 'refused' || e.status === 'other-version');
  if (notAccepted.length) {
    out.push('', 'Not counted:');
    for (const e of notAccepted) out.push(`  ${e.source}: ${e.status === 'other-version' ? `other engine version ${e.engineVersion}` : 'refused'}: ${e.reason}`);
  }
  for (const g of c.groups) out.push('', ...groupText(g));
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
