// A small, still picture of a MapView for the start screen's preview: the same framing
// (fitProjection over the player, the events' places, the members and the adversary) and the
// same shading as the crisis map, drawn as SVG inside the details panel. The Phaser map is one
// full-screen layer under the panels; a picture in the panel scrolls with it and costs no frame.
// No rule here: the view comes from the view model.
import { fitProjection, hatchSegments, projectWorld, type Country, type ProjectedCountry } from './geo';
import { schematicCountries } from './schematic';
import type { MapView } from './map-view';
import { theme } from '../../ui-kit/theme';
import { svg } from '../../ui-kit/dom';

const round = (n: number) => Math.round(n * 10) / 10;

function pathOf(rings: number[][]): string {
  let d = '';
  for (const ring of rings) {
    d += `M${round(ring[0]!)} ${round(ring[1]!)}`;
    for (let i = 2; i < ring.length; i += 2) d += `L${round(ring[i]!)} ${round(ring[i + 1]!)}`;
    d += 'Z';
  }
  return d;
}

/** The preview map as an SVG element `width`×`height` units wide (it scales with its box). */
export function previewMapSvg(world: Country[], view: MapView, width = 400, height = 250): SVGSVGElement {
  const extent = { x: 0, y: 0, width, height };
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'preview-map', 'aria-hidden': 'true', focusable: 'false' });
  root.append(svg('rect', { x: 0, y: 0, width, height, fill: theme.color.ground }));
  if (world.length === 0) return root;
  // Invented states: the same schematic of discs the crisis map draws.
  const schematic = view.player !== null && view.player !== '' && !world.some((c) => c.iso3 === view.player);
  const projection = schematic ? null : fitProjection(world, { center: view.player, must: view.focus, near: view.members, optional: view.adversary ? [view.adversary] : [] }, extent);
  const projected: ProjectedCountry[] = projection
    ? projectWorld(world, projection, extent)
    : schematicCountries({ ids: [view.player!, ...Object.keys(view.names).filter((id) => id !== view.player)], centre: view.player, coords: view.coords }, view.names, extent);
  root.dataset.mapMode = schematic ? 'schematic' : 'world';
  const members = new Set(view.members);
  const others = new Set(view.others);
  const bloc = theme.color[view.bloc ?? 'nato'];
  for (const c of projected) {
    if (c.rings.length === 0) continue;
    const member = members.has(c.iso3);
    root.append(
      svg('path', {
        d: pathOf(c.rings),
        fill: member ? bloc : others.has(c.iso3) ? theme.color.otherState : theme.color.land,
        'fill-opacity': member ? 0.78 : 1,
        'fill-rule': 'evenodd',
        stroke: theme.color.landEdge,
        'stroke-width': 0.6,
        'data-iso3': c.iso3,
        'data-role': member ? 'member' : others.has(c.iso3) ? 'other' : 'land',
      }),
    );
  }
  const adversary = view.adversary ? projected.find((c) => c.iso3 === view.adversary && c.rings.length > 0) : undefined;
  if (adversary) {
    // A hatch and an outline, so the adversary never rests on colour alone.
    const hatch = svg('g', { stroke: theme.color.adversary, 'stroke-opacity': 0.6, 'stroke-width': 1, 'data-role': 'adversary' });
    for (const [x1, y1, x2, y2] of hatchSegments(adversary.rings, 7)) hatch.append(svg('line', { x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) }));
    root.append(hatch, svg('path', { d: pathOf(adversary.rings), fill: 'none', stroke: theme.color.adversary, 'stroke-width': 1.5 }));
  }
  const player = view.player ? projected.find((c) => c.iso3 === view.player && c.rings.length > 0) : undefined;
  if (player) root.append(svg('path', { d: pathOf(player.rings), fill: 'none', stroke: theme.color.accent, 'stroke-width': 2.5, 'data-role': 'player' }));

  // The events' places: a small red dot each.
  const anchor = (iso3: string) => projected.find((c) => c.iso3 === iso3)?.anchor ?? null;
  const inside = ([x, y]: [number, number], margin: number) => x > margin && x < width - margin && y > margin && y < height - margin;
  for (const pulse of view.pulses) {
    let point: [number, number] | null = null;
    if (pulse.lon !== undefined && pulse.lat !== undefined && projection) {
      const p = projection([pulse.lon, pulse.lat]);
      if (p) point = [p[0], p[1]];
    }
    point ??= anchor(pulse.iso3);
    if (!point || !inside(point, 2)) continue;
    root.append(svg('circle', { cx: round(point[0]), cy: round(point[1]), r: 3.5, fill: theme.color.adversary, stroke: theme.color.groundSunken, 'stroke-width': 1, 'data-role': 'event' }));
  }
  // The adversary's icon where its centre is in the frame: a red disc with a white cross.
  const a = view.adversary ? anchor(view.adversary) : null;
  if (a && inside(a, 10)) {
    const [x, y] = [round(a[0]), round(a[1])];
    root.append(
      svg(
        'g',
        { 'data-role': 'adversary-icon' },
        svg('circle', { cx: x, cy: y, r: 8, fill: theme.color.adversary }),
        svg('path', { d: `M${x - 3.5} ${y - 3.5}L${x + 3.5} ${y + 3.5}M${x - 3.5} ${y + 3.5}L${x + 3.5} ${y - 3.5}`, stroke: '#ffffff', 'stroke-width': 2 }),
      ),
    );
  }
  return root;
}
