// Geography for the crisis map: world-atlas countries projected with a conic equidistant
// projection fitted to the scenario. Pure functions over data, so they are tested in Node.
import { geoArea, geoCentroid, geoConicEquidistant, geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import { ISO3_OF } from 'virtual:world-iso';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position as GeoPosition } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

export interface Country {
  /** ISO 3166-1 alpha-3, or the world-atlas id when there is none. */
  iso3: string;
  name: string;
  /** Exterior rings only, each a polygon of [lon, lat]; largest first. */
  polygons: GeoPosition[][];
  /** Area in steradians of all polygons (draw order: largest first). */
  area: number;
}

export interface ProjectedCountry {
  iso3: string;
  name: string;
  /** Projected exterior rings as flat [x0, y0, x1, y1, ...] arrays. */
  rings: number[][];
  /** Where markers go: the centre of the largest polygon, in pixels. */
  anchor: [number, number] | null;
  area: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads world-atlas's countries topology into countries keyed by ISO alpha-3. */
export function readWorld(topology: unknown): Country[] {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const result: Country[] = [];
  for (const f of collection.features) {
    if (!f.geometry) continue;
    const numeric = f.id === undefined ? undefined : String(f.id);
    const iso3 = (numeric && ISO3_OF[numeric]) || numeric || f.properties.name;
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]);
    const polygons = rings
      .filter((r): r is GeoPosition[] => r !== undefined && r.length > 2)
      .map((ring) => ({ ring, area: geoArea({ type: 'Polygon', coordinates: [ring] }) }))
      .sort((a, b) => b.area - a.area);
    result.push({
      iso3,
      name: f.properties.name,
      polygons: polygons.map((p) => p.ring),
      area: polygons.reduce((sum, p) => sum + p.area, 0),
    });
  }
  return result.sort((a, b) => b.area - a.area);
}

function mainland(country: Country): Feature<Polygon> | null {
  const ring = country.polygons[0];
  return ring ? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } } : null;
}

export interface Framing {
  /** The state the map turns upright around (the player's). */
  center: string | null;
  /** Always in the frame: the player's state, the places of events. */
  must: string[];
  /** In the frame when near the centre: alliance members. */
  near: string[];
  /** In the frame only when not huge (the adversary: Russia's edge, not all of Siberia). */
  optional: string[];
}

const EARTH_KM = 6371;
const NEAR_KM = 4000;

function mainArea(c: Country): number {
  return c.polygons[0] ? geoArea({ type: 'Polygon', coordinates: [c.polygons[0]] }) : 0;
}

/**
 * Which states the frame is fitted to: the must-haves, members within NEAR_KM of the centre
 * (at least the nearest 60 % of them, so a frame around Washington still reaches Europe), and
 * small optional states. Members left out are drawn at the frame's edge by the scene.
 */
export function framedStates(world: Country[], framing: Framing, maxOptionalArea = 0.2): Country[] {
  const byIso = new Map(world.map((c) => [c.iso3, c]));
  const get = (ids: string[]) => ids.map((id) => byIso.get(id)).filter((c): c is Country => c !== undefined);
  const center = framing.center ? byIso.get(framing.center) : undefined;
  const centre = center?.polygons[0] ? geoCentroid({ type: 'Polygon', coordinates: [center.polygons[0]] }) : null;
  let near = get(framing.near);
  if (centre) {
    const withDistance = near
      .map((c) => ({ c, km: c.polygons[0] ? geoDistance(centre, geoCentroid({ type: 'Polygon', coordinates: [c.polygons[0]] })) * EARTH_KM : Infinity }))
      .sort((a, b) => a.km - b.km);
    const keep = Math.ceil(withDistance.length * 0.6);
    near = withDistance.filter((d, i) => i < keep || d.km <= NEAR_KM).map((d) => d.c);
  }
  const optional = get(framing.optional).filter((c) => mainArea(c) < maxOptionalArea);
  return [...new Set([...get(framing.must), ...near, ...optional])];
}

/**
 * A conic equidistant projection turned upright around the framed states' middle and fitted to the
 * framed states' largest polygons (Alaska and overseas departments would otherwise stretch the
 * frame) inside the free part of the screen.
 */
export function fitProjection(world: Country[], framing: Framing, extent: Rect): GeoProjection {
  let shapes = framedStates(world, framing)
    .map(mainland)
    .filter((f): f is Feature<Polygon> => f !== null);
  if (shapes.length === 0) {
    // Nothing known: Europe to Central Asia.
    shapes = [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-10, 35], [-10, 65], [90, 65], [90, 35], [-10, 35]]] } }];
  }
  const collection: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: shapes };
  // Turned upright around the middle of what is framed (the midpoint of the extreme longitudes,
  // not an area-weighted centre that the United States or Russia would pull to themselves).
  const centres = shapes.map((f) => geoCentroid(f));
  const [refLon] = geoCentroid(collection);
  const offsets = centres.map(([x]) => ((x - refLon + 540) % 360) - 180);
  const west = Math.min(...offsets);
  const east = Math.max(...offsets);
  const lon = refLon + (west + east) / 2;
  const lat = centres.reduce((sum, [, y]) => sum + y, 0) / centres.length;
  // A wide frame (across the Atlantic) takes lower standard parallels: a flatter cone bends
  // the far side less.
  const span = east - west;
  const shift = span > 90 ? Math.min(25, (span - 90) / 2) : 0;
  const projection = geoConicEquidistant()
    .rotate([-lon, 0])
    .parallels([Math.max(-80, lat - 12 - shift), Math.min(80, lat + 12 - shift)]);
  const pad = Math.min(extent.width, extent.height) * 0.06;
  projection.fitExtent(
    [
      [extent.x + pad, extent.y + pad],
      [extent.x + extent.width - pad, extent.y + extent.height - pad],
    ],
    collection,
  );
  return projection;
}

/** Projects every country's exterior rings; geoPath cuts rings at the antimeridian for us. */
export function projectWorld(world: Country[], projection: GeoProjection, clip: Rect): ProjectedCountry[] {
  projection.clipExtent([
    [clip.x, clip.y],
    [clip.x + clip.width, clip.y + clip.height],
  ]);
  const out: ProjectedCountry[] = [];
  for (const country of world) {
    const rings: number[][] = [];
    for (const ring of country.polygons) {
      const recorder = new RingRecorder();
      geoPath(projection, recorder)({ type: 'Polygon', coordinates: [ring] });
      for (const r of recorder.rings) if (r.length >= 6) rings.push(r);
    }
    const main = country.polygons[0];
    let anchor: [number, number] | null = null;
    if (main) {
      const c = geoCentroid({ type: 'Polygon', coordinates: [main] });
      const p = projection(c);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) anchor = [p[0], p[1]];
    }
    out.push({ iso3: country.iso3, name: country.name, rings, anchor, area: country.area });
  }
  return out;
}

/** A minimal canvas-path context that records rings as flat point arrays. */
class RingRecorder {
  rings: number[][] = [];
  private current: number[] | null = null;
  moveTo(x: number, y: number): void {
    this.current = [x, y];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push(x, y);
  }
  closePath(): void {
    this.current = null;
  }
  beginPath(): void {
    this.current = null;
  }
  arc(): void {
    // geoPath draws points as arcs; countries have none.
  }
}

/** Point in polygon (even-odd) over a flat ring. */
export function ringContains(ring: number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const xi = ring[i]!;
    const yi = ring[i + 1]!;
    const xj = ring[j]!;
    const yj = ring[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Diagonal hatch segments inside a country's projected rings (even-odd), `gap` pixels apart:
 * the adversary is marked by a pattern, not by colour alone.
 */
export function hatchSegments(rings: number[][], gap: number): [number, number, number, number][] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      const u = ring[i]! + ring[i + 1]!;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
  }
  const segments: [number, number, number, number][] = [];
  for (let c = Math.ceil(lo / gap) * gap; c <= hi; c += gap) {
    const xs: [number, number][] = [];
    for (const ring of rings) {
      const n = ring.length / 2;
      for (let i = 0; i < n; i += 1) {
        const j = (i + 1) % n;
        const x1 = ring[2 * i]!;
        const y1 = ring[2 * i + 1]!;
        const x2 = ring[2 * j]!;
        const y2 = ring[2 * j + 1]!;
        const u1 = x1 + y1;
        const u2 = x2 + y2;
        if (u1 === u2 || (u1 < c) === (u2 < c)) continue;
        const t = (c - u1) / (u2 - u1);
        xs.push([x1 + t * (x2 - x1), y1 + t * (y2 - y1)]);
      }
    }
    xs.sort((a, b) => a[0] - b[0]);
    for (let k = 0; k + 1 < xs.length; k += 2) segments.push([xs[k]![0], xs[k]![1], xs[k + 1]![0], xs[k + 1]![1]]);
  }
  return segments;
}
