import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fitProjection, framedStates, hatchSegments, projectWorld, readWorld, ringContains } from './geo';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));

describe('map geography', () => {
  const world = readWorld(topology);
  const extent = { x: 0, y: 0, width: 900, height: 700 };

  it('keys countries by ISO alpha-3', () => {
    const ids = new Set(world.map((c) => c.iso3));
    for (const id of ['EST', 'RUS', 'USA', 'KAZ', 'CHN', 'IND', 'TUR']) expect(ids.has(id), id).toBe(true);
  });

  it('fits the focus states inside the extent and finds them by their anchor', () => {
    const projection = fitProjection(world, { center: 'EST', must: ['EST'], near: ['LVA', 'LTU', 'POL', 'FIN', 'USA', 'CAN'], optional: ['RUS'] }, extent);
    const projected = projectWorld(world, projection, extent);
    const est = projected.find((c) => c.iso3 === 'EST');
    expect(est?.anchor).not.toBeNull();
    const [x, y] = est!.anchor!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(900);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(700);
    expect(est!.rings.some((r) => ringContains(r, x, y))).toBe(true);
  });

  it('frames the crisis neighbourhood and leaves far members to the edge', () => {
    const framed = framedStates(world, { center: 'EST', must: ['EST'], near: ['LVA', 'LTU', 'POL', 'FIN', 'DEU', 'USA'], optional: ['RUS'] }).map((c) => c.iso3);
    expect(framed).toContain('DEU');
    expect(framed).not.toContain('USA');
    expect(framed).not.toContain('RUS');
  });

  it('cuts Russia at the antimeridian instead of smearing it across the map', () => {
    const projection = fitProjection(world, { center: 'KAZ', must: ['KAZ'], near: ['CHN', 'RUS', 'IND'], optional: [] }, extent);
    const rus = projectWorld(world, projection, extent).find((c) => c.iso3 === 'RUS')!;
    for (const ring of rus.rings) {
      for (let i = 2; i < ring.length; i += 2) {
        expect(Math.abs(ring[i]! - ring[i - 2]!)).toBeLessThan(450);
      }
    }
  });

  it('hatches inside a shape only', () => {
    const square = [[0, 0, 100, 0, 100, 100, 0, 100]];
    const segments = hatchSegments(square, 20);
    expect(segments.length).toBeGreaterThan(5);
    for (const [x1, y1, x2, y2] of segments) {
      for (const v of [x1, y1, x2, y2]) {
        expect(v).toBeGreaterThanOrEqual(-1e-9);
        expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }
      expect(x1 + y1).toBeCloseTo(x2 + y2);
    }
  });
});
