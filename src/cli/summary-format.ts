// Summaries as CSV rows and as a short human-readable report.
import { SUMMARY_INDICATORS, type GameSummary } from '../engine/index';

export const SUMMARY_COLUMNS = ['scenario', 'rules', 'seed', 'policy', 'result', 'turns', ...SUMMARY_INDICATORS, 'decisions'] as const;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Decisions in one cell: turn:kind:outcome:rule, separated by spaces. */
export function decisionsCell(s: GameSummary): string {
  return s.decisions.map((d) => `${d.turn}:${d.kind}:${d.outcome}:${d.rule}`).join(' ');
}

export function csvHeader(): string {
  return SUMMARY_COLUMNS.join(',') + '\n';
}

export function csvRow(s: GameSummary): string {
  return (
    SUMMARY_COLUMNS.map((c) => {
      if (c === 'decisions') return csvCell(decisionsCell(s));
      const v = s[c];
      return csvCell(v === null ? '' : String(v));
    }).join(',') + '\n'
  );
}

export function humanSummary(s: GameSummary): string {
  const lines = [
    `${s.scenario} under ${s.rules}, seed ${s.seed}, policy ${s.policy}`,
    `result: ${s.result} after ${s.turns} turns; score ${s.score.toFixed(1)} / 100`,
    `days to the first collective measure: ${s.daysToFirstCollectiveMeasure ?? 'none'}`,
    `escalation: max ${s.maxEscalation}, final ${s.finalEscalation} (1 no militarized action … 5 war)`,
    `casualties ${s.casualties}; deterrence ${s.deterrence}; cohesion ${s.cohesion}; autonomy ${s.autonomy}; entrapment ${s.entrapment}; legitimacy ${s.legitimacy}`,
    'decisions:',
    ...s.decisions.map(
      (d) => `  turn ${d.turn} (day ${d.day}): ${d.kind} ${d.outcome} (${d.rule})${d.blockedBy.length ? ` by ${d.blockedBy.join(', ')}` : ''}`,
    ),
  ];
  return lines.join('\n') + '\n';
}
