// The crisis map. It draws a MapView and nothing else: no rule, no engine call.
// Phaser 4 re-triangulates Graphics paths every frame, and with software WebGL every full-screen
// layer costs a lot: so the base map is baked once into a texture, and each view is composed
// (base map, outlines, markers, labels) into one displayed RenderTexture. Only event pulses stay
// live, and the game loop sleeps whenever nothing moves. The geometry (d3-geo and the world's
// codes) is fetched beside the world's data, after the first frame, which draws no map.
import * as Phaser from 'phaser';
import worldUrl from 'world-atlas/countries-110m.json?url';
import type { Country, ProjectedCountry } from '../map/geo';
import type { MapHelp, MapView } from '../map/map-view';
import { hex, positionStyle, theme } from '../../ui-kit/theme';
import type { GeoProjection } from 'd3-geo';

export const MAP_READY_EVENT = 'map-ready';

type Geometry = typeof import('../map/geometry');

export class MapScene extends Phaser.Scene {
  private world: Country[] = [];
  /** The map's geometry, once loaded (null before, or if it could not be: the map stays blank). */
  private geometry: Geometry | null = null;
  private geometryLoad: Promise<Geometry | null> = Promise.resolve(null);
  private projected: ProjectedCountry[] = [];
  private projection: GeoProjection | null = null;
  /** The baked base map (not displayed itself). */
  private baseMap: Phaser.Textures.DynamicTexture | null = null;
  /** The one full-screen layer on screen: base map plus this view's markers. */
  private surface: Phaser.GameObjects.RenderTexture | null = null;
  private live: Phaser.GameObjects.GameObject[] = [];
  private view: MapView | null = null;
  /** Labels made for the current view, drawn into the surface and then destroyed. */
  private pendingLabels: Phaser.GameObjects.Text[] = [];
  private bakedKey = '';
  private reducedMotion = false;
  /** Frames drawn since anything last changed; the loop sleeps when the map is still. */
  private idleFrames = 0;
  /** Called with a state's ISO3 (or null) when the pointer moves over the map. */
  onHover: ((iso3: string | null, x: number, y: number) => void) | null = null;

  constructor() {
    super('MapScene');
  }

  preload(): void {
    this.load.json('world', worldUrl);
    // Asked for once the frame being drawn is out: it shows no map, and would only share the
    // machine with the geometry's fetch and compile.
    const drawn = new Promise<void>((resolve) => this.game.events.once(Phaser.Core.Events.POST_RENDER, () => resolve()));
    this.geometryLoad = drawn.then(() => import('../map/geometry')).catch((error: unknown) => {
      // The game still plays without its map: the panels say everything in text.
      console.error('the map could not be loaded', error);
      return null;
    });
  }

  create(): void {
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.cameras.main.setBackgroundColor(theme.color.ground);
    this.scale.on('resize', () => this.redraw(true));
    // Hover and clicks are read from the canvas directly: hit-testing is arithmetic over the
    // projected rings, so the sleeping game loop need not wake for the pointer.
    const canvas = this.game.canvas;
    canvas.addEventListener('pointermove', (event) => {
      const box = canvas.getBoundingClientRect();
      const x = event.clientX - box.left;
      const y = event.clientY - box.top;
      this.onHover?.(this.hitTest(x, y), x, y);
    });
    canvas.addEventListener('pointerleave', () => this.onHover?.(null, 0, 0));
    canvas.addEventListener('pointerdown', () => {
      // A click on the map takes focus away from a DOM button, so keys go back to the page.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.tagName === 'BUTTON') active.blur();
    });
    window.addEventListener('resize', () => this.wake());
    void this.geometryLoad.then((geometry) => {
      this.geometry = geometry;
      if (geometry) this.world = geometry.readWorld(this.cache.json.get('world'));
      this.game.events.emit(MAP_READY_EVENT, this);
      if (this.view) this.redraw(true);
    });
  }

  override update(): void {
    if (this.tweens.getTweens().length > 0) this.idleFrames = 0;
    else if (++this.idleFrames > 4) this.game.loop.sleep();
  }

  wake(): void {
    this.idleFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  show(view: MapView): void {
    this.wake();
    this.view = view;
    if (this.sys.isActive() && this.world.length > 0) this.redraw(false);
  }

  /** The world's countries once loaded (empty before): the start screen's preview draws them too. */
  countries(): Country[] {
    return this.world;
  }

  /** The state's ISO3 under a screen point, among the scenario's states. */
  hitTest(x: number, y: number): string | null {
    const names = this.view?.names ?? {};
    const geometry = this.geometry;
    if (!geometry) return null;
    for (const c of this.projected) {
      if (!(c.iso3 in names)) continue;
      if (c.rings.some((r) => geometry.ringContains(r, x, y))) return c.iso3;
    }
    return null;
  }

  private redraw(force: boolean): void {
    const view = this.view;
    const geometry = this.geometry;
    if (!view || !geometry) return;
    const { width, height } = this.scale;
    const key = JSON.stringify([view.focus, view.extent, view.members, view.bloc, view.others, view.player, view.adversary, view.dim, view.coords, Object.keys(view.names), width, height]);
    if (force || key !== this.bakedKey) {
      this.bakedKey = key;
      this.bake(geometry, view, width, height);
    }
    this.drawLive(view);
  }

  /**
   * The part of the screen the map's textures cover: the free area during a crisis (the panels
   * hide the rest), the whole screen behind the start screen and the debrief. Smaller textures
   * are cheaper frames with software WebGL.
   */
  private area(view: MapView): { x: number; y: number; width: number; height: number } {
    const { width, height } = this.scale;
    if (view.dim) return { x: 0, y: 0, width, height };
    const e = view.extent;
    const x = Math.max(0, Math.floor(e.x));
    const y = Math.max(0, Math.floor(e.y));
    return { x, y, width: Math.max(1, Math.min(width - x, Math.ceil(e.width))), height: Math.max(1, Math.min(height - y, Math.ceil(e.height))) };
  }

  /** A scenario whose player's state is not on the world map has invented states: its map is
   * a schematic of the actors, never an empty world. */
  private isSchematic(view: MapView): boolean {
    return view.player !== null && view.player !== '' && this.world.length > 0 && !this.world.some((c) => c.iso3 === view.player);
  }

  private bake(geometry: Geometry, view: MapView, width: number, height: number): void {
    const { fitProjection, hatchSegments, projectWorld, schematicCountries } = geometry;
    const schematic = this.isSchematic(view);
    if (schematic) {
      this.projection = null;
      const ids = [view.player!, ...Object.keys(view.names).filter((id) => id !== view.player)];
      this.projected = schematicCountries({ ids, centre: view.player, coords: view.coords }, view.names, view.extent);
    } else {
      this.projection = fitProjection(this.world, { center: view.player, must: view.focus, near: view.members, optional: view.adversary ? [view.adversary] : [] }, view.extent);
      this.projected = projectWorld(this.world, this.projection, { x: 0, y: 0, width, height });
    }
    // For the browser tests and assistive tools: which kind of map is drawn, and of how many states.
    this.game.canvas.dataset.mapMode = schematic ? 'schematic' : 'world';
    this.game.canvas.dataset.mapStates = String(schematic ? this.projected.length : Object.keys(view.names).filter((id) => this.projected.some((c) => c.iso3 === id)).length);
    if (this.textures.exists('basemap')) this.textures.remove('basemap');
    const area = this.area(view);
    this.baseMap = this.textures.addDynamicTexture('basemap', area.width, area.height);
    const g = this.make.graphics({ x: -area.x, y: -area.y }, false);
    const members = new Set(view.members);
    const others = new Set(view.others);
    const bloc = hex(view.bloc ?? 'nato');
    g.fillStyle(hex('ground'), 1).fillRect(0, 0, width, height);
    // Largest first (readWorld sorts), so small states drawn later are not hidden; holes are skipped.
    for (const c of this.projected) {
      const fill = members.has(c.iso3) ? bloc : others.has(c.iso3) ? hex('otherState') : hex('land');
      const alpha = view.dim ? 0.55 : members.has(c.iso3) ? 0.78 : 1;
      g.fillStyle(fill, alpha);
      g.lineStyle(1, hex('landEdge'), view.dim ? 0.5 : 0.9);
      for (const ring of c.rings) {
        g.beginPath();
        g.moveTo(ring[0]!, ring[1]!);
        for (let i = 2; i < ring.length; i += 2) g.lineTo(ring[i]!, ring[i + 1]!);
        g.closePath();
        g.fillPath();
        g.strokePath();
      }
    }
    if (!view.dim) {
      // The adversary: a red hatch and outline, so it never rests on colour alone.
      const adversary = view.adversary ? this.projected.find((c) => c.iso3 === view.adversary) : undefined;
      if (adversary) {
        g.lineStyle(1.5, hex('adversary'), 0.55);
        for (const [x1, y1, x2, y2] of hatchSegments(adversary.rings, 12)) g.lineBetween(x1, y1, x2, y2);
      }
      this.outline(g, view.adversary, hex('adversary'), 2);
      this.outline(g, view.player, hex('accent'), 3);
    }
    this.baseMap?.draw(g);
    this.baseMap?.render();
    g.destroy();
  }

  private outline(g: Phaser.GameObjects.Graphics, iso3: string | null, color: number, widthPx: number): void {
    const c = iso3 ? this.projected.find((p) => p.iso3 === iso3) : undefined;
    if (!c) return;
    g.lineStyle(widthPx, color, 1);
    for (const ring of c.rings) {
      g.beginPath();
      g.moveTo(ring[0]!, ring[1]!);
      for (let i = 2; i < ring.length; i += 2) g.lineTo(ring[i]!, ring[i + 1]!);
      g.closePath();
      g.strokePath();
    }
  }

  private ringTexture(): string {
    const key = 'pulse-ring';
    if (!this.textures.exists(key)) {
      const size = 64;
      const g = this.make.graphics({}, false);
      g.lineStyle(5, hex('adversary'), 1).strokeCircle(size / 2, size / 2, size / 2 - 4);
      g.generateTexture(key, size, size);
      g.destroy();
    }
    return key;
  }

  private anchorOf(iso3: string): [number, number] | null {
    return this.projected.find((c) => c.iso3 === iso3)?.anchor ?? null;
  }

  private drawLive(view: MapView): void {
    for (const o of this.live) o.destroy();
    this.live = [];
    const area = this.area(view);
    if (!this.surface || this.surface.width !== area.width || this.surface.height !== area.height) {
      this.surface?.destroy();
      this.surface = this.add.renderTexture(area.x, area.y, area.width, area.height).setOrigin(0, 0).setDepth(0);
    }
    this.surface.setPosition(area.x, area.y);
    const surface = this.surface;
    surface.clear();
    surface.stamp('basemap', undefined, 0, 0, { originX: 0, originY: 0 });
    this.pendingLabels = [];
    if (view.dim) {
      surface.render();
      return;
    }
    const g = this.make.graphics({ x: -area.x, y: -area.y }, false);

    // The adversary: a red disc with a white cross, so it never rests on colour alone.
    const adv = view.adversary ? this.adversaryPoint(view) : null;
    if (adv) {
      const [x, y] = adv;
      g.fillStyle(hex('adversary'), 1).fillCircle(x, y, 12);
      g.lineStyle(3, 0xffffff, 1);
      g.lineBetween(x - 5, y - 5, x + 5, y + 5).lineBetween(x - 5, y + 5, x + 5, y - 5);
      this.label(x, y + 16, view.names[view.adversary!] ?? view.adversary!, theme.color.adversary);
    }

    // Events: old ones a small dot, this turn's a pulsing ring.
    for (const pulse of view.pulses) {
      let point: [number, number] | null = null;
      if (pulse.lon !== undefined && pulse.lat !== undefined && this.projection) {
        const p = this.projection([pulse.lon, pulse.lat]);
        if (p) point = [p[0], p[1]];
      }
      point ??= this.anchorOf(pulse.iso3);
      if (!point) continue;
      const [x, y] = point;
      if (!pulse.fresh) {
        g.fillStyle(hex('adversary'), 0.7).fillCircle(x, y, 4);
        continue;
      }
      const radius = 8 + pulse.severity * 4;
      // An image of a ring, made once: a stroked Shape would be re-triangulated every frame.
      const ring = this.add.image(x, y, this.ringTexture()).setDisplaySize(radius * 2, radius * 2).setDepth(2);
      this.live.push(ring);
      g.fillStyle(hex('adversary'), 1).fillCircle(x, y, 5);
      if (!this.reducedMotion) {
        const base = ring.scale;
        ring.setScale(base * 0.4);
        this.tweens.add({ targets: ring, scale: base * 1.6, alpha: 0, duration: 900, repeat: 1, ease: 'Sine.easeOut' });
      }
    }

    // Members' positions: a coloured disc with a drawn symbol (check, cross, dash, ring).
    const e = view.extent;
    const edgeSpots: [number, number][] = [];
    const spots = new Map<string, [number, number]>();
    for (const m of view.markers) {
      const a = this.anchorOf(m.iso3);
      if (!a) continue;
      let [x, y] = a;
      const outside = x < e.x + 14 || x > e.x + e.width - 14 || y < e.y + 14 || y > e.y + e.height - 14;
      if (outside) {
        // A member beyond the frame: its marker waits at the edge, with its name.
        x = Math.min(Math.max(x, e.x + 16), e.x + e.width - 16);
        y = Math.min(Math.max(y, e.y + 16), e.y + e.height - 16);
        // Several far members can land on one spot: step along the edge until it is free.
        const onSide = x <= e.x + 16 || x >= e.x + e.width - 16;
        while (edgeSpots.some(([sx, sy]) => Math.abs(sx - x) < 60 && Math.abs(sy - y) < 40)) {
          if (onSide) y += 44;
          else x += 110;
        }
        edgeSpots.push([x, y]);
        this.label(x, y + 12, view.names[m.iso3] ?? m.iso3, theme.color.inkMuted, e);
      }
      spots.set(m.iso3, [x, y]);
      const style = positionStyle[m.position];
      g.fillStyle(hex('groundSunken'), 0.9).fillCircle(x, y, 11);
      g.fillStyle(hex(style.color), 1).fillCircle(x, y, 9);
      g.lineStyle(2.5, hex('groundSunken'), 1);
      if (m.position === 'support') g.lineBetween(x - 4.5, y, x - 1, y + 4).lineBetween(x - 1, y + 4, x + 5, y - 4);
      else if (m.position === 'object') g.lineBetween(x - 4, y - 4, x + 4, y + 4).lineBetween(x - 4, y + 4, x + 4, y - 4);
      else if (m.position === 'abstain') g.lineBetween(x - 5, y, x + 5, y);
      else g.strokeCircle(x, y, 3.5);
    }

    const player = view.player ? this.anchorOf(view.player) : null;
    if (player) this.drawHelpers(g, view.helpers, player, spots, e);
    if (this.isSchematic(view)) {
      // No coastline to recognise a state by: every disc carries its name.
      for (const c of this.projected) {
        if (c.iso3 === view.player || c.iso3 === view.adversary || !c.anchor) continue;
        const r = Math.sqrt(c.area);
        this.label(c.anchor[0], c.anchor[1] + r + 2, view.names[c.iso3] ?? c.iso3, theme.color.ink, e);
      }
    }
    if (player) {
      this.label(player[0], player[1] - 30, view.names[view.player!] ?? view.player!, theme.color.accent);
    }
    surface.draw(g);
    for (const label of this.pendingLabels) {
      label.x -= area.x;
      label.y -= area.y;
      surface.draw(label);
    }
    surface.render();
    g.destroy();
    for (const label of this.pendingLabels) label.destroy();
    this.pendingLabels = [];
  }

  /**
   * Help sent to the player's state: a line from the helper to the player (solid through the
   * alliance, dashed bilaterally) and a symbol by the helper's position marker (triangle forces,
   * square support, diamond intelligence, dot political support; helpers-panel.ts draws the key).
   */
  private drawHelpers(g: Phaser.GameObjects.Graphics, helpers: MapHelp[], player: [number, number], spots: Map<string, [number, number]>, e: { x: number; y: number; width: number; height: number }): void {
    const colour = hex('support');
    for (const h of helpers) {
      const anchor = spots.get(h.iso3) ?? this.anchorOf(h.iso3);
      if (!anchor) continue;
      const x = Math.min(Math.max(anchor[0], e.x + 16), e.x + e.width - 16);
      const y = Math.min(Math.max(anchor[1], e.y + 16), e.y + e.height - 16);
      g.lineStyle(2, colour, 0.6);
      const dx = player[0] - x;
      const dy = player[1] - y;
      const length = Math.hypot(dx, dy);
      // Political support travels no line: only what is sent is drawn going somewhere.
      if (h.kind === 'political') {
        // no line
      } else if (h.channel === 'alliance') g.lineBetween(x, y, player[0], player[1]);
      else {
        for (let d = 0; d < length; d += 12) {
          const end = Math.min(length, d + 7);
          g.lineBetween(x + (dx * d) / length, y + (dy * d) / length, x + (dx * end) / length, y + (dy * end) / length);
        }
      }
      // The symbol sits above and to the right of the position marker.
      const sx = x + 15;
      const sy = y - 15;
      g.fillStyle(hex('groundSunken'), 1).fillCircle(sx, sy, 9);
      g.fillStyle(colour, 1);
      if (h.kind === 'forces') g.fillTriangle(sx, sy - 7, sx + 7, sy + 6, sx - 7, sy + 6);
      else if (h.kind === 'support') g.fillRect(sx - 5.5, sy - 5.5, 11, 11);
      else if (h.kind === 'intelligence') g.fillTriangle(sx, sy - 7, sx + 7, sy, sx - 7, sy).fillTriangle(sx, sy + 7, sx + 7, sy, sx - 7, sy);
      else g.fillCircle(sx, sy, 4.5);
    }
    this.game.canvas.dataset.mapHelpers = helpers.map((h) => `${h.iso3}:${h.kind}:${h.channel}`).join(' ');
  }

  /**
   * Where the adversary's icon goes: its centre when that is in the frame, else the point of its
   * territory in the frame nearest the player (Russia's centre lies far beyond a Baltic frame).
   */
  private adversaryPoint(view: MapView): [number, number] | null {
    const e = view.extent;
    const inside = (x: number, y: number, margin: number) => x > e.x + margin && x < e.x + e.width - margin && y > e.y + margin && y < e.y + e.height - margin;
    const anchor = this.anchorOf(view.adversary!);
    if (anchor && inside(anchor[0], anchor[1], 20)) return anchor;
    const country = this.projected.find((c) => c.iso3 === view.adversary);
    const target = (view.player ? this.anchorOf(view.player) : null) ?? [e.x + e.width / 2, e.y + e.height / 2];
    let best: [number, number] | null = null;
    let bestDistance = Infinity;
    for (const ring of country?.rings ?? []) {
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i]!;
        const y = ring[i + 1]!;
        if (!inside(x, y, 30)) continue;
        const d = (x - target[0]) ** 2 + (y - target[1]) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = [x, y];
        }
      }
    }
    if (!best) return anchor ? [Math.min(Math.max(anchor[0], e.x + 20), e.x + e.width - 20), Math.min(Math.max(anchor[1], e.y + 20), e.y + e.height - 20)] : null;
    // Step 56 px into the adversary's side, away from the player.
    const dx = best[0] - target[0];
    const dy = best[1] - target[1];
    const length = Math.hypot(dx, dy) || 1;
    return [best[0] + (dx / length) * 56, best[1] + (dy / length) * 56];
  }

  private label(x: number, y: number, text: string, color: string, keepInside?: { x: number; width: number }): void {
    const t = this.make
      .text({ x, y, text, add: false, style: {
        fontFamily: theme.font.family,
        fontSize: `${theme.font.size.mapLabel}px`,
        color,
        stroke: theme.color.groundSunken,
        strokeThickness: 4,
      } })
      .setOrigin(0.5, 0);
    if (keepInside) {
      const half = t.width / 2;
      t.x = Math.min(Math.max(t.x, keepInside.x + half + 2), keepInside.x + keepInside.width - half - 2);
    }
    this.pendingLabels.push(t);
  }
}
