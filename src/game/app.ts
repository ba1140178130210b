// The app: which screen is up, the game being played, saving after every turn. Screens are DOM
// overlays over the map; the MapScene draws what the screen hands it.
import type { MapScene } from './scenes/MapScene';
import { isPackId, newGame, playTurn, type GameState, type IntentId, type PackId, type RuleId, type Scenario } from './engine';
import { loadAssigned, loadShipped, type Loaded } from './scenarios';
import { clearSaved, loadSaved, saveGame, type Saved } from './storage';
import { blocColor, blocDeep, theme } from './theme';
import { renderGlossary, revealRule, type GlossaryContext, type GlossaryState } from './ui/glossary';
import { readAssignment, type Assignment } from './assignment';
import { onLanguageChange, t } from './i18n';
import { ensureFonts } from './fonts';
import { clear } from './ui/dom';
import { renderStart, type StartState } from './ui/start-screen';
import { renderCrisis } from './ui/crisis-screen';
import { renderDebrief } from './ui/debrief-screen';
import { renderSources, type SourcesState } from './ui/research-panel';
import { NO_INTEGRATIONS, type Integrations } from './ui/integration-notes';
import { assignmentSearch, readPackageConfig } from './lms/package-config';
import { scenarioMapView } from './view-model';
import type { Rect } from './map/geo';

export type Screen = 'start' | 'crisis' | 'debrief';

export interface Layout {
  width: number;
  height: number;
  bandH: number;
  panelW: number;
  timelineH: number;
  /** The free part of the screen for the map during a crisis. */
  mapExtent: Rect;
}

export class App {
  screen: Screen = 'start';
  session: Saved | null = null;
  shipped: Loaded[] = [];
  assignment: Assignment = { scenario: null, rules: null, seed: null, pack: null, lock: false };
  start_: StartState = { selected: null, extra: null, rules: null, lab: null, seed: null, pack: null, player: '', error: null, assigned: null, notice: null };
  /** The rulebook glossary, when open. */
  glossary: GlossaryState | null = null;
  /** The debrief's list of research sources, when open. */
  sources: SourcesState | null = null;
  /** The rule set the debrief's counterfactual replays under, once the student picks one. */
  replayRules: string | null = null;
  /** A fresh game shows its briefing first; a resumed one does not. */
  showBriefing = false;
  /** A played turn picked on the timeline for review, or null for the latest. */
  reviewTurn: number | null = null;
  /** Offline use, a waiting update and the LMS, as the screens tell them (set by boot.ts). */
  integrations: Integrations = NO_INTEGRATIONS;
  /** After a turn the panel scrolls back to the news of what happened. */
  private newsFirst = false;

  constructor(
    readonly map: MapScene,
    readonly ui: HTMLElement,
  ) {}

  async start(): Promise<void> {
    // In an LMS package the instructor's assignment is written into the page (src/game/lms/).
    this.assignment = readAssignment(assignmentSearch(readPackageConfig(document), window.location.search));
    this.shipped = await loadShipped();
    if (this.assignment.scenario) {
      try {
        const assigned = await loadAssigned(this.assignment.scenario, this.shipped);
        if (this.assignment.lock || !assigned.ok) this.start_.assigned = assigned;
        else if (this.shipped.includes(assigned)) this.start_.selected = assigned.scenario.id;
        else {
          // An unlocked link to a scenario elsewhere: offered like a loaded file, other choices stay open.
          this.start_.extra = assigned;
          this.start_.selected = 'extra';
        }
      } catch (error) {
        this.start_.error = { source: this.assignment.scenario, message: error instanceof Error ? error.message : String(error) };
      }
    }
    const loaded = loadSaved();
    const saved = loaded.saved;
    if (loaded.notice) this.start_.notice = loaded.notice;
    if (saved && this.matchesAssignment(saved.game)) {
      this.session = saved;
      this.screen = saved.game.result ? 'debrief' : 'crisis';
    }
    // A new language may need new font faces (Cyrillic, Kazakh letters) before text is drawn.
    onLanguageChange((lang) => void ensureFonts(lang).then(() => this.render()));
    window.addEventListener('resize', () => this.render());
    this.render();
  }

  private matchesAssignment(game: GameState): boolean {
    const a = this.assignment;
    if (!a.scenario) return true;
    const assigned = this.start_.assigned;
    const id = assigned?.ok ? assigned.scenario.id : this.start_.extra?.ok ? this.start_.extra.scenario.id : this.start_.selected;
    if (id !== game.scenario.id) return false;
    // A pack the link names but the engine does not know is ignored, as the start screen ignores it.
    const pack = a.pack !== null && isPackId(a.pack) ? a.pack : null;
    return (a.rules === null || a.rules === game.rules) && (a.seed === null || a.seed === game.seed) && (pack === null || pack === game.pack);
  }

  layout(): Layout {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const panelW = width < 1100 ? 360 : width < 1600 ? 420 : 500;
    const bandH = 84;
    const timelineH = 54;
    return { width, height, bandH, panelW, timelineH, mapExtent: { x: 0, y: bandH, width: width - panelW, height: height - bandH - timelineH } };
  }

  render(): void {
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focus;
    const scroll = [...this.ui.querySelectorAll<HTMLElement>('[data-scroll]')].map((e) => [e.dataset.scroll, e.scrollTop] as const);
    const layout = this.layout();
    const root = document.documentElement;
    root.style.setProperty('--band-h', `${layout.bandH}px`);
    root.style.setProperty('--panel-w', `${layout.panelW}px`);
    root.style.setProperty('--timeline-h', `${layout.timelineH}px`);
    document.title = t('app.title');
    // The bloc colour of the rule set being played marks the main buttons; NATO blue elsewhere.
    const game = this.screen !== 'start' ? this.session?.game : undefined;
    const bloc = game ? blocColor(game.rules, game.scenario.ruleSets) : 'nato';
    document.body.style.setProperty('--c-bloc', theme.color[bloc]);
    document.body.style.setProperty('--c-bloc-deep', theme.color[blocDeep(bloc)]);
    document.body.dataset.bloc = bloc;
    clear(this.ui);
    const full: Rect = { x: 0, y: 0, width: layout.width, height: layout.height };
    if (this.screen === 'start' || !this.session) {
      this.screen = 'start';
      renderStart(this, this.ui);
      const shown = this.startScenario();
      this.map.show(scenarioMapView(shown ?? emptyScenarioShape, full, true, shown && this.start_.rules ? blocColor(this.start_.rules, shown.ruleSets) : null));
    } else if (this.screen === 'crisis') {
      renderCrisis(this, this.ui, layout);
    } else {
      renderDebrief(this, this.ui);
      const played = this.session.game;
      this.map.show(scenarioMapView(played.scenario, full, true, blocColor(played.rules, played.scenario.ruleSets)));
    }
    const glossary = this.glossary;
    if (glossary) this.ui.append(renderGlossary(this, glossary));
    const sources = this.screen === 'debrief' ? this.sources : null;
    if (sources) this.ui.append(renderSources(this));
    for (const [key, top] of scroll) {
      const e = this.ui.querySelector<HTMLElement>(`[data-scroll="${key}"]`);
      if (e) e.scrollTop = this.newsFirst && key === 'panel' ? 0 : top;
    }
    this.newsFirst = false;
    if (focusKey) this.ui.querySelector<HTMLElement>(`[data-focus="${focusKey}"]`)?.focus();
    if (glossary) revealRule(this.ui, glossary);
    if (sources?.focusPending) {
      sources.focusPending = false;
      this.ui.querySelector<HTMLElement>('[data-focus="sources-close"]')?.focus();
    }
  }

  /** Opens the rulebook at a rule (or at its top), remembering which control opened it. */
  openGlossary(rule: RuleId | null, context: GlossaryContext, returnFocus: string | null): void {
    this.glossary = { ...context, rule, returnFocus, scrollPending: true };
    this.render();
  }

  /** Opens the list of the research panel's sources, remembering which control opened it. */
  openSources(returnFocus: string | null): void {
    this.sources = { returnFocus, focusPending: true };
    this.render();
  }

  closeSources(): void {
    const back = this.sources?.returnFocus ?? null;
    this.sources = null;
    this.render();
    if (back) this.ui.querySelector<HTMLElement>(`[data-focus="${back}"]`)?.focus();
  }

  closeGlossary(): void {
    const back = this.glossary?.returnFocus ?? null;
    this.glossary = null;
    this.render();
    if (back) this.ui.querySelector<HTMLElement>(`[data-focus="${back}"]`)?.focus();
  }

  /** The scenario the start screen shows: the assigned, the loaded file, or the selected one. */
  startScenario(): Scenario | null {
    const s = this.start_;
    if (s.assigned?.ok) return s.assigned.scenario;
    if (s.selected === 'extra' && s.extra?.ok) return s.extra.scenario;
    const okShipped = this.shipped.filter((l): l is Extract<Loaded, { ok: true }> => l.ok);
    const chosen = okShipped.find((l) => l.scenario.id === s.selected) ?? okShipped[0];
    return chosen?.scenario ?? null;
  }

  play(scenario: Scenario, rules: string, seed: string, player: string, locked: boolean, pack: PackId): void {
    this.reviewTurn = null;
    this.replayRules = null;
    this.glossary = null;
    this.sources = null;
    this.start_.notice = null;
    this.session = { game: newGame(scenario, rules, seed, { pack }), player, locked };
    saveGame(this.session);
    this.screen = 'crisis';
    this.showBriefing = true;
    this.render();
  }

  endTurn(intents: IntentId[]): void {
    if (!this.session || this.session.game.result) return;
    this.session = { ...this.session, game: playTurn(this.session.game, intents) };
    this.reviewTurn = null;
    saveGame(this.session);
    this.newsFirst = true;
    this.render();
  }

  toDebrief(): void {
    this.screen = 'debrief';
    this.glossary = null;
    this.sources = null;
    this.render();
    window.scrollTo(0, 0);
  }

  toMenu(): void {
    // The saved game stays until a new one starts, so the menu can offer to resume it.
    this.screen = 'start';
    this.glossary = null;
    this.sources = null;
    this.render();
  }

  resume(): void {
    const saved = this.session ?? loadSaved().saved;
    if (!saved) return;
    this.glossary = null;
    this.sources = null;
    this.session = saved;
    this.screen = saved.game.result ? 'debrief' : 'crisis';
    this.render();
  }

  discard(): void {
    clearSaved();
    this.session = null;
    this.replayRules = null;
    this.glossary = null;
    this.sources = null;
    this.screen = 'start';
    this.render();
  }
}

/** Before any scenario is known, the start screen's map shows Europe to Central Asia. */
const emptyScenarioShape = {
  states: [],
  alliance: { members: [] },
  player: { state: '', objectives: {} },
  adversary: { kind: 'group', id: 'NONE', resolve: 0, capability: 0, aims: 'probe' },
} as unknown as Scenario;
