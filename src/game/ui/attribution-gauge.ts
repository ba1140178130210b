// The attribution gauge on the crisis screen, as the tutorial promises: how sure investigators
// are that the adversary is behind the attack on the player's state, the threshold the rules
// wait for (N3, C5), and the trend since the turn before, in words and as a small line.
import type { GameState } from '../engine';
import { formatNumber, percent, t } from '../../ui-kit/i18n';
import { el, svg, uid } from '../../ui-kit/dom';
import { ATTRIBUTION_THRESHOLD, attributionSeries, type AttributionPoint } from './attribution-series';

/** The trend in words: the change since the previous reading, in percentage points. */
export function trendText(points: AttributionPoint[]): { trend: 'up' | 'down' | 'flat' | 'first' | 'none'; text: string } {
  const now = points[points.length - 1];
  if (!now || now.value === null) return { trend: 'none', text: t('attr.none') };
  const before = points[points.length - 2];
  if (!before || before.value === null) return { trend: 'first', text: t('attr.first') };
  const delta = Math.round((now.value - before.value) * 100);
  if (delta === 0) return { trend: 'flat', text: t('attr.flat', { turn: before.turn }) };
  return { trend: delta > 0 ? 'up' : 'down', text: t(delta > 0 ? 'attr.up' : 'attr.down', { delta: formatNumber(Math.abs(delta)), turn: before.turn }) };
}

function sparkline(points: AttributionPoint[]): SVGSVGElement {
  const w = 90;
  const h = 24;
  const step = points.length > 1 ? w / (points.length - 1) : w;
  const y = (v: number) => (h - 2 - v * (h - 4)).toFixed(1);
  const line = points.map((p, i) => (p.value === null ? null : `${(i * step).toFixed(1)},${y(p.value)}`)).filter((p): p is string => p !== null);
  return svg(
    'svg',
    { viewBox: `0 0 ${w} ${h}`, width: w, height: h, class: 'attr-spark', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 0, x2: w, y1: y(ATTRIBUTION_THRESHOLD), y2: y(ATTRIBUTION_THRESHOLD), stroke: 'currentColor', 'stroke-dasharray': '3 3', 'stroke-opacity': 0.6 }),
    line.length > 0 ? svg('polyline', { points: line.join(' '), fill: 'none', stroke: 'var(--c-accent)', 'stroke-width': 2 }) : null,
  );
}

/** The gauge for the turn shown (a reviewed turn shows the reading of that turn). */
export function attributionGauge(game: GameState, upToTurn: number | null = null): HTMLElement {
  const all = attributionSeries(game);
  const points = upToTurn === null ? all : all.filter((p) => p.turn <= upToTurn);
  const now = points[points.length - 1]?.value ?? null;
  const trend = trendText(points);
  const tipId = uid('attr-tip');
  const fill = el('span', { class: 'attr-fill' });
  fill.style.width = `${Math.round((now ?? 0) * 100)}%`;
  const mark = el('span', { class: 'attr-mark' });
  mark.style.left = `${Math.round(ATTRIBUTION_THRESHOLD * 100)}%`;
  const arrow = { up: '▲', down: '▼', flat: '▶', first: '', none: '' }[trend.trend];
  return el(
    'section',
    { class: 'attr', 'data-testid': 'attribution', 'data-value': now === null ? '' : String(now), 'data-trend': trend.trend, 'aria-label': t('attr.name'), tabindex: 0, 'aria-describedby': tipId, 'data-focus': 'attribution' },
    el('div', { class: 'attr-row' }, el('span', { class: 'attr-name', text: t('attr.name') }), el('strong', { class: 'attr-value', text: now === null ? '–' : percent(now) }), sparkline(points)),
    el('div', { class: 'attr-bar', 'aria-hidden': 'true' }, fill, mark),
    el('div', { class: `attr-trend small ${trend.trend}`, 'data-testid': 'attribution-trend' }, arrow ? el('span', { 'aria-hidden': 'true', text: `${arrow} ` }) : null, trend.text),
    el('div', { class: 'tip', role: 'tooltip', id: tipId, text: t('attr.help', { threshold: percent(ATTRIBUTION_THRESHOLD) }) }),
  );
}
