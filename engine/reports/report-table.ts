/**
 * The table model every filed document is drawn from: a report is sections, a section is rows
 * of cells under column headings, a money cell is the engine's 元 decimal string and may carry
 * the formula that makes it from other cells of its section (a total = SUM of the year columns,
 * a balance = last year's balance + income − debt service, coverage = ROUND(available ÷ debt
 * service, 4)). The CLI's text and CSV, the notebook page and the XLSX writer all read this one
 * model, so a figure is never retyped; the formula is what an auditor's spreadsheet recomputes,
 * the value is what the engine says it must come to.
 */
import { fenToYuan, parseMoney, type Fen } from '../money';
import type { Text } from '../model';

export type Money = string;
export type ReportUnit = 'yuan' | 'wan' | 'yi';
export const UNIT_TEXT: Record<ReportUnit, Text> = { yuan: { zh: '元', en: 'yuan' }, wan: { zh: '万元', en: '10k yuan' }, yi: { zh: '亿元', en: '100m yuan' } };
/** Decimal places a unit shifts 元 by. */
export const UNIT_SHIFT: Record<ReportUnit, number> = { yuan: 0, wan: 4, yi: 8 };

/** A cell another formula names: a row of the same section by key, a cell by index. */
export interface CellRef { readonly row: string; readonly col: number }
export interface Term extends CellRef { readonly sign: 1 | -1 }

export type Formula =
  /** The sum of this row's cells from..to (inclusive). */
  | { readonly op: 'sumRow'; readonly from: number; readonly to: number }
  /** A signed sum of cells: subtotals, differences, balances carried forward. */
  | { readonly op: 'sum'; readonly terms: readonly Term[] }
  /** num ÷ den rounded to `digits` places (coverage, 成本/收入). */
  | { readonly op: 'ratio'; readonly num: CellRef; readonly den: CellRef; readonly digits: number };

export type Cell =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'money'; readonly v: Money; readonly f?: Formula }
  | { readonly t: 'ratio'; readonly v: string | null; readonly f?: Formula }
  | { readonly t: 'blank' };

export interface ReportRow {
  readonly key: string;
  readonly label: Text;
  readonly cells: readonly Cell[];
  /** 1: an item under the row above it (indented). */
  readonly level?: 0 | 1;
}

export interface ReportSection {
  readonly key: string;
  readonly title: Text;
  /** One heading per cell (the label column comes before them). */
  readonly head: readonly Text[];
  readonly rows: readonly ReportRow[];
  readonly note?: Text;
}

export type ReportKind = 'balance' | 'disclosure' | 'card' | 'bond-use' | 'budget';

export interface Report {
  readonly kind: ReportKind;
  readonly title: Text;
  readonly subtitle: Text;
  readonly unit: ReportUnit;
  readonly sections: readonly ReportSection[];
  readonly notes: readonly Text[];
}

export const text = (v: string): Cell => ({ t: 'text', v });
export const money = (v: Money, f?: Formula): Cell => (f ? { t: 'money', v, f } : { t: 'money', v });
export const ratio = (v: string | null, f?: Formula): Cell => (f ? { t: 'ratio', v, f } : { t: 'ratio', v });
export const blank: Cell = { t: 'blank' };
export const fen = (m: Money): Fen => parseMoney(m)!;
export const yuan = (f: Fen): Money => fenToYuan(f);
export const sumMoney = (ms: readonly Money[]): Money => yuan(ms.reduce((s, m) => s + fen(m), 0));

/** A row of values per column with a leading total cell: [total = SUM(values), …values]. */
export function totalThenValues(key: string, label: Text, values: readonly Money[], total: Money = sumMoney(values), level: 0 | 1 = 0): ReportRow {
  const cells: Cell[] = [money(total, values.length ? { op: 'sumRow', from: 1, to: values.length } : undefined), ...values.map((v) => money(v))];
  return { key, label, cells, level };
}

/** A row whose every cell is a signed sum of other rows' cells in the same column. */
export function columnSum(key: string, label: Text, terms: readonly { row: string; sign: 1 | -1 }[], values: readonly Money[], level: 0 | 1 = 0): ReportRow {
  return { key, label, level, cells: values.map((v, col) => money(v, { op: 'sum', terms: terms.map((t) => ({ ...t, col })) })) };
}

export const tx = (zh: string, en: string): Text => ({ zh, en });
