// A schematic map for scenarios whose states are invented: each state a disc, placed by the
// scenario's own coordinates when it gives them, else on a ring around the player's state. The
// discs take the shape of projected countries, so the scene shades, outlines, hatches, marks and
// hit-tests them exactly as it does real ones. Pure arithmetic, tested in Node.
import type { ProjectedCountry, Rect } from './geo';

export interface SchematicInput {
  /** Every state to draw, by map key (ISO3 or id), the player's first if it is among them. */
  ids: string[];
  /** The state in the middle of the ring (the player's). */
  centre: string | null;
  coords: Record<string, { lon: number; lat: number }>;
}

export interface SchematicNode {
  iso3: string;
  x: number;
  y: number;
  r: number;
}

/** Where each disc goes inside `extent`, and how large it is. */
export function schematicLayout(input: SchematicInput, extent: Rect): SchematicNode[] {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return [];
  const side = Math.min(extent.width, extent.height);
  const r = Math.max(14, Math.min(40, side / (3 * Math.sqrt(ids.length) + 2)));
  const cx = extent.x + extent.width / 2;
  const cy = extent.y + extent.height / 2;
  const placed = ids.filter((id) => input.coords[id]);
  const nodes = new Map<string, SchematicNode>();
  if (placed.length === 1) nodes.set(placed[0]!, { iso3: placed[0]!, x: cx, y: cy, r });
  else if (placed.length > 1) {
    // Longitude shrinks with the cosine of the latitude, as on a globe; then fit, keeping the
    // aspect, inside the extent less a margin for the discs and their names.
    const lat0 = (placed.reduce((s, id) => s + input.coords[id]!.lat, 0) / placed.length) * (Math.PI / 180);
    const raw = placed.map((id) => ({ id, u: input.coords[id]!.lon * Math.cos(lat0), v: -input.coords[id]!.lat }));
    const [uMin, uMax] = [Math.min(...raw.map((p) => p.u)), Math.max(...raw.map((p) => p.u))];
    const [vMin, vMax] = [Math.min(...raw.map((p) => p.v)), Math.max(...raw.map((p) => p.v))];
    const margin = r + 24;
    const scale = Math.min((extent.width - 2 * margin) / Math.max(uMax - uMin, 1e-9), (extent.height - 2 * margin) / Math.max(vMax - vMin, 1e-9));
    for (const p of raw) {
      nodes.set(p.id, { iso3: p.id, x: cx + (p.u - (uMin + uMax) / 2) * scale, y: cy + (p.v - (vMin + vMax) / 2) * scale, r });
    }
  }
  // The rest: the centre state in the middle when it has no place yet, the others on a ring.
  const rest = ids.filter((id) => !nodes.has(id));
  const centre = input.centre && rest.includes(input.centre) && nodes.size === 0 ? input.centre : null;
  if (centre) nodes.set(centre, { iso3: centre, x: cx, y: cy, r });
  const ring = rest.filter((id) => id !== centre);
  const radius = Math.max(0, side / 2 - r - 24);
  ring.forEach((id, i) => {
    // From the top, clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ring.length;
    nodes.set(id, { iso3: id, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), r });
  });
  return ids.map((id) => nodes.get(id)!);
}

/** A disc as a flat ring of points. */
function disc(x: number, y: number, r: number, steps = 40): number[] {
  const ring: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    const a = (2 * Math.PI * i) / steps;
    ring.push(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  return ring;
}

/** The discs as projected countries, larger first (the scene draws larger first). */
export function schematicCountries(input: SchematicInput, names: Record<string, string>, extent: Rect): ProjectedCountry[] {
  return schematicLayout(input, extent).map((n) => ({ iso3: n.iso3, name: names[n.iso3] ?? n.iso3, rings: [disc(n.x, n.y, n.r)], anchor: [n.x, n.y], area: n.r * n.r }));
}
