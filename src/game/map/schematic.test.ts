import { describe, expect, it } from 'vitest';
import { schematicCountries, schematicLayout } from './schematic';
import { ringContains } from './geo';

const extent = { x: 0, y: 84, width: 664, height: 630 };
const inside = (n: { x: number; y: number; r: number }) =>
  n.x - n.r >= extent.x && n.x + n.r <= extent.x + extent.width && n.y - n.r >= extent.y && n.y + n.r <= extent.y + extent.height;
const apart = (nodes: { x: number; y: number; r: number }[]) => {
  for (let i = 0; i < nodes.length; i += 1) {
    for (let j = i + 1; j < nodes.length; j += 1) expect(Math.hypot(nodes[i]!.x - nodes[j]!.x, nodes[i]!.y - nodes[j]!.y)).toBeGreaterThan(nodes[i]!.r + nodes[j]!.r);
  }
};

describe('schematic map', () => {
  it('puts the player in the middle and the others on a ring when no coordinates are given', () => {
    const nodes = schematicLayout({ ids: ['ALBA', 'BRAN', 'COR', 'DUN', 'ERIS', 'FEN'], centre: 'ALBA', coords: {} }, extent);
    expect(nodes).toHaveLength(6);
    expect(nodes[0]).toMatchObject({ iso3: 'ALBA', x: extent.x + extent.width / 2, y: extent.y + extent.height / 2 });
    const radii = nodes.slice(1).map((n) => Math.hypot(n.x - nodes[0]!.x, n.y - nodes[0]!.y));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 6);
    nodes.forEach((n) => expect(inside(n)).toBe(true));
    apart(nodes);
  });

  it('keeps the scenario’s coordinates in their relative places, north up and east right', () => {
    const coords = { ALBA: { lon: 10, lat: 50 }, BRAN: { lon: 20, lat: 50 }, COR: { lon: 10, lat: 40 } };
    const nodes = schematicLayout({ ids: ['ALBA', 'BRAN', 'COR'], centre: 'ALBA', coords }, extent);
    const [a, b, c] = nodes;
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(b!.y).toBeCloseTo(a!.y, 6);
    expect(c!.y).toBeGreaterThan(a!.y);
    expect(c!.x).toBeCloseTo(a!.x, 6);
    nodes.forEach((n) => expect(inside(n)).toBe(true));
  });

  it('sets states without coordinates on a ring beside those with them', () => {
    const nodes = schematicLayout({ ids: ['ALBA', 'BRAN', 'COR'], centre: 'ALBA', coords: { ALBA: { lon: 0, lat: 0 } } }, extent);
    expect(nodes.map((n) => n.iso3)).toEqual(['ALBA', 'BRAN', 'COR']);
    nodes.forEach((n) => expect(inside(n)).toBe(true));
    apart(nodes);
  });

  it('draws discs the scene can hit-test like countries', () => {
    const [country] = schematicCountries({ ids: ['ALBA'], centre: 'ALBA', coords: {} }, { ALBA: 'Alba' }, extent);
    expect(country!.name).toBe('Alba');
    const [x, y] = country!.anchor!;
    expect(ringContains(country!.rings[0]!, x, y)).toBe(true);
    expect(ringContains(country!.rings[0]!, x + 200, y)).toBe(false);
  });

  it('draws nothing for no states', () => {
    expect(schematicLayout({ ids: [], centre: null, coords: {} }, extent)).toEqual([]);
  });
});
