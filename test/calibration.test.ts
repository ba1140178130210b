// The councils' calendars against the record: every extraordinary sitting in docs/timeline.yaml
// that a game's council stands for must have come within that council's calendar
// (BODY_CALENDAR, and STANDING_BODY_DAYS for RATS), counted from the request or, when none is on
// record, from the event. A failure names the entry that falls outside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BODY_CALENDAR, STANDING_BODY_DAYS } from '../src/engine/rules/features';
import { parseTimeline, sittingDelay, type TimelineEntry } from '../src/sim/hindcast-cases';

const timeline = parseTimeline(readFileSync('docs/timeline.yaml', 'utf8'), 'docs/timeline.yaml');

type Calendars = Record<NonNullable<TimelineEntry['calendar']>, readonly [number, number]>;

const ENGINE: Calendars = {
  nac: BODY_CALENDAR.nac.days,
  cfm: BODY_CALENDAR.cfm.days,
  csc: BODY_CALENDAR.csc.days,
  assembly: BODY_CALENDAR.assembly.days,
  rats: STANDING_BODY_DAYS,
};

/** Every dated sitting whose delay falls outside the calendar it tests, as a line to read. */
function outside(entries: TimelineEntry[], calendars: Calendars): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (!e.calendar) continue;
    const delay = sittingDelay(e);
    if (delay === null) {
      out.push(`${e.id}: tests the ${e.calendar} calendar but has no sitting date`);
      continue;
    }
    const [min, max] = calendars[e.calendar];
    if (delay < min || delay > max) {
      const from = e.request ? `request ${e.request}` : `event ${e.event}`;
      out.push(`${e.id}: ${from} to sitting ${e.sitting} is ${delay} days; ${e.calendar} sits ${min}-${max} days after a request`);
    }
  }
  return out;
}

describe('the councils’ calendars cover the recorded delays of extraordinary sittings', () => {
  it('every sitting in docs/timeline.yaml falls within the calendar of the body the game’s council stands for', () => {
    expect(outside(timeline, ENGINE)).toEqual([]);
  });

  it('each calendar the presets use is tested by at least one dated sitting', () => {
    const tested = new Set(timeline.filter((e) => e.calendar && e.sitting).map((e) => e.calendar));
    expect([...tested].sort()).toEqual(expect.arrayContaining(['cfm', 'csc', 'nac']));
  });

  it('the check can fail: the former SCO calendar of 3-10 days misses both dated SCO texts', () => {
    expect(outside(timeline, { ...ENGINE, cfm: [3, 10] })).toEqual([
      'osh-2010-sco-statement: event 2010-06-10 to sitting 2010-06-21 is 11 days; cfm sits 3-10 days after a request',
      'sco-2025-israel-iran: event 2025-06-13 to sitting 2025-06-14 is 1 days; cfm sits 3-10 days after a request',
    ]);
    expect(outside(timeline, { ...ENGINE, nac: [0, 1] })).toEqual([
      'turkey-2012-june-nac: request 2012-06-24 to sitting 2012-06-26 is 2 days; nac sits 0-1 days after a request',
    ]);
  });

  it('dates are read as calendar days, and a sitting without a request counts from the event', () => {
    const entry = timeline.find((e) => e.id === 'nine-eleven-nac-conditional')!;
    expect(entry.request).toBeUndefined();
    expect(sittingDelay(entry)).toBe(1);
    expect(sittingDelay(timeline.find((e) => e.id === 'turkey-2012-patriots')!)).toBe(13);
    expect(sittingDelay(timeline.find((e) => e.id === 'osh-2010-russia')!)).toBeNull();
  });
});

describe('the timeline’s form', () => {
  it('is refused with the entry and field named when a date is malformed or an entry repeats', () => {
    const one = `entries:\n  - { id: a, case: c, body: nac, event: '2001-9-11', decided: { kind: statement, outcome: adopted }, forces: false, source: s, confidence: H }\n`;
    expect(() => parseTimeline(one, 't')).toThrow(/t: entries\.0\.event: a date is written YYYY-MM-DD/);
    const twice = `entries:\n${['a', 'a'].map((id) => `  - { id: ${id}, case: c, body: nac, event: '2001-09-11', decided: { kind: statement, outcome: adopted }, forces: false, source: s, confidence: H }`).join('\n')}\n`;
    expect(() => parseTimeline(twice, 't')).toThrow('t: entry a is listed twice');
  });
});
