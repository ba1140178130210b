// Who helped the player's state, and how: each member state with what it sent (forces, support
// measures, intelligence, political support, or nothing), through which channel and from which
// day. The crisis screen shows it under the news (the map draws the same facts); the debrief
// mounts the card. Facts from help-records.ts.
import type { GameState } from '../engine';
import { formatList, formatNumber, t } from '../../ui-kit/i18n';
import { stateName } from '../../ui-kit/scenario-names';
import { el, svg } from '../../ui-kit/dom';
import { helperRows, type HelpChannel, type HelpKind } from './help-records';
import { theme } from '../../ui-kit/theme';

/** The map's symbol for each kind of help, drawn the same way in the panel's key. */
export function helpSymbol(kind: HelpKind, size = 14): SVGSVGElement {
  const half = size / 2;
  const colour = theme.color.support;
  const shape =
    kind === 'forces'
      ? svg('path', { d: `M${half} 1L${size - 1} ${size - 1}L1 ${size - 1}Z`, fill: colour })
      : kind === 'support'
        ? svg('rect', { x: 2, y: 2, width: size - 4, height: size - 4, fill: colour })
        : kind === 'intelligence'
          ? svg('path', { d: `M${half} 1L${size - 1} ${half}L${half} ${size - 1}L1 ${half}Z`, fill: colour })
          : svg('circle', { cx: half, cy: half, r: half - 3, fill: colour });
  return svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: 'help-symbol', 'aria-hidden': 'true', focusable: 'false' }, shape);
}

function channelLine(channel: HelpChannel): SVGSVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 28 8', width: 28, height: 8, class: 'help-symbol', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 1, y1: 4, x2: 27, y2: 4, stroke: theme.color.support, 'stroke-width': 2.5, ...(channel === 'bilateral' ? { 'stroke-dasharray': '4 3' } : {}) }),
  );
}

/** The list, as it stood at the end of turn `upTo`: one line per member state that sent something,
 * then one line for those that sent nothing and one for those nothing was asked of. */
export function helpersList(game: GameState, upTo = game.turns.length): HTMLElement {
  const list = el('ul', { class: 'helpers', 'data-testid': 'helpers' });
  const rows = helperRows(game, upTo);
  const names = (members: string[]) => formatList(members.map((m) => stateName(game.scenario, m)));
  for (const row of rows.filter((r) => r.entries.length > 0)) {
    const item = el('li', { 'data-member': row.member, 'data-help': row.entries.map((e) => `${e.kind}:${e.channel}:${e.day}`).join(' ') }, el('strong', { text: stateName(game.scenario, row.member) }), ': ');
    row.entries.forEach((e, i) => {
      if (i > 0) item.append('; ');
      item.append(helpSymbol(e.kind), ' ', t('help.entry', { what: t(`help.kind.${e.kind}`), channel: t(`help.channel.${e.channel}`), day: formatNumber(e.day) }));
    });
    list.append(item);
  }
  const nothing = rows.filter((r) => r.entries.length === 0 && r.asked).map((r) => r.member);
  const notAsked = rows.filter((r) => !r.asked).map((r) => r.member);
  if (notAsked.length === rows.length) list.append(el('li', { class: 'muted', 'data-testid': 'help-none-yet', text: t('help.noneYet') }));
  else {
    if (nothing.length > 0) list.append(el('li', { 'data-testid': 'help-nothing', 'data-members': nothing.join(' '), text: t('help.nothing', { members: names(nothing) }) }));
    if (notAsked.length > 0) list.append(el('li', { class: 'muted', 'data-testid': 'help-not-asked', 'data-members': notAsked.join(' '), text: t('help.notAsked', { members: names(notAsked) }) }));
  }
  return list;
}

/** The key to the map's symbols and lines. */
export function helpKey(): HTMLElement {
  const kinds: HelpKind[] = ['forces', 'support', 'intelligence', 'political'];
  return el(
    'div',
    { class: 'help-key small muted' },
    ...kinds.map((k) => el('span', {}, helpSymbol(k), ` ${t(`help.kind.${k}`)}`)),
    ...(['alliance', 'bilateral'] as const).map((c) => el('span', {}, channelLine(c), ` ${t(`help.channel.${c}`)}`)),
  );
}

export function helpersSection(game: GameState, upTo = game.turns.length): HTMLElement {
  return el('section', { 'data-testid': 'who-helped' }, el('h3', { text: t('help.heading') }), helpersList(game, upTo), helpKey());
}

/** The debrief's card. */
export function helpersCard(game: GameState): HTMLElement {
  return el('section', { class: 'card', 'data-testid': 'debrief-helpers' }, el('h2', { text: t('help.heading') }), helpersList(game), helpKey());
}
