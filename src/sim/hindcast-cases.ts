// The record the hindcasts are held to, as data: docs/timeline.yaml (each dated alliance step,
// with its source) and docs/hindcasts.yaml (each case's scenario, rule set and the criteria a game
// must meet to reproduce the record). Parsed here from text into typed, checked objects; reading
// the files is the caller's business (the command line, the tests), so this stays pure.
import { parse } from 'yaml';
import { z } from 'zod';
import { RULE_IDS, type RuleId } from '../engine/index';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const Day = z.string().regex(DAY, 'a date is written YYYY-MM-DD');
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lower case letters, digits and dashes');

/** Days from one date to another (both YYYY-MM-DD), counted in whole calendar days. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => {
    const m = DAY.exec(d);
    if (!m) throw new Error(`not a date: ${d}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** What an alliance step decided, in the decision records' words (no `none` there: it is the
 * record's way of saying that nothing was decided). */
export const RecordKind = z.enum(['consultation', 'statement', 'collective-defence', 'posture', 'ct-coordination']);
export const RecordOutcome = z.enum(['adopted', 'conditional', 'blocked', 'none']);

/** The engine's calendars a sitting's delay can be checked against: a council in
 * BODY_CALENDAR, or `rats` for STANDING_BODY_DAYS. */
export const Calendar = z.enum(['nac', 'cfm', 'csc', 'assembly', 'rats']);
export type Calendar = z.infer<typeof Calendar>;

export const TimelineEntry = z.strictObject({
  id: Id,
  /** The case the step belongs to (one case may have several steps). */
  case: Id,
  /** The body that took the step (nac, nac-ministers, cfm, csc, sco-summit, sco-sg, ...). */
  body: z.string().min(1),
  /** The engine calendar this step's delay tests: set only for an extraordinary sitting that the
   * game's deciding body stands for. Scheduled meetings and preparatory bodies have none. */
  calendar: Calendar.optional(),
  /** The day the triggering event happened. */
  event: Day,
  /** The day a member asked, when the record names one. */
  request: Day.optional(),
  /** The day the body sat or the step was taken; absent when no sitting took place. */
  sitting: Day.optional(),
  decided: z.strictObject({ kind: RecordKind, outcome: RecordOutcome }),
  /** Whether forces were sent or put under the alliance's command in this step. */
  forces: z.boolean(),
  source: z.string().min(1),
  /** H: a primary text or several agreeing sources; M: one good source; L: thin or inferred. */
  confidence: z.enum(['H', 'M', 'L']),
  note: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = z.strictObject({ entries: z.array(TimelineEntry).min(1) });

/** Days from the request (or, when none is on record, from the event) to the sitting. */
export function sittingDelay(entry: TimelineEntry): number | null {
  if (!entry.sitting) return null;
  return daysBetween(entry.request ?? entry.event, entry.sitting);
}

const DecisionKind = z.enum(['consultation', 'statement', 'collective-defence', 'posture', 'ct-coordination', 'suspension']);
const DecisionOutcome = z.enum(['adopted', 'conditional', 'subset', 'blocked', 'declined', 'lapsed']);
const Rule = z.string().refine((r): r is RuleId => (RULE_IDS as string[]).includes(r), { message: `a rule id of the rulebook (${RULE_IDS.join(', ')})` });

/**
 * One thing the record says, as a game can show it. A decision criterion holds when some decision
 * of the game has the kind, outcome and rule given, on or before `withinDays` (days from the
 * case's day 0, the date of turn 1); with `absent`, when no such decision comes (by `withinDays`
 * when given). A forces criterion holds when forces were (true) or were not (false) given: a
 * member contributing forces, or forces under the alliance's command becoming ready.
 */
export const Criterion = z
  .strictObject({
    kind: DecisionKind.optional(),
    outcome: DecisionOutcome.optional(),
    rule: Rule.optional(),
    withinDays: z.number().int().min(0).optional(),
    absent: z.boolean().optional(),
    forces: z.boolean().optional(),
    /** The timeline entry whose date `withinDays` reproduces. */
    entry: Id.optional(),
    /** Why `withinDays` is later than the entry's date, when it is. */
    slack: z.string().min(1).optional(),
  })
  .refine((c) => (c.forces === undefined) !== (c.kind === undefined && c.outcome === undefined && c.rule === undefined), {
    message: 'a criterion is either about a decision (kind, outcome, rule) or about forces, not both',
  });
export type Criterion = z.infer<typeof Criterion>;

export const HindcastCase = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** The scenario file, from the project's root. */
  scenario: z.string().min(1),
  rules: z.string().min(1),
  policy: z.string().min(1).default('historical'),
  /** The date of turn 1: decision days count from it. */
  day0: Day,
  /** What the record says, in one line, for the table. */
  record: z.string().min(1),
  criteria: z.array(Criterion).min(1),
  /** Why the game cannot reproduce this record as the engine stands (reported, not hidden). */
  gap: z.string().min(1).optional(),
});
export type HindcastCase = z.infer<typeof HindcastCase>;

export const HindcastFile = z.strictObject({ cases: z.array(HindcastCase).min(1) });

function parseWith<T>(schema: z.ZodType<T>, text: string, name: string): T {
  const result = schema.safeParse(parse(text));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${name}: ${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new Error(problems.join('\n'));
  }
  return result.data;
}

export function parseTimeline(text: string, name = 'timeline'): TimelineEntry[] {
  const entries = parseWith(Timeline, text, name).entries;
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`${name}: entry ${e.id} is listed twice`);
    seen.add(e.id);
  }
  return entries;
}

/** The cases, checked against the timeline: every entry a criterion cites exists, and a
 * criterion's deadline is never earlier than the record's date, and later only with a reason. */
export function parseHindcasts(text: string, timeline: TimelineEntry[], name = 'hindcasts'): HindcastCase[] {
  const cases = parseWith(HindcastFile, text, name).cases;
  const byId = new Map(timeline.map((e) => [e.id, e]));
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) problems.push(`${name}: case ${c.id} is listed twice`);
    ids.add(c.id);
    c.criteria.forEach((k, i) => {
      const where = `${name}: ${c.id}.criteria[${i}]`;
      if (k.entry === undefined) return;
      const entry = byId.get(k.entry);
      if (!entry) return problems.push(`${where}: no timeline entry ${k.entry}`);
      const date = entry.sitting ?? entry.request ?? entry.event;
      const recordDay = daysBetween(c.day0, date);
      if (k.withinDays === undefined) return;
      if (k.absent) {
        // "Not by day N": N must stop short of the step the record took, or the record would fail it.
        const same = (k.outcome === undefined || entry.decided.outcome === k.outcome) && (k.kind === undefined || entry.decided.kind === k.kind);
        if (same && k.withinDays >= recordDay) problems.push(`${where}: absent by day ${k.withinDays}, but ${k.entry} took that step on day ${recordDay}`);
        return;
      }
      if (k.withinDays < recordDay) problems.push(`${where}: within ${k.withinDays} days, but ${k.entry} came on day ${recordDay}`);
      if (k.withinDays > recordDay && !k.slack) problems.push(`${where}: within ${k.withinDays} days is later than ${k.entry} (day ${recordDay}): say why in slack`);
    });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return cases;
}
