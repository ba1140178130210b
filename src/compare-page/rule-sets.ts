// Rule sets on the comparison page: their names in the reader's language, and a look of their own
// for the charts. Presets by their names and palette colours (NATO blue, SCO orange, CSTO
// reddish purple); a rule set a scenario defines, or a design-lab spec such as
// "sco+commitment=automatic", by that name, with a colour of the lab's and a dash of its own, so
// that no rule set is told apart by colour alone (look.md).
import { dictionaries, t, type MessageKey } from '../ui-kit/i18n';
import { theme } from '../ui-kit/theme';
import { procedureOf } from '../engine/index';
import type { InstitutionalFeatures } from '../engine/index';
import type { IntentId } from '../engine/index';
import { isPresetRuleSet, ruleSetsIn } from '../compare/rule-sets';
import { ct, type CompareKey } from './i18n';

function known(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionaries.en, key);
}

/** "NATO" for a preset; any other rule set by the name the logs record (its spec). */
export function ruleSetShort(rules: string): string {
  const key = `rules.${rules}.short`;
  if (isPresetRuleSet(rules)) return known(key) ? t(key) : rules.toUpperCase();
  return rules;
}

/** "NATO rules" for a preset; "Rule set sco+commitment=automatic" for any other. */
export function ruleSetTitle(rules: string): string {
  const key = `rules.${rules}`;
  return isPresetRuleSet(rules) && known(key) ? t(key) : ct('cmp.ruleSet', { name: ruleSetShort(rules) });
}

/** An intent as the rule set names its procedure ("Request consultations under Article 4"), read
 * from the features the logs record; by the intent's plain name when they are not known. */
export function intentName(intent: IntentId, features: InstitutionalFeatures | undefined): string {
  if (features) {
    const key = `procedure.${procedureOf(features, intent).id}`;
    if (known(key)) return t(key);
  }
  return ct(`cmp.intent.${intent}` as CompareKey);
}

export interface RuleSetLook {
  /** Stroke colour. */
  color: string;
  /** Text colour: the stroke colour, lightened where it would be too dark to read on a panel
   * (NATO blue on the raised navy falls short of 4.5:1). */
  ink: string;
  /** Box fill: the preset's deep shade, or the colour itself at `fillOpacity`. */
  fill: string;
  fillOpacity: number;
  /** SVG stroke-dasharray for lines; null for a solid line. */
  dash: string | null;
}

const PRESET_DASHES: Record<string, string | null> = { nato: null, sco: '6 3', csto: '2 3' };

/** Rule sets of the design lab: light on the navy ground and apart from the three bloc colours
 * (Okabe–Ito's bluish green and yellow, lightened, then a pale sky, a lavender and a light grey). */
const LAB_COLORS = ['#3fc1a0', '#f0e442', '#9ad7ff', '#b9a3ff', '#d7dde8'];
const LAB_DASHES = ['10 3 2 3', '12 4', '4 2 1 2 1 2', '1 3', '8 2 2 2 2 2'];

const palette = theme.color as Record<string, string>;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The colour mixed with white in steps of a tenth until it reads at 4.5:1 on the ground. */
export function legibleOn(color: string, ground: string): string {
  const floor = luminance(ground);
  let out = color;
  for (let step = 1; step <= 10 && (luminance(out) + 0.05) / (floor + 0.05) < 4.5; step++) {
    out = `#${rgb(color)
      .map((c) => Math.round(c + (255 - c) * (step / 10)).toString(16).padStart(2, '0'))
      .join('')}`;
  }
  return out;
}

/** A look for each rule set, the same on every chart: presets by their palette colours, the
 * others (in comparison order) by the lab's colours and dashes in turn. */
export function ruleSetLooks(names: Iterable<string>): Map<string, RuleSetLook> {
  const looks = new Map<string, RuleSetLook>();
  let lab = 0;
  for (const rules of ruleSetsIn(names)) {
    const color = isPresetRuleSet(rules) ? palette[rules] : undefined;
    if (color) {
      const deep = palette[`${rules}Deep`];
      looks.set(rules, { color, ink: legibleOn(color, theme.color.groundRaised), fill: deep ?? color, fillOpacity: deep ? 1 : 0.4, dash: PRESET_DASHES[rules] ?? null });
    } else {
      const i = lab++;
      const c = LAB_COLORS[i % LAB_COLORS.length]!;
      looks.set(rules, { color: c, ink: legibleOn(c, theme.color.groundRaised), fill: c, fillOpacity: 0.35, dash: LAB_DASHES[i % LAB_DASHES.length]! });
    }
  }
  return looks;
}
