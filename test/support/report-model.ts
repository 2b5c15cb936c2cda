/** Reading a report's table model in tests: a row by key, a money cell as fen, formulas evaluated over the model. */
import { fen, type Cell, type Formula, type Report, type ReportRow, type ReportSection } from '../../engine/reports/index';

export function section(report: Report, key: string): ReportSection {
  const s = report.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key} in ${report.sections.map((x) => x.key).join(', ')}`);
  return s;
}

export function row(s: ReportSection, key: string): ReportRow {
  const r = s.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${s.key}`);
  return r;
}

export function moneyOf(cell: Cell): string {
  if (cell.t !== 'money') throw new Error(`not a money cell: ${JSON.stringify(cell)}`);
  return cell.v;
}

/** The fen values of a row's cells from..to. */
export const fens = (r: ReportRow, from = 1, to = r.cells.length - 1): number[] => r.cells.slice(from, to + 1).map((c) => fen(moneyOf(c)));
export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A formula evaluated over the section's cached values: money in fen, a ratio as a 4-place string. */
export function evaluate(s: ReportSection, self: ReportRow, f: Formula): number | string {
  const value = (rowKey: string, col: number) => {
    const c = row(s, rowKey).cells[col];
    return c.t === 'money' ? fen(c.v) : c.t === 'blank' ? 0 : NaN;
  };
  switch (f.op) {
    case 'sumRow': return sum(Array.from({ length: f.to - f.from + 1 }, (_, i) => value(self.key, f.from + i)));
    case 'sum': return sum(f.terms.map((t) => t.sign * value(t.row, t.col)));
    case 'ratio': {
      const n = value(f.num.row, f.num.col), d = value(f.den.row, f.den.col);
      return (Math.round((n / d) * 10 ** f.digits) / 10 ** f.digits).toFixed(f.digits);
    }
  }
}
