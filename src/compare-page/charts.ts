// The page's charts, plain SVG: each indicator's distribution under every rule set as box plots
// side by side, and each indicator's mean course over the turns as one line per rule set, with a
// legend naming each rule set (a design-lab rule set by its spec). Presets in their bloc colours,
// other rule sets in colours of their own, and a dash besides the colour (look.md).
import { el, svg } from '../ui-kit/dom';
import { theme } from '../ui-kit/theme';
import { formatNumber } from '../ui-kit/i18n';
import type { Group, SummaryIndicator, TurnIndicator } from '../compare/aggregate';
import { compareRuleSets, ruleSetsIn } from '../compare/rule-sets';
import { ct } from './i18n';
import { ruleSetShort, ruleSetTitle, type RuleSetLook } from './rule-sets';

const W = 260;
const H = 150;
const M = { left: 44, right: 10, top: 10, bottom: 24 };
// Box plots leave room at the right for the last box's median label.
const BOX_RIGHT = 44;
/** The narrowest slot that still fits a box and its median label; more rule sets widen the chart. */
const MIN_SLOT = 58;
/** Characters of a rule set's name that fit under its box (13 px Noto Sans averages about 7 px). */
const CHARS_PER_PX = 1 / 7;

function tick(v: number): string {
  const abs = Math.abs(v);
  return formatNumber(v, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

function text(attrs: Record<string, string | number>, content: string): SVGTextElement {
  const node = svg('text', { fill: theme.color.inkMuted, 'font-size': 13, ...attrs });
  node.textContent = content;
  return node;
}

/** A name that fits `width`, cut with an ellipsis; the whole name stays in a tooltip. */
function fitted(name: string, width: number): { shown: string; cut: boolean } {
  const max = Math.max(3, Math.floor(width * CHARS_PER_PX));
  return name.length <= max ? { shown: name, cut: false } : { shown: `${name.slice(0, max - 1)}…`, cut: true };
}

/** The part of an indicator's scale a box plot always shows, so that a small difference is not
 * blown up into a large one: zero for counts, days and shares (0–1), the whole 0–100 of the score,
 * and the escalation ladder from its lowest rung (1). Values outside widen it. */
function scaleOf(indicator: SummaryIndicator): [number, number] {
  if (indicator === 'score') return [0, 100];
  if (indicator === 'maxEscalation' || indicator === 'finalEscalation') return [1, 5];
  // Shares run 0–1; casualties and days start at 0 and grow with the data.
  return [0, 1];
}

/** How many games each rule set's box rests on, and how many had no value at all (for days to
 * the first collective measure: no collective measure), under the chart. */
function countsLine(indicator: SummaryIndicator, groups: Group[]): HTMLElement {
  const parts = ruleSetsIn(groups.map((g) => g.rules)).map((rules) => {
    const d = groups.find((g) => g.rules === rules)!.stats[indicator];
    const params = { rules: ruleSetShort(rules), count: formatNumber(d.count), none: formatNumber(d.missing) };
    return d.missing > 0 ? ct('cmp.box.none', params) : ct('cmp.box.count', params);
  });
  return el('p', { class: 'small muted counts', 'data-counts': indicator, text: parts.join(' · ') });
}

/** Box plots of one indicator for the groups given (one per rule set), side by side. */
export function boxChart(indicator: SummaryIndicator, title: string, groups: Group[], looks: Map<string, RuleSetLook>): HTMLElement {
  const stats = groups.map((g) => ({ rules: g.rules, d: g.stats[indicator] })).filter((s) => s.d.count > 0);
  if (stats.length === 0) {
    return el('figure', { class: 'chart', 'data-chart': indicator }, el('h3', { text: title }), el('p', { class: 'muted', text: ct('cmp.box.empty') }), countsLine(indicator, groups));
  }
  const slots = ruleSetsIn(groups.map((g) => g.rules));
  const width = Math.max(W, M.left + BOX_RIGHT + MIN_SLOT * slots.length);
  const [floor, ceiling] = scaleOf(indicator);
  const y0 = Math.min(floor, ...stats.map((s) => s.d.min ?? floor));
  const y1 = Math.max(ceiling, ...stats.map((s) => s.d.max ?? ceiling));
  const y = (v: number) => M.top + (1 - (v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const root = svg('svg', { viewBox: `0 0 ${width} ${H}`, role: 'img' });
  root.append(
    svg('line', { x1: M.left, y1: H - M.bottom, x2: width - BOX_RIGHT, y2: H - M.bottom, stroke: theme.color.landEdge }),
    text({ x: M.left - 4, y: y(y0) + 4, 'text-anchor': 'end' }, tick(y0)),
    text({ x: M.left - 4, y: y(y1) + 4, 'text-anchor': 'end' }, tick(y1)),
  );
  const slotWidth = (width - M.left - BOX_RIGHT) / slots.length;
  const described: string[] = [];
  slots.forEach((rules, i) => {
    const cx = M.left + slotWidth * (i + 0.5);
    const name = ruleSetShort(rules);
    const label = fitted(name, slotWidth - 4);
    const labelNode = text({ x: cx, y: H - 6, 'text-anchor': 'middle', fill: theme.color.ink }, label.shown);
    if (label.cut) {
      const tip = svg('title');
      tip.textContent = name;
      labelNode.append(tip);
    }
    root.append(labelNode);
    const s = stats.find((x) => x.rules === rules);
    const look = looks.get(rules);
    if (!s || !look) return;
    const { count } = s.d;
    const [min, q1, median, q3, max] = [s.d.min ?? 0, s.d.q1 ?? 0, s.d.median ?? 0, s.d.q3 ?? 0, s.d.max ?? 0];
    const { color } = look;
    const half = Math.min(24, slotWidth / 4);
    const dash: Record<string, string> = look.dash ? { 'stroke-dasharray': look.dash } : {};
    root.append(
      svg('line', { x1: cx, y1: y(min), x2: cx, y2: y(q1), stroke: color, 'stroke-width': 2, ...dash }),
      svg('line', { x1: cx, y1: y(q3), x2: cx, y2: y(max), stroke: color, 'stroke-width': 2, ...dash }),
      svg('line', { x1: cx - half / 2, y1: y(min), x2: cx + half / 2, y2: y(min), stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx - half / 2, y1: y(max), x2: cx + half / 2, y2: y(max), stroke: color, 'stroke-width': 2 }),
      svg('rect', { 'data-box': rules, x: cx - half, y: y(q3), width: 2 * half, height: Math.max(1, y(q1) - y(q3)), fill: look.fill, 'fill-opacity': look.fillOpacity, stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx - half, y1: y(median), x2: cx + half, y2: y(median), stroke: theme.color.ink, 'stroke-width': 3 }),
      text({ x: cx + half + 4, y: y(median) + 4 }, tick(median)),
    );
    described.push(`${name}: ${ct('cmp.col.median')} ${tick(median)}, Q1 ${tick(q1)}, Q3 ${tick(q3)}, ${ct('cmp.games', { count: formatNumber(count) })}`);
  });
  root.setAttribute('aria-label', `${title}. ${described.join('; ')}`);
  // Wider than one grid cell when many rule sets share it, so its text stays the size of the rest.
  return el('figure', { class: width > W * 1.3 ? 'chart wide' : 'chart', 'data-chart': indicator }, el('h3', { text: title }), root, countsLine(indicator, groups));
}

function courseRange(key: TurnIndicator, groups: Group[]): [number, number] {
  if (key === 'escalation') return [1, 5];
  if (key === 'casualties') return [0, Math.max(1, ...groups.flatMap((g) => g.course.map((c) => c.mean.casualties)))];
  return [0, 1];
}

/** One indicator's mean over the turns, one line per rule set, each in its colour and dash. */
export function courseChart(key: TurnIndicator, title: string, groups: Group[], looks: Map<string, RuleSetLook>): HTMLElement {
  const [lo, hi] = courseRange(key, groups);
  const turns = Math.max(2, ...groups.map((g) => g.course.length));
  const x = (turn: number) => M.left + ((turn - 1) / (turns - 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo || 1)) * (H - M.top - M.bottom);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
  root.append(
    svg('line', { x1: M.left, y1: y(lo), x2: W - M.right, y2: y(lo), stroke: theme.color.landEdge }),
    svg('line', { x1: M.left, y1: y(hi), x2: W - M.right, y2: y(hi), stroke: theme.color.landEdge, 'stroke-dasharray': '2 3' }),
    text({ x: M.left - 4, y: y(lo) + 4, 'text-anchor': 'end' }, tick(lo)),
    text({ x: M.left - 4, y: y(hi) + 4, 'text-anchor': 'end' }, tick(hi)),
    text({ x: x(1), y: H - 6, 'text-anchor': 'middle' }, ct('cmp.turnShort', { turn: 1 })),
    text({ x: x(turns), y: H - 6, 'text-anchor': 'middle' }, ct('cmp.turnShort', { turn: turns })),
  );
  const described: string[] = [];
  for (const g of [...groups].sort((a, b) => compareRuleSets(a.rules, b.rules))) {
    const look = looks.get(g.rules);
    if (g.course.length === 0 || !look) continue;
    const points = g.course.map((c) => `${x(c.turn).toFixed(1)},${y(c.mean[key]).toFixed(1)}`).join(' ');
    const line = svg('polyline', { points, fill: 'none', stroke: look.color, 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'data-rules': g.rules });
    if (look.dash) line.setAttribute('stroke-dasharray', look.dash);
    root.append(line);
    const last = g.course[g.course.length - 1]!;
    described.push(`${ruleSetShort(g.rules)}: ${tick(g.course[0]!.mean[key])} → ${tick(last.mean[key])}`);
  }
  root.setAttribute('aria-label', `${title}. ${described.join('; ')}`);
  return el('figure', { class: 'chart', 'data-course': key }, el('h3', { text: title }), root);
}

/** Which colour and dash stand for which rule set: presets by name, the others by their spec. */
export function legend(rules: string[], looks: Map<string, RuleSetLook>): HTMLElement {
  const items = ruleSetsIn(rules).map((r) => {
    const look = looks.get(r)!;
    const sample = svg('svg', { viewBox: '0 0 36 12', width: 36, height: 12, 'aria-hidden': 'true' });
    const line = svg('line', { x1: 1, y1: 6, x2: 35, y2: 6, stroke: look.color, 'stroke-width': 3 });
    if (look.dash) line.setAttribute('stroke-dasharray', look.dash);
    sample.append(line);
    return el('li', { 'data-rules': r }, sample, el('span', { text: ruleSetTitle(r) }));
  });
  return el('ul', { class: 'legend', 'aria-label': ct('cmp.legend'), 'data-testid': 'legend' }, ...items);
}
