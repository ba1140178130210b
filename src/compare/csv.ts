// The comparison as CSV: the table (one row per scenario, its hash, rule set, basis and
// indicator) and the games (one row per game, with the player beside the indicators the table
// aggregates). Numbers are written with JavaScript's shortest round-trip form, so reading the CSV
// back gives exactly the same numbers (parseTableCsv). An empty cell is "no value" (null). A text
// cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) gets a
// leading apostrophe, as OWASP advises; one that starts with an apostrophe gets another, so
// reading back strips exactly one.
import { SUMMARY_INDICATORS, type Basis, type Comparison, type SummaryIndicator } from './aggregate';
import type { Distribution } from './stats';

export const TABLE_COLUMNS = ['scenario', 'scenarioSha', 'rules', 'basis', 'indicator', 'count', 'missing', 'min', 'q1', 'median', 'q3', 'max', 'mean'] as const;

export interface TableRow extends Distribution {
  scenario: string;
  /** The scenario's SHA-256 ('' for batch summaries, which do not record it). */
  scenarioSha: string;
  /** Any rule-set name the logs record: a preset, the scenario's own, or a lab spec. */
  rules: string;
  basis: Basis;
  indicator: SummaryIndicator;
}

export function tableRows(c: Comparison): TableRow[] {
  return c.groups.flatMap((g) => SUMMARY_INDICATORS.map((indicator) => ({ scenario: g.scenario, scenarioSha: g.scenarioSha ?? '', rules: g.rules, basis: g.basis, indicator, ...g.stats[indicator] })));
}

const FORMULA_START = /^[=+\-@\t\r']/;

/** A number as it is; text defused against formula injection and quoted where RFC 4180 needs it. */
export function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The text a cell held before `cell` defused it. */
export function undefused(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
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
      row[k] = NUMBER_COLUMNS.has(k) ? (v === '' ? null : Number(v)) : undefused(v);
    });
    return row as unknown as TableRow;
  });
}

export const GAME_COLUMNS = ['source', 'player', 'scenario', 'scenarioSha', 'rules', 'seed', 'policy', 'origin', 'basis', 'counted', 'flag', 'result', 'turns', ...SUMMARY_INDICATORS] as const;

/** One row per game the comparison lists (counted or flagged), with the player beside its numbers.
 * With hideNames, players and file names become placeholders, as on a projector. */
export function gamesCsv(c: Comparison, options: { hideNames?: boolean } = {}): string {
  const lines: string[] = [GAME_COLUMNS.join(',')];
  c.games.forEach(({ values: numbers, ...g }, i) => {
    const values: Record<string, string | number | null | undefined> = {
      ...g,
      ...numbers,
      source: options.hideNames ? `#${i + 1}` : g.source,
      player: g.player === undefined ? '' : options.hideNames ? '•••' : g.player,
      scenarioSha: g.scenarioSha ?? '',
      counted: g.counted ? 'yes' : 'no',
    };
    lines.push(GAME_COLUMNS.map((k) => cell(values[k])).join(','));
  });
  return lines.join('\n') + '\n';
}
