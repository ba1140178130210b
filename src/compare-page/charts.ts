// The page's charts, plain SVG: each indicator's distribution under NATO and SCO rules as two box
// plots side by side, and each indicator's mean course over the turns as one line per rule set.
// Bloc colours from the theme, and a label or dash besides the colour (look.md).
import { el, svg } from '../game/ui/dom';
import { theme } from '../game/theme';
import { formatNumber, t } from '../game/i18n';
import type { Group, SummaryIndicator, TurnIndicator } from '../compare/aggregate';
import type { RuleSetId } from '../engine/scenario/schema';
import { ct } from './i18n';

const W = 260;
const H = 150;
const M = { left: 44, right: 10, top: 10, bottom: 24 };
// Box plots leave room at the right for the SCO box's median label.
const BOX_RIGHT = 44;

function tick(v: number): string {
  const abs = Math.abs(v);
  return formatNumber(v, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

function text(attrs: Record<string, string | number>, content: string): SVGTextElement {
  const node = svg('text', { fill: theme.color.inkMuted, 'font-size': 13, ...attrs });
  node.textContent = content;
  return node;
}

/** Box plots of one indicator for the groups given (one per rule set), side by side. */
export function boxChart(indicator: SummaryIndicator, title: string, groups: Group[]): HTMLElement {
  const stats = groups.map((g) => ({ rules: g.rules, d: g.stats[indicator] })).filter((s) => s.d.count > 0);
  if (stats.length === 0) return el('figure', { class: 'chart', 'data-chart': indicator }, el('h3', { text: title }), el('p', { class: 'muted', text: '–' }));
  const lo = Math.min(...stats.map((s) => s.d.min ?? 0));
  const hi = Math.max(...stats.map((s) => s.d.max ?? 0));
  const span = hi - lo || Math.max(1, Math.abs(hi));
  const y0 = hi === lo ? lo - span / 2 : lo;
  const y1 = hi === lo ? hi + span / 2 : hi;
  const y = (v: number) => M.top + (1 - (v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
  root.append(
    svg('line', { x1: M.left, y1: H - M.bottom, x2: W - BOX_RIGHT, y2: H - M.bottom, stroke: theme.color.landEdge }),
    text({ x: M.left - 4, y: y(y0) + 4, 'text-anchor': 'end' }, tick(y0)),
    text({ x: M.left - 4, y: y(y1) + 4, 'text-anchor': 'end' }, tick(y1)),
  );
  const slots: RuleSetId[] = ['nato', 'sco'];
  const slotWidth = (W - M.left - BOX_RIGHT) / slots.length;
  const described: string[] = [];
  slots.forEach((rules, i) => {
    const cx = M.left + slotWidth * (i + 0.5);
    const name = t(`rules.${rules}.short`);
    root.append(text({ x: cx, y: H - 6, 'text-anchor': 'middle', fill: theme.color.ink }, name));
    const s = stats.find((x) => x.rules === rules);
    if (!s) return;
    const { count } = s.d;
    const [min, q1, median, q3, max] = [s.d.min ?? 0, s.d.q1 ?? 0, s.d.median ?? 0, s.d.q3 ?? 0, s.d.max ?? 0];
    const color = theme.color[rules];
    const half = Math.min(24, slotWidth / 4);
    root.append(
      svg('line', { x1: cx, y1: y(min), x2: cx, y2: y(q1), stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx, y1: y(q3), x2: cx, y2: y(max), stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx - half / 2, y1: y(min), x2: cx + half / 2, y2: y(min), stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx - half / 2, y1: y(max), x2: cx + half / 2, y2: y(max), stroke: color, 'stroke-width': 2 }),
      svg('rect', { 'data-box': rules, x: cx - half, y: y(q3), width: 2 * half, height: Math.max(1, y(q1) - y(q3)), fill: rules === 'nato' ? theme.color.natoDeep : theme.color.scoDeep, stroke: color, 'stroke-width': 2 }),
      svg('line', { x1: cx - half, y1: y(median), x2: cx + half, y2: y(median), stroke: theme.color.ink, 'stroke-width': 3 }),
      text({ x: cx + half + 4, y: y(median) + 4 }, tick(median)),
    );
    described.push(`${name}: ${ct('cmp.col.median')} ${tick(median)}, Q1 ${tick(q1)}, Q3 ${tick(q3)}, ${ct('cmp.games', { count: formatNumber(count) })}`);
  });
  root.setAttribute('aria-label', `${title}. ${described.join('; ')}`);
  return el('figure', { class: 'chart', 'data-chart': indicator }, el('h3', { text: title }), root);
}

function courseRange(key: TurnIndicator, groups: Group[]): [number, number] {
  if (key === 'escalation') return [1, 5];
  if (key === 'casualties') return [0, Math.max(1, ...groups.flatMap((g) => g.course.map((c) => c.mean.casualties)))];
  return [0, 1];
}

/** One indicator's mean over the turns, one line per rule set (SCO dashed). */
export function courseChart(key: TurnIndicator, title: string, groups: Group[]): HTMLElement {
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
  for (const g of groups) {
    if (g.course.length === 0) continue;
    const points = g.course.map((c) => `${x(c.turn).toFixed(1)},${y(c.mean[key]).toFixed(1)}`).join(' ');
    const line = svg('polyline', { points, fill: 'none', stroke: theme.color[g.rules], 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'data-rules': g.rules });
    if (g.rules === 'sco') line.setAttribute('stroke-dasharray', '6 3');
    root.append(line);
    const last = g.course[g.course.length - 1]!;
    described.push(`${t(`rules.${g.rules}.short`)}: ${tick(g.course[0]!.mean[key])} → ${tick(last.mean[key])}`);
  }
  root.setAttribute('aria-label', `${title}. ${described.join('; ')}`);
  return el('figure', { class: 'chart', 'data-course': key }, el('h3', { text: title }), root);
}
