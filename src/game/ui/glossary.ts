// The rulebook glossary: every rule id the game shows is a button that opens this dialog at that
// rule, with its title, summary and source in the reader's language. The rules of the rule set
// being played come first (those its features carry, its procedures cite and its decisions
// cited), then the others by alliance. Every text goes in as textContent.
import type { App } from '../app';
import { FEATURES, FEATURE_KEYS, INTENTS, RULEBOOK, RULE_IDS, procedureOf, type GameState, type InstitutionalFeatures, type RuleId, type Scenario } from '../engine';
import { language, t } from '../../ui-kit/i18n';
import { el, uid } from '../../ui-kit/dom';
import { featureName, procedureName, ruleSetName } from '../../ui-kit/format';
import { modalDialog } from './modal';

/** Which rule set the glossary explains, and the rules a game cited under it. */
export interface GlossaryContext {
  spec: string;
  features: InstitutionalFeatures;
  scenario: Scenario | null;
  cited?: RuleId[];
}

export interface GlossaryState extends GlossaryContext {
  /** The rule to show, or null for the top of the list. */
  rule: RuleId | null;
  /** The data-focus key of the control that opened it, to return focus there. */
  returnFocus: string | null;
  /** Scroll to the rule on the next render (once: later renders keep the reader's place). */
  scrollPending: boolean;
}

export function gameContext(game: GameState): GlossaryContext {
  const cited = game.turns.flatMap((turn) => turn.decisions.map((d) => d.rule));
  return { spec: game.rules, features: game.features, scenario: game.scenario, cited };
}

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULEBOOK, id);
}

function ruleTitle(rule: RuleId): string {
  return RULEBOOK[rule].title[language()];
}

/** How a glossary link reads: its text, its accessible name, its class, and data attributes. */
export interface LinkLook {
  className: string;
  text: string;
  label: string;
  title?: string;
  data?: Record<string, string>;
}

/** A button that opens the glossary at `rule` and gives focus back to it (its data-focus key)
 * when the glossary closes: the one shape of every rule id and body name the game shows. */
export function glossaryLink(app: App, rule: RuleId, context: GlossaryContext, focusKey: string, look: LinkLook): HTMLElement {
  return el('button', {
    type: 'button',
    class: look.className,
    ...look.data,
    'data-rule': rule,
    'data-focus': focusKey,
    'aria-haspopup': 'dialog',
    'aria-label': look.label,
    title: look.title,
    text: look.text,
    onclick: () => app.openGlossary(rule, context, focusKey),
  });
}

/** A rule id as a button that opens the glossary at that rule. */
export function ruleLink(app: App, rule: RuleId, context: GlossaryContext, focusKey: string): HTMLElement {
  const title = ruleTitle(rule);
  return glossaryLink(app, rule, context, focusKey, { className: 'rule-id', text: rule, label: t('glossary.open', { rule, title }), title });
}

/** A button that opens the glossary at its top. */
export function glossaryButton(app: App, context: GlossaryContext, focusKey = 'glossary'): HTMLElement {
  return el('button', { type: 'button', 'data-focus': focusKey, 'data-testid': 'open-glossary', 'aria-haspopup': 'dialog', text: t('glossary.button'), onclick: () => app.openGlossary(null, context, focusKey) });
}

/** Where each rule of the rule set comes from: the features that carry it, the procedures that cite it. */
export function currentRules(context: GlossaryContext): Map<RuleId, string[]> {
  const via = new Map<RuleId, string[]>();
  const note = (rule: RuleId, what: string | null) => {
    const list = via.get(rule) ?? [];
    if (what !== null && !list.includes(what)) list.push(what);
    via.set(rule, list);
  };
  for (const key of FEATURE_KEYS) {
    const value = context.features[key] as string;
    const entry = (FEATURES[key].values as Record<string, { rule: RuleId }>)[value];
    if (entry) note(entry.rule, t('rules.change', { feature: featureName(key), value }));
  }
  for (const intent of INTENTS) note(procedureOf(context.features, intent).rule, procedureName(context.features, intent));
  for (const rule of context.cited ?? []) note(rule, null);
  return new Map(RULE_IDS.filter((id) => via.has(id)).map((id) => [id, via.get(id)!]));
}

function entry(rule: RuleId, via: string[] | null, target: boolean): HTMLElement {
  const r = RULEBOOK[rule];
  const lang = language();
  const headingId = uid('rule');
  return el(
    'article',
    { id: `glossary-${rule}`, 'data-focus': `glossary-${rule}`, class: `glossary-entry${target ? ' target' : ''}`, 'data-rule': rule, tabindex: -1, 'aria-labelledby': headingId, 'aria-current': target ? 'true' : null },
    el('h4', { id: headingId }, el('span', { class: 'rule-code', text: rule }), el('span', { text: r.title[lang] })),
    el('p', { class: 'glossary-summary', text: r.summary[lang] }),
    via && via.length > 0 ? el('p', { class: 'small muted', text: t('glossary.via', { features: via.join('; ') }) }) : null,
    el('p', { class: 'small muted glossary-source', text: t('glossary.source', { source: r.source }) }),
  );
}

/** The dialog. Escape and the Close button close it; Tab stays inside it while it is open. */
export function renderGlossary(app: App, state: GlossaryState): HTMLElement {
  const titleId = uid('glossary');
  const current = currentRules(state);
  const body = el('div', { class: 'glossary-body', 'data-scroll': 'glossary', tabindex: 0, 'data-focus': 'glossary-body', 'aria-label': t('glossary.title') });
  body.append(
    el('p', { class: 'small muted', text: t('glossary.hint') }),
    el('h3', { text: t('glossary.current', { rules: ruleSetName(state.spec, state.scenario) }) }),
    ...[...current].map(([rule, via]) => entry(rule, via, rule === state.rule)),
    el('h3', { text: t('glossary.others') }),
  );
  for (const alliance of ['nato', 'sco', 'csto', 'lab'] as const) {
    const rules = RULE_IDS.filter((id) => RULEBOOK[id].alliance === alliance && !current.has(id));
    if (rules.length === 0) continue;
    body.append(el('section', { class: 'glossary-group', 'data-alliance': alliance }, el('h4', { class: 'group-title', text: t(`glossary.alliance.${alliance}`) }), ...rules.map((rule) => entry(rule, null, rule === state.rule))));
  }
  const close = el('button', { type: 'button', class: 'primary', 'data-focus': 'glossary-close', 'data-testid': 'glossary-close', text: t('glossary.close'), onclick: () => app.closeGlossary() });
  return modalDialog(
    { labelledBy: titleId, className: 'glossary', testId: 'glossary', backClass: 'glossary-back', onClose: () => app.closeGlossary() },
    el('div', { class: 'glossary-head' }, el('h2', { id: titleId, text: t('glossary.title') }), close),
    body,
  );
}

/** After the dialog is in the document: bring the rule into view and focus it, once. */
export function revealRule(root: HTMLElement, state: GlossaryState): void {
  if (!state.scrollPending) return;
  state.scrollPending = false;
  const target = state.rule ? root.querySelector<HTMLElement>(`.glossary-entry[data-rule="${state.rule}"]`) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  } else {
    root.querySelector<HTMLElement>('[data-focus="glossary-close"]')?.focus();
  }
}
