// The start screen's preview of a scenario, before play: its map and actors, its timeline of
// scripted and chance events in file order, and its objectives. Lookups and wording only.
import { dayOfTurn, type PresetId, type Scenario } from '../engine';
import { INDICATORS } from '../../engine/index';
import type { IndicatorKey } from '../../engine/index';
import { formatList, formatNumber, localize, t, type MessageKey } from '../../ui-kit/i18n';
import type { Country } from '../map/geo';
import type { MapView } from '../map/map-view';
import { previewMapSvg } from '../map/preview-map';
import { theme } from '../../ui-kit/theme';
import { iso3Of, scenarioMapView } from '../view-model';
import { adversaryName, stateName } from '../../ui-kit/scenario-names';
import { el, uid } from '../../ui-kit/dom';
import { blocName } from '../../ui-kit/format';

export type PreviewSection = 'actors' | 'timeline' | 'objectives';

/** Which sections are open; kept across re-renders. A loaded file opens them all. */
export const openSections: Record<PreviewSection, boolean> = { actors: true, timeline: false, objectives: false };

export function openAllSections(): void {
  for (const key of Object.keys(openSections) as PreviewSection[]) openSections[key] = true;
}

export interface TimelineRow {
  id: string;
  /** The when, in words: "Turn 3, day 2" or "20 % chance each turn, turns 3–8 (days 2–7)". */
  when: string;
  /** The what: "Armed attack in Alfaland, severity 3 of 5". */
  what: string;
  headline: string;
  chance: boolean;
}

/** The scenario's events in file order, in the player's language. */
export function timelineRows(scenario: Scenario): TimelineRow[] {
  return scenario.events.map((e) => {
    const when = e.chance
      ? t('preview.chance', {
          probability: formatNumber(e.chance.probability * 100, 1),
          from: e.chance.from,
          to: e.chance.to,
          fromDay: formatNumber(dayOfTurn(scenario, e.chance.from)),
          toDay: formatNumber(dayOfTurn(scenario, e.chance.to)),
        })
      : t('timeline.turn', { turn: e.at ?? 1, day: formatNumber(dayOfTurn(scenario, e.at ?? 1)) });
    const place = e.parties ? formatList(e.parties.map((p) => stateName(scenario, p))) : stateName(scenario, e.place);
    return { id: e.id, when, what: t('preview.event', { kind: t(`event.${e.kind}`), place, severity: e.severity }), headline: localize(e.text), chance: e.chance !== undefined };
  });
}

export interface ObjectiveRow {
  indicator: IndicatorKey;
  weight: number;
  text: string;
}

/** Each weighted indicator with its direction in words, in the indicators' usual order. */
export function objectiveRows(scenario: Scenario): ObjectiveRow[] {
  const rows: ObjectiveRow[] = [];
  for (const indicator of INDICATORS) {
    const weight = scenario.player.objectives[indicator];
    if (weight === undefined || weight === 0) continue;
    const key = `objective.${indicator}.${weight > 0 ? 'more' : 'less'}` as MessageKey;
    rows.push({ indicator, weight, text: t(key, { weight: formatNumber(Math.abs(weight), 2) }) });
  }
  return rows;
}

function swatch(kind: 'member' | 'player' | 'adversary' | 'other', bloc: PresetId): HTMLElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  if (kind === 'member') s.style.background = theme.color[bloc];
  else if (kind === 'other') s.style.background = theme.color.otherState;
  else if (kind === 'player') s.style.border = `3px solid ${theme.color.accent}`;
  else {
    s.style.border = `2px solid ${theme.color.adversary}`;
    s.style.background = `repeating-linear-gradient(45deg, ${theme.color.adversary} 0 2px, transparent 2px 5px)`;
  }
  return s;
}

/** A section with a heading whose button opens and closes it (the disclosure pattern). */
function section(key: PreviewSection, title: string, onToggle: () => void, ...content: HTMLElement[]): HTMLElement {
  const bodyId = uid(`preview-${key}`);
  const open = openSections[key];
  const button = el(
    'button',
    { type: 'button', class: 'disclosure', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': bodyId, 'data-focus': `preview-${key}`, 'data-testid': `preview-${key}-toggle` },
    el('span', { class: 'chevron', 'aria-hidden': 'true', text: open ? '▾' : '▸' }),
    el('span', { text: title }),
  );
  button.addEventListener('click', () => {
    openSections[key] = !openSections[key];
    onToggle();
  });
  // The body scrolls when long: it takes focus so that keyboard users can scroll it too.
  const body = el('div', { id: bodyId, class: 'preview-body', 'data-testid': `preview-${key}`, tabindex: 0, role: 'region', 'aria-label': title, 'data-focus': `preview-${key}-body` }, ...content);
  if (!open) body.hidden = true;
  return el('section', { class: 'preview-section' }, el('h3', {}, button), body);
}

/** The last map drawn for each scenario: re-renders of the start screen reuse it. */
const maps = new WeakMap<Scenario, { key: string; svg: SVGSVGElement }>();

function cachedMap(scenario: Scenario, bloc: PresetId, world: Country[], view: MapView): SVGSVGElement {
  const key = `${bloc}:${world.length}`;
  const hit = maps.get(scenario);
  if (hit && hit.key === key) return hit.svg;
  const svg = previewMapSvg(world, view);
  maps.set(scenario, { key, svg });
  return svg;
}

/** The whole preview for the details panel. `world` is the map's countries (empty before load). */
/** `bloc`: the alliance whose colour the members take under the chosen rule set. */
export function scenarioPreview(scenario: Scenario, bloc: PresetId, world: Country[], onToggle: () => void): HTMLElement {
  // (a) Map and actors.
  const view = scenarioMapView(scenario, { x: 0, y: 0, width: 400, height: 250 }, false, bloc);
  const places = scenario.events.map((e) => iso3Of(scenario, e.place));
  view.focus = [...new Set([...view.focus, ...places])];
  view.pulses = scenario.events.map((e) => ({ iso3: iso3Of(scenario, e.place), lon: e.location?.lon, lat: e.location?.lat, severity: e.severity, fresh: false }));
  const members = scenario.alliance.members.map((id) => stateName(scenario, id));
  const others = scenario.states.filter((s) => !scenario.alliance.members.includes(s.id) && !(scenario.adversary.kind === 'state' && s.id === scenario.adversary.id));
  const adversary = adversaryName(scenario);
  const base = scenario.adversary.kind === 'group' && scenario.adversary.base ? stateName(scenario, scenario.adversary.base) : null;
  const adversaryText =
    scenario.adversary.kind === 'state'
      ? t('preview.adversaryState', { name: adversary })
      : base
        ? t('preview.adversaryGroup', { name: adversary, base })
        : t('preview.adversaryGroupNoBase', { name: adversary });
  const actors = el(
    'ul',
    { class: 'actors', 'data-testid': 'preview-actor-list' },
    el('li', { 'data-actor': 'player' }, swatch('player', bloc), t('preview.player', { state: stateName(scenario, scenario.player.state) })),
    el('li', { 'data-actor': 'members' }, swatch('member', bloc), t('preview.members', { bloc: blocName(bloc), count: members.length, names: formatList(members) })),
    el('li', { 'data-actor': 'adversary' }, swatch('adversary', bloc), adversaryText),
    others.length > 0 ? el('li', { 'data-actor': 'others' }, swatch('other', bloc), t('preview.others', { names: formatList(others.map((s) => localize(s.name))) })) : null,
  );
  // States the world map does not know (a fictional id without an `iso3`) are named, so an
  // author sees why they are not drawn.
  const known = new Set(world.map((c) => c.iso3));
  const missing = world.length > 0 ? scenario.states.filter((s) => !known.has(s.iso3 ?? s.id)) : [];
  if (missing.length > 0) actors.append(el('li', { 'data-actor': 'not-on-map', class: 'muted' }, t('preview.notOnMap', { names: formatList(missing.map((s) => localize(s.name))) })));
  const mapAndActors = el('div', { class: 'preview-actors' }, el('div', { class: 'preview-map-box' }, cachedMap(scenario, bloc, world, view)), actors);

  // (b) Timeline, in file order.
  const rows = timelineRows(scenario);
  const timeline = el('ol', { class: 'preview-timeline' });
  for (const row of rows) {
    timeline.append(
      el(
        'li',
        { 'data-event': row.id, class: row.chance ? 'chance' : 'scripted' },
        el('span', { class: 'when', text: row.when }),
        el('span', { class: 'what', text: row.what }),
        el('span', { class: 'headline small muted', text: row.headline }),
      ),
    );
  }
  const scripted = rows.filter((r) => !r.chance).length;

  // (c) Objectives.
  const weights = objectiveRows(scenario);
  const learning = scenario.learningObjectives.map((o) => localize(o));
  const objectives = [
    el('h4', { text: t('preview.weights') }),
    weights.length > 0
      ? el('ul', { class: 'preview-weights' }, ...weights.map((w) => el('li', { 'data-indicator': w.indicator, 'data-direction': w.weight > 0 ? 'more' : 'less', text: w.text })))
      : el('p', { class: 'muted', text: t('preview.noWeights') }),
    el('h4', { text: t('debrief.objectives') }),
    learning.length > 0 ? el('ul', { class: 'preview-learning' }, ...learning.map((text) => el('li', { text }))) : el('p', { class: 'muted', text: t('preview.noLearning') }),
  ];

  return el(
    'div',
    { class: 'preview', role: 'region', 'aria-label': t('preview.heading'), 'data-testid': 'preview' },
    section('actors', t('preview.actors'), onToggle, mapAndActors),
    section('timeline', t('preview.timeline', { scripted, chance: rows.length - scripted }), onToggle, timeline),
    section('objectives', t('preview.objectives'), onToggle, ...objectives),
  );
}
