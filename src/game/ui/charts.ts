// Small multiples for the debrief: one indicator per chart, turns on the horizontal axis, one
// line per rule set in its bloc colour, the first diverging turn marked, and the played game's key
// decisions marked above the lines (requests, blocks, collective defence, forces ready). Plain SVG.
import type { GameState, Indicators, PresetId } from '../engine';
import type { PaletteKey } from '../../ui-kit/theme';
import { formatNumber, t, type MessageKey } from '../../ui-kit/i18n';
import { blocColor, theme } from '../../ui-kit/theme';
import { el, svg } from '../../ui-kit/dom';
import { ruleSetShort } from '../../ui-kit/format';

export type ChartKey = 'escalation' | 'deterrence' | 'cohesion' | 'autonomy' | 'entrapment' | 'legitimacy' | 'casualties';
export const CHART_KEYS: ChartKey[] = ['escalation', 'deterrence', 'cohesion', 'autonomy', 'entrapment', 'legitimacy', 'casualties'];

const W = 260;
const H = 130;
const M = { left: 48, right: 12, top: 8, bottom: 22 };

/** A key decision worth a mark: the player asked, an objection blocked, collective defence was
 * agreed (Article 5 under NATO, Article 4 of the Collective Security Treaty under the CSTO), or
 * forces under alliance command were ready (N5, C4). */
export type MarkKind = 'request' | 'blocked' | 'collective' | 'forces';
export const MARK_KINDS: MarkKind[] = ['request', 'blocked', 'collective', 'forces'];
export interface Mark {
  turn: number;
  kind: MarkKind;
}
/** Shape as well as colour, so that no mark is told by colour alone. */
export const MARK_STYLE: Record<MarkKind, { glyph: string; color: PaletteKey }> = {
  request: { glyph: '▲', color: 'inkMuted' },
  blocked: { glyph: '✕', color: 'object' },
  collective: { glyph: '★', color: 'accent' },
  forces: { glyph: '■', color: 'support' },
};

/** The key decisions of one game, turn by turn, in MARK_KINDS order within a turn. */
export function keyMarks(game: GameState): Mark[] {
  const marks: Mark[] = [];
  for (const record of game.turns) {
    const kinds = new Set<MarkKind>();
    if (record.intents.length > 0) kinds.add('request');
    for (const d of record.decisions) {
      if (d.outcome === 'blocked') kinds.add('blocked');
      if (d.kind === 'collective-defence' && (d.outcome === 'adopted' || d.outcome === 'conditional' || d.outcome === 'subset')) kinds.add('collective');
      // A posture decision other than an Article 4 meeting's (N7) is forces reaching readiness.
      if (d.kind === 'posture' && d.outcome === 'adopted' && d.rule !== 'N7') kinds.add('forces');
    }
    for (const kind of MARK_KINDS) if (kinds.has(kind)) marks.push({ turn: record.turn, kind });
  }
  return marks;
}

function range(key: ChartKey, games: GameState[]): [number, number] {
  if (key === 'escalation') return [1, 5];
  if (key === 'casualties') {
    const max = Math.max(1, ...games.flatMap((g) => g.turns.map((r) => r.indicators.casualties)));
    return [0, max];
  }
  return [0, 1];
}

function tick(key: ChartKey, v: number): string {
  if (key === 'escalation' || key === 'casualties') return formatNumber(v);
  return `${formatNumber(Math.round(v * 100))}`;
}

export interface SeriesStyle {
  color: PresetId;
  /** Dashed when an earlier series has the same bloc colour (a design and its base preset). */
  dashed: boolean;
}

/** Each game's line: its rule set's bloc colour, dashed when the colour is already taken. */
export function seriesStyles(games: GameState[]): SeriesStyle[] {
  const seen = new Set<PresetId>();
  return games.map((g) => {
    const color = blocColor(g.rules, g.scenario.ruleSets);
    const dashed = seen.has(color);
    seen.add(color);
    return { color, dashed };
  });
}

export function chart(key: ChartKey, games: GameState[], divergeAt: number | null, marks: Mark[] = []): HTMLElement {
  const [lo, hi] = range(key, games);
  const turns = Math.max(2, ...games.map((g) => g.turns.length));
  const x = (turn: number) => M.left + ((turn - 1) / (turns - 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo || 1)) * (H - M.top - M.bottom);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
  const axis = theme.color.landEdge;
  root.append(
    svg('line', { x1: M.left, y1: y(lo), x2: W - M.right, y2: y(lo), stroke: axis }),
    svg('line', { x1: M.left, y1: y(hi), x2: W - M.right, y2: y(hi), stroke: axis, 'stroke-dasharray': '2 3' }),
  );
  for (const v of [lo, hi]) {
    const label = svg('text', { x: M.left - 4, y: y(v) + 4, 'text-anchor': 'end', fill: theme.color.inkMuted, 'font-size': 13 });
    label.textContent = tick(key, v);
    root.append(label);
  }
  for (const turn of [1, turns]) {
    const label = svg('text', { x: x(turn), y: H - 6, 'text-anchor': 'middle', fill: theme.color.inkMuted, 'font-size': 13 });
    label.textContent = t('debrief.turnShort', { turn });
    root.append(label);
  }
  if (divergeAt !== null) {
    root.append(svg('line', { x1: x(divergeAt), y1: M.top, x2: x(divergeAt), y2: y(lo), stroke: theme.color.accent, 'stroke-dasharray': '4 3', 'stroke-width': 1.5 }));
  }
  // Marks of one turn stack downward from the top of the plot.
  const stacked = new Map<number, number>();
  for (const mark of marks) {
    const row = stacked.get(mark.turn) ?? 0;
    stacked.set(mark.turn, row + 1);
    const style = MARK_STYLE[mark.kind];
    const glyph = svg('text', { x: x(mark.turn), y: M.top + 9 + row * 11, 'text-anchor': 'middle', fill: theme.color[style.color], 'font-size': 11, 'data-mark': mark.kind, 'data-turn': mark.turn });
    glyph.textContent = style.glyph;
    root.append(glyph);
  }
  const descriptions: string[] = [];
  const styles = seriesStyles(games);
  games.forEach((game, i) => {
    const style = styles[i]!;
    const color = theme.color[style.color];
    const values = game.turns.map((r) => (r.indicators as Indicators)[key] as number);
    const points = values.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const line = svg('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2.5, 'stroke-linejoin': 'round' });
    if (style.dashed) line.setAttribute('stroke-dasharray', '6 4');
    root.append(line);
    const last = values[values.length - 1];
    if (last !== undefined) descriptions.push(`${ruleSetShort(game.rules, game.scenario)}: ${tick(key, last)}${key === 'escalation' || key === 'casualties' ? '' : '\u00a0%'}`);
  });
  root.setAttribute('aria-label', `${t(`ind.${key}` as MessageKey)}. ${descriptions.join('; ')}`);
  // What the indicator measures, on the page rather than only in a tooltip.
  return el(
    'figure',
    { class: 'chart', 'data-chart': key, title: t(`ind.${key}.help` as MessageKey) },
    el('h3', { text: `${t(`ind.${key}` as MessageKey)}${key === 'escalation' || key === 'casualties' ? '' : ' (%)'}` }),
    root,
    el('figcaption', { text: t(`ind.${key}.help` as MessageKey) }),
  );
}

/** The key under the charts: each mark's shape, and the turns it marks, in words. */
export function marksKey(marks: Mark[]): HTMLElement {
  const byTurn = new Map<number, MarkKind[]>();
  for (const m of marks) byTurn.set(m.turn, [...(byTurn.get(m.turn) ?? []), m.kind]);
  const name = (kind: MarkKind) => t(`marks.${kind}` as MessageKey);
  return el(
    'div',
    { 'data-testid': 'chart-marks' },
    el('p', { class: 'small', text: t('marks.heading') }),
    el(
      'ul',
      { class: 'chart-marks' },
      ...MARK_KINDS.map((kind) => {
        const glyph = el('span', { class: 'glyph', 'aria-hidden': 'true', text: MARK_STYLE[kind].glyph });
        glyph.style.color = theme.color[MARK_STYLE[kind].color];
        return el('li', { 'data-mark': kind }, glyph, name(kind));
      }),
    ),
    el('p', { class: 'visually-hidden', text: [...byTurn].map(([turn, kinds]) => t('marks.turn', { turn, marks: kinds.map(name).join(', ') })).join('; ') }),
  );
}
