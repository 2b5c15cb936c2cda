/**
 * CSV text, safe to open in Excel or WPS: every CSV the CLI and the notebook write goes through
 * here. RFC 4180 quoting, and OWASP's CSV-injection guidance: a text cell that starts with
 * = + - @, a tab or a carriage return would be read as a formula
 * (`=HYPERLINK("http://evil.example/","x")`, `@SUM(1+1)*cmd|' /C calc'!A0`), so it gets a leading
 * ' and is quoted. Numbers keep their sign: "-1234.56" is a figure, not a formula.
 *
 *   csvText([['宗地', '出让收入'], ['LB-01', '-1234.56'], ['=1+1', 'a,b']]) →
 *   宗地,出让收入\nLB-01,-1234.56\n"'=1+1","a,b"\n
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?%?$/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return safe !== text || /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells; a null cell is empty. */
export function csvRow(cells: readonly (string | number | null)[]): string {
  return cells.map((c) => (c === null ? '' : csvCell(String(c)))).join(',');
}

export interface CsvOptions {
  /** A byte-order mark first, so Excel reads the file as UTF-8 (Chinese headers). */
  readonly bom?: boolean;
  /** Line end: '\n' (default) or '\r\n' as RFC 4180 writes it. */
  readonly newline?: '\n' | '\r\n';
}

/** A whole CSV file: each row a line, every line (the last too) ended. */
export function csvText(rows: readonly (readonly (string | number | null)[])[], options: CsvOptions = {}): string {
  const newline = options.newline ?? '\n';
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => csvRow(r) + newline).join('');
}
