// The app: which screen is up, the game being played, saving after every turn. Screens are DOM
// overlays over the map; the MapScene draws what the screen hands it.
import type { MapScene } from './scenes/MapScene';
import { isPackId, newGame, playTurn, type GameState, type IntentId, type PackId, type RuleId, type Scenario, type TurnInput } from './engine';
import { loadShipped, parse, savedScenarios, type Loaded } from './scenarios';
import { clearSaved, loadSaved, saveGame, type Saved, type SaveResult } from './storage';
import { claimGame, type TabLock, type TabState } from './tab-lock';
import { blocColor, blocDeep, theme } from '../ui-kit/theme';
import { renderGlossary, revealRule, type GlossaryContext, type GlossaryState } from './ui/glossary';
import { ASSIGNMENT_TIMEOUT_MS, fetchAssigned, readAssignment, type Assignment, type Fetched } from './assignment';
import { onLanguageChange, t } from '../ui-kit/i18n';
import { ensureFonts } from './fonts';
import { clear } from '../ui-kit/dom';
import { renderStart, type StartState } from './ui/start-screen';
import { renderCrisis } from './ui/crisis-screen';
import { renderDebrief } from './ui/debrief-screen';
import { renderSources, type SourcesState } from './ui/research-panel';
import { NO_INTEGRATIONS, type Integrations } from './ui/integration-notes';
import { assignmentSearch, readPackageConfig } from './lms/package-config';
import { scenarioMapView } from './view-model';
import { elsewhereScreen, loadingScreen, saveProblemBanner } from './ui/app-notices';
import { isTutorial, tutorialGuide } from './ui/tutorial-guide';
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
  start_: StartState = { selected: null, extra: null, rules: null, lab: null, seed: null, pack: null, player: '', error: null, assigned: null, notice: null, confirm: null, reading: null };
  /** The game kept in this browser, whether or not it is the one an assignment link asks for:
   * starting a new game replaces it, so the start screen asks first. */
  stored: Saved | null = null;
  /** Whether this tab holds the game (another tab may have it open). */
  tab: TabLock | null = null;
  /** The last save the browser refused, until a save succeeds again. */
  saveProblem: Extract<SaveResult, { ok: false }>['problem'] | null = null;
  /** An assignment's scenario file on its way, with the means to stop waiting for it. */
  loading: { url: string; abort: AbortController } | null = null;
  private started = false;
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
    // A new language may need new font faces (Cyrillic, Kazakh letters) before text is drawn.
    onLanguageChange((lang) => void ensureFonts(lang).then(() => this.render()));
    window.addEventListener('resize', () => this.render());
    this.tab = await claimGame((state) => this.onTabChange(state));
    this.shipped = await loadShipped();
    if (this.assignment.scenario) await this.loadAssignment(this.assignment.scenario);
    // A tab without the game must not touch the save: loading may rewrite or set it aside.
    if (this.tab.state === 'owner') await this.restoreSaved();
    this.started = true;
    this.render();
  }

  /** The assignment link's scenario: a shipped id, else a file fetched within a time limit while
   * the page says from where and offers the menu. */
  private async loadAssignment(ref: string): Promise<void> {
    let assigned: Loaded | undefined = this.shipped.find((l) => l.ok && l.scenario.id === ref);
    if (!assigned) {
      const abort = new AbortController();
      let shown = ref;
      try {
        shown = new URL(ref, window.location.href).href;
      } catch {
        // not an address: fetchAssigned says so
      }
      this.loading = { url: shown, abort };
      this.render();
      const fetched = await fetchAssigned(ref, window.location.href, { signal: abort.signal });
      if (!fetched.ok) {
        this.loading = null;
        if (fetched.problem !== 'cancelled') this.start_.error = { source: fetched.url, message: fetchProblemText(fetched) };
        return;
      }
      try {
        // The parser and the validator load with the first such file; the loading screen stays up.
        assigned = await parse(fetched.text, fileName(fetched.url));
      } catch (error) {
        this.loading = null;
        this.start_.error = { source: fetched.url, message: t('start.loadError', { source: fetched.url, message: error instanceof Error ? error.message : String(error) }) };
        return;
      }
      this.loading = null;
      // The player went to the menu while the file was being read.
      if (abort.signal.aborted) return;
    }
    if (this.assignment.lock || !assigned.ok) this.start_.assigned = assigned;
    else if (this.shipped.includes(assigned)) this.start_.selected = assigned.scenario.id;
    else {
      // An unlocked link to a scenario elsewhere: offered like a loaded file, other choices stay open.
      this.start_.extra = assigned;
      this.start_.selected = 'extra';
    }
  }

  /** Stops waiting for an assignment's scenario: the menu, as without the link. */
  leaveAssignment(): void {
    this.loading?.abort.abort();
    this.loading = null;
    this.assignment = { scenario: null, rules: null, seed: null, pack: null, lock: false };
    // A reload should not wait for the same server again.
    window.history.replaceState(null, '', window.location.pathname);
    this.render();
  }

  /** Reads the saved game (validated, rebuilt or set aside) and opens it if it fits the link. */
  private async restoreSaved(): Promise<void> {
    const loaded = await loadSaved(savedScenarios);
    this.stored = loaded.saved;
    if (loaded.notice) this.start_.notice = loaded.notice;
    const saved = loaded.saved;
    if (saved && this.matchesAssignment(saved.game)) {
      this.session = saved;
      this.screen = saved.game.result ? 'debrief' : 'crisis';
    } else {
      this.session = null;
      this.screen = 'start';
    }
  }

  private onTabChange(state: TabState): void {
    // The game came to this tab (the other closed, reloaded or gave it up): what it saved is the game.
    if (!this.started) return;
    if (state === 'owner') {
      this.restoreSaved().then(
        () => this.render(),
        (error: unknown) => console.error(error),
      );
    } else this.render();
  }

  /** Takes the game over from the tab that has it open. */
  async takeOver(): Promise<void> {
    await this.tab?.takeOver();
  }

  private owns(): boolean {
    return this.tab === null || this.tab.state === 'owner';
  }

  private save(saved: Saved): void {
    if (!this.owns()) return;
    const result = saveGame(saved);
    this.stored = saved;
    this.saveProblem = result.ok ? null : result.problem;
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
    if (!this.owns() || this.loading) {
      this.ui.append(this.loading ? loadingScreen(this, this.loading.url) : elsewhereScreen(this));
      this.map.show(scenarioMapView(emptyScenarioShape, full, true, null));
      if (focusKey) this.ui.querySelector<HTMLElement>(`[data-focus="${focusKey}"]`)?.focus();
      return;
    }
    if (this.screen === 'start' || !this.session) {
      this.screen = 'start';
      renderStart(this, this.ui);
      const shown = this.startScenario();
      this.map.show(scenarioMapView(shown ?? emptyScenarioShape, full, true, shown && this.start_.rules ? blocColor(this.start_.rules, shown.ruleSets) : null));
    } else if (this.screen === 'crisis') {
      renderCrisis(this, this.ui, layout);
      if (isTutorial(this.session.game) && !this.session.game.result && !this.showBriefing) this.ui.append(tutorialGuide(this, this.session.game));
    } else {
      renderDebrief(this, this.ui);
      const played = this.session.game;
      this.map.show(scenarioMapView(played.scenario, full, true, blocColor(played.rules, played.scenario.ruleSets)));
    }
    if (this.screen !== 'start') {
      const banner = saveProblemBanner(this);
      if (banner) this.ui.append(banner);
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
    this.start_.confirm = null;
    this.session = { game: newGame(scenario, rules, seed, { pack }), player, locked };
    this.save(this.session);
    this.screen = 'crisis';
    this.showBriefing = true;
    this.render();
  }

  /** Plays the turn with the player's intents, or a full input (its answer to a draft on the table). */
  endTurn(input: IntentId[] | TurnInput): void {
    if (!this.session || this.session.game.result) return;
    this.session = { ...this.session, game: playTurn(this.session.game, input) };
    this.reviewTurn = null;
    this.save(this.session);
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
    const saved = this.session ?? this.stored;
    if (!saved) return;
    this.glossary = null;
    this.sources = null;
    this.session = saved;
    this.screen = saved.game.result ? 'debrief' : 'crisis';
    this.render();
  }

  discard(): void {
    if (this.owns()) clearSaved();
    this.session = null;
    this.stored = null;
    this.saveProblem = null;
    this.replayRules = null;
    this.glossary = null;
    this.sources = null;
    this.screen = 'start';
    this.render();
  }
}

function fileName(url: string): string {
  return url.split(/[?#]/)[0]!.split('/').pop() || url;
}

/** What the start screen says when an assignment's scenario file did not arrive. */
function fetchProblemText(f: Extract<Fetched, { ok: false }>): string {
  switch (f.problem) {
    case 'not-found':
      return t('start.assignedNotFound', { url: f.url });
    case 'http':
      return t('start.assignedHttp', { url: f.url, status: f.status ?? 0 });
    case 'timeout':
      return t('start.assignedTimeout', { url: f.url, seconds: ASSIGNMENT_TIMEOUT_MS / 1000 });
    case 'bad-address':
      return t('start.assignedBadAddress', { url: f.url });
    default:
      return t('start.assignedNetwork', { url: f.url });
  }
}

/** Before any scenario is known, the start screen's map shows Europe to Central Asia. */
const emptyScenarioShape = {
  states: [],
  alliance: { members: [] },
  player: { state: '', objectives: {} },
  adversary: { kind: 'group', id: 'NONE', resolve: 0, capability: 0, aims: 'probe' },
} as unknown as Scenario;
