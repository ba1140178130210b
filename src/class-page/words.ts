// Names the class page shows for engine values, in the reader's language.
import { t } from '../ui-kit/i18n';
import { stateName } from '../ui-kit/scenario-names';
import type { Scenario } from '../engine/index';
import type { Attribution } from '../class/session';
import type { JoinFailure } from '../class/client';
import { tc, type ClassKey } from './i18n';

export { stateName };

export function refusalText(code: JoinFailure | string): string {
  return tc(`cls.err.${code}` as ClassKey);
}

/** A student's name, or "student 3" on a projected, names-hidden view. */
export function studentLabel(name: string, hidden: boolean, seats: Record<string, string>): string {
  if (!hidden) return name;
  const order = Object.values(seats).sort();
  return tc('cls.hidden', { n: order.indexOf(name) + 1 });
}

export function whoSpoke(a: Attribution | undefined, hidden: boolean, seats: Record<string, string>): string {
  if (!a || a.by === 'bot') return tc('cls.bot');
  return studentLabel(a.student, hidden, seats);
}

export function resultText(result: string | null): string {
  return result ? tc(`cls.result.${result}` as ClassKey) : '';
}

export function ruleSetLabel(rules: string): string {
  const key = `rules.${rules}`;
  const text = t(key as never);
  return text === key ? rules : text;
}

export function scenarioTitle(scenario: Scenario, localize: (text: Scenario['title']) => string): string {
  return localize(scenario.title);
}

/** m:ss for a countdown. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
