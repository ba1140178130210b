// A sweep's report in words: docs/findings.md (markdown) and the short table the command prints.
// Plain statements first (which claims the model supports, which it does not, which turn on one
// constant), then how the sweep was made, then every figure behind them.
import type { ClaimResult, FactorEffect, MatrixCell, Verdict } from './sweep-analysis';
import { MEASURES, RIVAL_THREAT, RIVAL_TIE, type MeasureId } from './sweep-claims';
import type { SweepReport } from './sweep';
import { directionOf, type Effect } from './sweep-stats';

const VERDICT_WORDS: Record<Verdict, string> = {
  supported: 'supported',
  'not supported': 'not supported',
  'depends on one constant': 'depends on one constant',
  'not tested': 'not tested',
};

/** A figure in a measure's precision; an exact 0 reads "0", so that no difference at all and a
 * difference too small to show ("+0.000") read apart. */
function num(x: number, digits: number, signed = false): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : signed ? '+' : '';
  return sign + Math.abs(x).toFixed(digits);
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

function digitsOf(measure: MeasureId): number {
  return measure === 'days' ? 1 : 3;
}

/** `+0.012 [+0.004, +0.020]`, in the measure's unit. */
export function diffText(e: Effect, measure: MeasureId): string {
  const d = digitsOf(measure);
  if (!(e.n > 0)) return 'no settings';
  return `${num(e.mean, d, true)} [${num(e.lo, d, true)}, ${num(e.hi, d, true)}]`;
}

const unitOf = (m: MeasureId) => (MEASURES[m].unit ? ` ${MEASURES[m].unit}` : '');

function claimedWay(r: ClaimResult): string {
  const name = MEASURES[r.measure].name;
  if (r.measure === 'days') return 'collective measures sooner under the NATO-type value';
  return `${name} ${r.direction > 0 ? 'higher' : 'lower'} under the NATO-type value`;
}

function factorName(f: FactorEffect): string {
  return f.factor === 'presets' ? 'the whole preset' : `\`${f.factor}\``;
}

function switchText(f: FactorEffect): string {
  return f.factor === 'presets' ? '`sco` → `nato`' : `\`${f.sco}\` → \`${f.nato}\``;
}

/** The one-paragraph statement of a claim's verdict. */
export function verdictSentence(r: ClaimResult): string {
  const best = r.factors.find((f) => f.factor === r.best);
  const m = MEASURES[r.measure].name;
  const bundle = `The NATO preset against the SCO preset as a whole: ${diffText(r.presets.effect, r.measure)}${unitOf(r.measure)}.`;
  if (!best) return `**Not tested.** No setting of this sweep could measure it (no factor that could carry it was swept, or no scenario it is measured in was played). ${bundle}`;
  const e = best.effect;
  const main = `Switching ${factorName(best)} (${switchText(best)}) changes ${m} by ${diffText(e, r.measure)}${unitOf(r.measure)} on average, the claimed way in ${pct(e.holds)} of ${e.n} settings (no change in ${pct(e.ties)}, the other way in ${pct(e.reverses)}).`;
  const opposed = r.factors.filter((f) => f.factor !== r.best && directionOf(f.effect, r.direction) === 'opposite');
  const against = opposed.length
    ? ` Against it: ${opposed.map((f) => `${factorName(f)} (${switchText(f)}) ${diffText(f.effect, r.measure)}`).join('; ')}.`
    : '';
  const pinned = (which: 'flips' | 'rescues') =>
    r.constants.flatMap((c) =>
      (['low', 'high'] as const)
        .filter((end) => c[end][which])
        .map((end) => `with \`${c.key}\` at the ${end} end of its range (${c[end].value}) it is ${diffText(c[end].effect, r.measure)}`),
    );
  const namedFactor = r.named ? r.factors.find((f) => f.factor === r.named!.factor) : undefined;
  const named =
    r.named && namedFactor && r.named.factor !== r.best
      ? ` The feature the study gives as the cause, ${r.named.as} (${factorName(namedFactor)}, ${switchText(namedFactor)}), gives ${diffText(namedFactor.effect, r.measure)}${unitOf(r.measure)}: ${
          r.named.direction === 'claimed' ? 'it carries the claim too, less strongly' : r.named.direction === 'opposite' ? 'it works against the claim' : 'on its own it does not carry the claim'
        }.`
      : r.named && r.named.factor === r.best
        ? ` That is the feature the study gives as the cause, ${r.named.as}.`
        : '';
  const tail = `${named}${against} ${bundle}`;
  switch (r.verdict) {
    case 'supported':
      return `**Supported.** ${main} No constant pinned at either end of its range takes the direction away.${tail}`;
    case 'depends on one constant':
      if (r.main === 'claimed')
        return `**Depends on one constant.** ${main} But ${pinned('flips').join('; ')}: the direction is gone.${tail}`;
      return `**Depends on one constant.** With the constants as drawn the model does not show it: ${main} But ${pinned('rescues').join('; ')}, the claimed way.${tail}`;
    case 'not supported': {
      const opposite = r.main === 'opposite' ? ' The model shows the opposite.' : ' No factor that could carry it moves it the claimed way with confidence, and no single constant changes that.';
      return `**Not supported.**${opposite} ${main}${tail}`;
    }
    case 'not tested':
      return `**Not tested.** ${bundle}`;
  }
}

const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const header = (names: string[]) => [row(names), `|${names.map(() => '---').join('|')}|`];

function summaryTable(report: SweepReport): string[] {
  return [
    ...header(['claim', 'verdict', 'carried by', 'difference, NATO-type − SCO-type [95% CI]', 'settings the claimed way', 'turns on', 'the feature the study names']),
    ...report.claims.map((r) => {
      const best = r.factors.find((f) => f.factor === r.best);
      const named = r.named ? r.factors.find((f) => f.factor === r.named!.factor) : undefined;
      return row([
        r.title,
        `**${VERDICT_WORDS[r.verdict]}**`,
        best ? `\`${best.factor}\` (${best.sco} → ${best.nato})` : '–',
        best ? `${diffText(best.effect, r.measure)}${unitOf(r.measure)}` : '–',
        best ? `${pct(best.effect.holds)} of ${best.effect.n}` : '–',
        r.turnsOn.length ? r.turnsOn.map((t) => t.replace(/^(\w+)/, '`$1`')).join('; ') : '–',
        named ? `\`${named.factor}\` ${diffText(named.effect, r.measure)}${r.named!.direction === 'claimed' ? '' : r.named!.direction === 'opposite' ? ', the other way' : ', not clear of zero'}` : '–',
      ]);
    }),
  ];
}

function factorTable(r: ClaimResult): string[] {
  const d = digitsOf(r.measure);
  const rows = [...r.factors, r.presets].map((f) =>
    row([
      f === r.presets ? 'all features (`nato` vs `sco` preset)' : `\`${f.factor}\`${f.factor === r.best ? ' (best)' : ''}`,
      switchText(f),
      String(f.effect.n) + (f.refused ? ` (${f.refused} refused)` : '') + (f.undefined ? ` (${f.undefined} without a decided request)` : ''),
      num(f.effect.scoMean, d),
      num(f.effect.natoMean, d),
      diffText(f.effect, r.measure),
      `${pct(f.effect.holds)} / ${pct(f.effect.ties)} / ${pct(f.effect.reverses)}`,
    ]),
  );
  return [...header(['factor', 'SCO-type → NATO-type', 'settings', 'SCO-type mean', 'NATO-type mean', 'difference [95% CI]', 'claimed way / no change / other way']), ...rows];
}

function constantTable(r: ClaimResult): string[] {
  if (!r.best || r.constants.length === 0) return [];
  return [
    ...header(['constant', 'low end', 'difference', 'high end', 'difference', 'direction']),
    ...r.constants.map((c) =>
      row([
        `\`${c.key}\``,
        String(c.low.value),
        diffText(c.low.effect, r.measure),
        String(c.high.value),
        diffText(c.high.effect, r.measure),
        c.low.flips || c.high.flips ? `**gone at the ${c.low.flips && c.high.flips ? 'both ends' : c.low.flips ? 'low end' : 'high end'}**` : c.low.rescues || c.high.rescues ? `**claimed way at the ${c.low.rescues ? 'low' : 'high'} end**` : 'kept',
      ]),
    ),
  ];
}

function matrixTable(report: SweepReport): string[] {
  const measures = Object.keys(MEASURES) as MeasureId[];
  const factors = [...new Set(report.matrix.map((c) => c.factor))];
  const cell = (f: MatrixCell['factor'], m: MeasureId) => report.matrix.find((c) => c.factor === f && c.measure === m)!;
  return [
    ...header(['factor', ...measures.map((m) => MEASURES[m].name)]),
    ...factors.map((f) => row([f === 'presets' ? 'all features (presets)' : `\`${f}\``, ...measures.map((m) => diffText(cell(f, m).effect, m))])),
  ];
}

/** Which claims the model supports, which it does not, which turn on one constant, in three lines. */
function plainly(report: SweepReport): string[] {
  const named = (v: Verdict) => report.claims.filter((r) => r.verdict === v);
  const list = (rs: ClaimResult[], withConstant = false) =>
    rs.map((r) => `${r.title.charAt(0).toLowerCase()}${r.title.slice(1)}${withConstant && r.turnsOn.length ? ` (on ${r.turnsOn.map((t) => t.replace(/^(\w+)/, '`$1`')).join(', or ')})` : ''}`).join('; ');
  const out: string[] = [];
  const sup = named('supported');
  const dep = named('depends on one constant');
  const not = named('not supported');
  out.push(`- **The model supports:** ${sup.length ? list(sup) : 'none of the claims'}.`);
  out.push(`- **It does not support:** ${not.length ? list(not) : 'none'}.`);
  out.push(`- **It supports only with one constant at one end of its range:** ${dep.length ? list(dep, true) : 'none'}.`);
  const untested = named('not tested');
  if (untested.length) out.push(`- **Not tested by this sweep:** ${list(untested)}.`);
  const other = report.claims.filter((r) => r.verdict !== 'not supported' && r.named && r.named.factor !== r.best && r.named.direction !== 'claimed');
  if (other.length) {
    out.push(`- **Where the model agrees, it is not always for the study's reason:**`);
    for (const r of other) {
      const named = r.factors.find((f) => f.factor === r.named!.factor)!;
      out.push(
        `  - ${r.title}: carried by \`${r.best}\`; the feature the study names, \`${named.factor}\` (${r.named!.as}), ${r.named!.direction === 'opposite' ? 'works against it' : 'does not carry it on its own'} (${diffText(named.effect, r.measure)}${unitOf(r.measure)}).`,
      );
    }
  }
  return out;
}

export function findingsMarkdown(report: SweepReport): string {
  const d = report.design;
  const rivals = d.scenarios.filter((s) => s.rivals.length > 0);
  const lines: string[] = [
    '# Findings: what the model says about the comparative study’s claims',
    '',
    `<!-- Generated by \`npm run findings\` (src/sim/sweep*.ts, scripts/findings.ts); do not edit by hand. -->`,
    '',
    `Made by \`${report.command}\`; \`npm run findings\` makes this page at the default size. The study is Iskakov, “The SCO as an alternative to Western military blocs: a comparative analysis with NATO” (2026), \`../shared/reference/sco-nato-comparative-study.txt\`. This page reports on the model, not on the world: the model was built from the treaty texts and the research in [model.md](model.md), so where it agrees with the study, part of the reason is what was put into it.`,
    '',
    '## In short',
    '',
    ...summaryTable(report),
    '',
    ...plainly(report),
    '',
    '## How the sweep was made',
    '',
    `- **Factors.** A factor is one institutional feature switched between its value in the \`nato\` preset and its value in the \`sco\` preset (src/engine/rules/features.ts): ${d.factors.map((f) => `\`${f.feature}\` (${f.sco} → ${f.nato})`).join(', ')}. ${d.notFactors.length ? `${d.notFactors.map((f) => `\`${f.feature}\``).join(' and ')} take the same value in both presets (${d.notFactors.map((f) => f.value).join(', ')}), so there is nothing to switch.` : ''}`,
    `- **Settings.** ${d.settings} settings. Each plays one scenario and one player policy, in rotation over the ${d.scenarios.length} shipped scenarios and the policies ${d.policies.map((p) => `\`${p}\``).join(' and ')}. In each setting every feature takes its NATO or its SCO value at random (the background), and every model constant is drawn uniformly within its range (src/engine/model/parameters.ts). A background that \`incoherence\` refuses is drawn again (${d.redrawnBackgrounds} were). Each setting plays ${d.seeds} seed${d.seeds === 1 ? '' : 's'}.`,
    `- **Pairs.** For each factor and seed, the two games of a pair differ in that one feature: same scenario, policy, background, constants and seed. The per-setting difference is the mean over its seeds of NATO-type minus SCO-type. Where switching a factor makes a rule set that \`incoherence\` refuses, the pair is skipped: ${d.refused.length ? d.refused.map((r) => `\`${r.factor}\` in ${r.settings} settings (${r.reasons.join('; ')})`).join('; ') : 'none'}. So \`commitment\` is measured only in backgrounds without conditional attribution and without integrated command, the only ones where a pledge can be switched off.`,
    `- **Statistics.** The mean of the per-setting differences, with a ${d.interval}; and the shares of settings in which the difference points the claimed way, is exactly zero, or points the other way.`,
    `- **The verdict.** A claim is judged on the factor (of those whose mechanism could carry it, listed under each claim) whose interval lies furthest on the claimed side. *Supported*: that interval lies wholly on the claimed side, and the mean stays on that side with each of the ${d.constants.length} constants pinned at the low and at the high end of its range in turn (the others as drawn; ${d.constantSeeds} seed${d.constantSeeds === 1 ? '' : 's'} per setting). *Depends on one constant*: supported, but one constant at one end takes the direction away (the mean is zero or the other way); or not supported, but one constant at one end makes the interval lie wholly on the claimed side. *Not supported*: otherwise.`,
    `- **Rivals.** A scenario's members include rivals when a member other than the player has ties of at least ${RIVAL_TIE} to the adversary, a member feels a threat of at least ${RIVAL_THREAT} from another member, or two members clash. ${rivals.map((s) => `\`${s.id}\` (${s.rivals.join('; ')})`).join('; ')}.`,
    `- **Games.** ${d.games.main.toLocaleString('en')} in the main run, ${d.games.constants.toLocaleString('en')} pinning constants. Sweep seed \`${d.seed}\`: the same command gives the same page.`,
    '',
    '### Measures',
    '',
    ...(Object.keys(MEASURES) as MeasureId[]).map((m) => `- **${MEASURES[m].name}**: ${MEASURES[m].about}.`),
    '',
    '## Claim by claim',
    '',
  ];
  report.claims.forEach((r, i) => {
    lines.push(`### ${i + 1}. ${r.title}: ${VERDICT_WORDS[r.verdict]}`, '', `> ${r.quote}`, '');
    lines.push(
      `Measured as ${MEASURES[r.measure].name}${r.scenarios.length < d.scenarios.length ? `, in the scenarios whose members include rivals (${r.scenarios.map((s) => `\`${s}\``).join(', ')})` : ', in every scenario'}; the claim expects ${claimedWay(r)}.`,
      '',
      verdictSentence(r),
      '',
      ...factorTable(r),
      '',
    );
    if (r.context) {
      const c = r.context;
      lines.push(
        `Blocked share under each preset as a whole: with rivals ${pct(c.rivals.nato)} (\`nato\`) and ${pct(c.rivals.sco)} (\`sco\`) over ${c.rivals.n} settings; without rivals ${pct(c.others.nato)} and ${pct(c.others.sco)} over ${c.others.n}.`,
        '',
      );
    }
    if (r.best && r.byScenario.length > 1) {
      lines.push(
        `\`${r.best}\` by scenario (mean difference): ${r.byScenario.map((s) => `\`${s.scenario}\` ${s.n ? num(s.mean, digitsOf(r.measure), true) : '–'}`).join(', ')}.`,
        '',
      );
    }
    if (r.constants.length) {
      lines.push(
        `\`${r.best}\` with one constant pinned at a time${r.reference ? ` (on the same settings and seeds with every constant as drawn: ${diffText(r.reference, r.measure)})` : ''}:`,
        '',
        ...constantTable(r),
        '',
      );
    }
  });
  lines.push('## Every factor on every measure', '', 'Mean difference, NATO-type minus SCO-type, over all settings [95% CI].', '', ...matrixTable(report), '');
  return lines.join('\n');
}

/** The short table the command prints when it writes no file. */
export function summaryText(report: SweepReport): string {
  const lines = report.claims.map((r) => {
    const best = r.factors.find((f) => f.factor === r.best);
    const effect = best ? `${best.factor} ${diffText(best.effect, r.measure)}, claimed way in ${pct(best.effect.holds)} of ${best.effect.n} settings` : 'no factor';
    return `${r.title}: ${VERDICT_WORDS[r.verdict]} (${effect}${r.turnsOn.length ? `; turns on ${r.turnsOn.join(', ')}` : ''})`;
  });
  return lines.join('\n') + '\n';
}
