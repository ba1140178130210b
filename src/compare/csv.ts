// The comparison table as CSV: one row per scenario, rule set, basis and indicator. Numbers are
// written with JavaScript's shortest round-trip form, so reading the CSV back gives exactly the
// same numbers (parseTableCsv). An empty cell is "no value" (null).
import { SUMMARY_INDICATORS, type Basis, type Comparison, type SummaryIndicator } from './aggregate';
import type { Distribution } from './stats';

export const TABLE_COLUMNS = ['scenario', 'rules', 'basis', 'indicator', 'count', 'missing', 'min', 'q1', 'median', 'q3', 'max', 'mean'] as const;

export interface TableRow extends Distribution {
  scenario: string;
  /** Any rule-set name the logs record: a preset, the scenario's own, or a lab spec. */
  rules: string;
  basis: Basis;
  indicator: SummaryIndicator;
}

export function tableRows(c: Comparison): TableRow[] {
  return c.groups.flatMap((g) => SUMMARY_INDICATORS.map((indicator) => ({ scenario: g.scenario, rules: g.rules, basis: g.basis, indicator, ...g.stats[indicator] })));
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(c: Comparison): string {
  const lines = [TABLE_COLUMNS.join(',')];
  for (const row of tableRows(c)) lines.push(TABLE_COLUMNS.map((k) => cell(row[k])).join(','));
  return lines.join('\n') + '\n';
}

/** Splits CSV text into records of cells (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cellText = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cellText += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cellText += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cellText);
      cellText = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(cellText);
      records.push(record);
      record = [];
      cellText = '';
    } else cellText += ch;
    i += 1;
  }
  if (cellText !== '' || record.length > 0) {
    record.push(cellText);
    records.push(record);
  }
  return records;
}

const NUMBER_COLUMNS = new Set<string>(['count', 'missing', 'min', 'q1', 'median', 'q3', 'max', 'mean']);

/** Reads a table CSV back into rows; throws on a header it does not know. */
export function parseTableCsv(text: string): TableRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header || header.join(',') !== TABLE_COLUMNS.join(',')) throw new Error('not a comparison table CSV: the header differs');
  return records.map((r) => {
    const row: Record<string, string | number | null> = {};
    TABLE_COLUMNS.forEach((k, i) => {
      const v = r[i] ?? '';
      row[k] = NUMBER_COLUMNS.has(k) ? (v === '' ? null : Number(v)) : v;
    });
    return row as unknown as TableRow;
  });
}
