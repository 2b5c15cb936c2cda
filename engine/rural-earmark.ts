/**
 * The 2020 rural-revitalisation earmark (DOMAIN P-11): 中办国办《关于调整完善土地出让收入使用范围
 * 优先支持乡村振兴的意见》(2020-09-23), counted per year of the jurisdiction.
 *
 *   土地出让收益 (net income) = 土地出让收入 − the year's cost-type spending (the 核定成本 recognised with
 *                               the year's receipts; the 意见 forbids inflating it)
 *   rural uses                = the provisions' parts spent on agriculture and rural areas (农业土地开发资金
 *                               and 农田水利 in full, 教育资金 as far as it goes to rural schools — the
 *                               catalogue's ruralShare) + other land income the scenario spends there
 *   method netIncome          rural uses ≥ the year's target share of net income (phased in to 50% by
 *                               2025, province by province) and ≥ the floor share of gross income (8%)
 *   method grossIncome        rural uses ≥ the target share of gross income (10% by 2025)
 *
 * Example: income 45 000, cost recognised 22 000 → net 23 000; 2025 target 50% → 11 500, floor 8% of
 * 45 000 = 3 600 → required 11 500; water 2 300 + agricultural fund 0 + other 2 000 = 4 300 → short 7 200.
 */
import { Decimal, mulRate, parseRate, ratioText, type Fen } from './money';
import type { Model } from './model';
import type { YearIncome } from './run';

export interface EarmarkYear {
  readonly year: number;
  readonly income: Fen;
  readonly netIncome: Fen;
  /** Rural uses by provision kind (fen), and other rural spending. */
  readonly fromProvisions: Readonly<Record<string, Fen>>;
  readonly otherRuralSpending: Fen;
  readonly ruralUses: Fen;
  readonly method: 'netIncome' | 'grossIncome';
  /** The target share and floor in force that year, as written ("50%"). */
  readonly target: string;
  readonly floor: string | null;
  readonly required: Fen;
  readonly met: boolean;
  readonly shortBy: Fen;
  /** Percent of net and gross income, 2 decimals; null when the base is not positive. */
  readonly shareOfNetIncomePercent: string | null;
  readonly shareOfIncomePercent: string | null;
  readonly source: string;
}

const pct = (a: Fen, b: Fen) => (b > 0 ? ratioText(a * 100, b, 2, () => new Decimal(a).div(b).times(100).toFixed(2, Decimal.ROUND_HALF_UP)) : null);

/** Every year with land income (or declared rural spending) from 2021 on; provisions by year and kind, net of true-ups. */
export function ruralEarmark(model: Model, years: ReadonlyMap<number, YearIncome>, provisionsByYearKind: (year: number, kind: string) => Fen): EarmarkYear[] {
  const all = [...new Set([...years.keys(), ...model.ruralSpending.keys()])].sort((a, b) => a - b);
  const rows: EarmarkYear[] = [];
  for (const year of all) {
    const day = `${year}-12-31`;
    const method = (model.params.valueOn('earmark.rural.method', day)?.raw ?? null) as EarmarkYear['method'] | null;
    if (!method) continue; // before 2021 the earmark does not exist
    const y = years.get(year) ?? { income: 0, costRecognised: 0 };
    const netIncome = y.income - y.costRecognised;
    const fromProvisions: Record<string, Fen> = {};
    let ruralUses = 0;
    for (const k of model.provisions) {
      const x = mulRate(provisionsByYearKind(year, k.def.id), k.ruralShare);
      fromProvisions[k.def.id] = x;
      ruralUses += x;
    }
    const other = model.ruralSpending.get(year) ?? 0;
    ruralUses += other;
    const targetKey = method === 'netIncome' ? 'earmark.rural.shareOfNetIncome' : 'earmark.rural.shareOfGrossIncome';
    const target = model.params.valueOn(targetKey, day);
    const floor = method === 'netIncome' ? model.params.valueOn('earmark.rural.grossIncomeFloor', day) : null;
    if (!target) continue;
    const targetRate = parseRate(String(target.raw))!;
    const required = method === 'netIncome'
      ? Math.max(mulRate(Math.max(0, netIncome), targetRate), floor ? mulRate(Math.max(0, y.income), parseRate(String(floor.raw))!) : 0)
      : mulRate(Math.max(0, y.income), targetRate);
    rows.push({
      year, income: y.income, netIncome, fromProvisions, otherRuralSpending: other, ruralUses, method,
      target: String(target.raw), floor: floor ? String(floor.raw) : null, required,
      met: ruralUses >= required, shortBy: Math.max(0, required - ruralUses),
      shareOfNetIncomePercent: pct(ruralUses, netIncome), shareOfIncomePercent: pct(ruralUses, y.income),
      source: target.source,
    });
  }
  return rows;
}
