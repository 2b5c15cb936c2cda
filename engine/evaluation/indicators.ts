/**
 * Indicator formulas (DOMAIN E-5), computed exactly from money in fen and quantities as Decimal:
 *   资金到位率   fundsArrivalRate      = 实际到位资金 / 计划投入资金
 *   到位及时率   arrivalTimelinessRate = 及时到位资金 / 应到位资金
 *   预算执行率   budgetExecutionRate   = 实际支出 / 实际到位（下达）资金
 *   实际完成率   completionRate        = 实际产出 / 计划产出
 *   质量达标率   qualityRate           = 质量达标产出 / 实际产出
 *   成本节约率   costSavingRate        = (计划成本 − 实际成本) / 计划成本
 * Worked examples: Xingning 6 205.07 / 6 205.27 万元 = 99.9968 % (seed 001); Jiangmen
 * 30 143.52 / 30 271.4 万元 = 99.5775… % → "99.58%" (seed 000).
 *
 * `indicatorsFromFlows` is the plain-data entry point a simulation can feed: planned money, dated
 * receipts and dues, spending, planned/actual output — no dependency on any result type.
 */
import { dec, Decimal, type Fen } from '../money';
import { parseArea, areaIn } from '../units';
import { parseMoneyDecimal, parseRate, rateToDecimal } from '../money';

export interface DatedAmount {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly amountFen: Fen;
}

export interface FlowInputs {
  /** 计划投入资金 */
  readonly plannedFen: Fen;
  /** 实际到位资金, by date */
  readonly received: readonly DatedAmount[];
  /** 应到位资金: the schedule money was due on (needed for 到位及时率) */
  readonly due?: readonly DatedAmount[];
  /** 实际支出 */
  readonly spentFen?: Fen;
  /** Only receipts and dues dated on or before this day count (YYYY-MM-DD). */
  readonly asOf?: string;
  /** 计划产出 / 实际产出 / 质量达标产出, in one unit (e.g. 亩) */
  readonly plannedOutput?: Decimal;
  readonly actualOutput?: Decimal;
  readonly qualifiedOutput?: Decimal;
  /** 计划成本 / 实际成本 */
  readonly plannedCostFen?: Fen;
  readonly actualCostFen?: Fen;
}

/** The money figures the rates are made of, and each rate (null where its inputs are missing). */
export type Indicators = {
  readonly plannedFen: Fen;
  readonly receivedFen: Fen;
  readonly dueFen: Fen | null;
  readonly timelyFen: Fen | null;
  readonly spentFen: Fen | null;
} & { readonly [K in IndicatorName]: Decimal | null };

/** The indicators, in the order documents list them, with their names (the table both parsing and display read). */
export const INDICATOR_LABELS = {
  fundsArrivalRate: { zh: '资金到位率', en: 'funds arrival rate' },
  arrivalTimelinessRate: { zh: '到位及时率', en: 'timely arrival rate' },
  budgetExecutionRate: { zh: '预算执行率', en: 'budget execution rate' },
  completionRate: { zh: '实际完成率', en: 'completion rate' },
  qualityRate: { zh: '质量达标率', en: 'quality rate' },
  costSavingRate: { zh: '成本节约率', en: 'cost saving rate' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type IndicatorName = keyof typeof INDICATOR_LABELS;
export const INDICATOR_NAMES = Object.keys(INDICATOR_LABELS) as readonly IndicatorName[];

/** numerator / denominator exactly (40 significant digits); null when the denominator is 0. */
export function ratio(numerator: Decimal, denominator: Decimal): Decimal | null {
  return denominator.isZero() ? null : numerator.div(denominator);
}

export function fenDecimal(fen: Fen): Decimal {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  return dec(String(fen));
}

export function fundsArrivalRate(receivedFen: Fen, plannedFen: Fen): Decimal | null {
  return ratio(fenDecimal(receivedFen), fenDecimal(plannedFen));
}

export function budgetExecutionRate(spentFen: Fen, receivedFen: Fen): Decimal | null {
  return ratio(fenDecimal(spentFen), fenDecimal(receivedFen));
}

export function completionRate(actual: Decimal, planned: Decimal): Decimal | null {
  return ratio(actual, planned);
}

export function qualityRate(qualified: Decimal, actual: Decimal): Decimal | null {
  return ratio(qualified, actual);
}

export function costSavingRate(plannedCostFen: Fen, actualCostFen: Fen): Decimal | null {
  return ratio(fenDecimal(plannedCostFen - actualCostFen), fenDecimal(plannedCostFen));
}

/**
 * Money received on time, first in first out: each receipt pays the earliest outstanding due
 * tranche; the part that pays a tranche on or before that tranche's date is timely. Money beyond
 * the total due is not counted. Example: due 2 000 万 on 09-16 and 4 205.27 万 on 01-16, received
 * 2 000 万 on 09-16 and 4 205.07 万 on 01-16 → timely 6 205.07 万 of 6 205.27 万.
 */
export function timelyAmount(due: readonly DatedAmount[], received: readonly DatedAmount[]): Fen {
  const dues = sortByDate(due).filter((d) => d.amountFen > 0);
  const receipts = sortByDate(received).filter((r) => r.amountFen > 0);
  let timely = 0;
  let di = 0;
  let outstanding = dues.length > 0 ? dues[0].amountFen : 0;
  for (const r of receipts) {
    let left = r.amountFen;
    while (left > 0 && di < dues.length) {
      const take = Math.min(left, outstanding);
      if (r.date <= dues[di].date) timely += take;
      left -= take;
      outstanding -= take;
      if (outstanding === 0) {
        di += 1;
        outstanding = di < dues.length ? dues[di].amountFen : 0;
      }
    }
  }
  return timely;
}

function sortByDate(list: readonly DatedAmount[]): DatedAmount[] {
  return list.map((x, i) => ({ x, i })).sort((a, b) => (a.x.date < b.x.date ? -1 : a.x.date > b.x.date ? 1 : a.i - b.i)).map((e) => e.x);
}

function sumFen(list: readonly DatedAmount[]): Fen {
  let s = 0;
  for (const x of list) s += x.amountFen;
  if (!Number.isSafeInteger(s)) throw new RangeError('sum of amounts beyond the exact range');
  return s;
}

/** Every indicator the inputs allow; an indicator whose inputs are missing (or whose base is 0) is null. */
export function indicatorsFromFlows(inputs: FlowInputs): Indicators {
  const asOf = inputs.asOf;
  const inWindow = (d: DatedAmount) => asOf === undefined || d.date <= asOf;
  const received = inputs.received.filter(inWindow);
  const due = inputs.due?.filter(inWindow);
  const receivedFen = sumFen(received);
  const dueFen = due ? sumFen(due) : null;
  const timelyFen = due ? timelyAmount(due, received) : null;
  const spentFen = inputs.spentFen ?? null;
  const { plannedOutput, actualOutput, qualifiedOutput, plannedCostFen, actualCostFen } = inputs;
  return {
    plannedFen: inputs.plannedFen,
    receivedFen,
    dueFen,
    timelyFen,
    spentFen,
    fundsArrivalRate: fundsArrivalRate(receivedFen, inputs.plannedFen),
    arrivalTimelinessRate: timelyFen !== null && dueFen !== null ? ratio(fenDecimal(timelyFen), fenDecimal(dueFen)) : null,
    budgetExecutionRate: spentFen !== null ? budgetExecutionRate(spentFen, receivedFen) : null,
    completionRate: plannedOutput && actualOutput ? completionRate(actualOutput, plannedOutput) : null,
    qualityRate: qualifiedOutput && actualOutput ? qualityRate(qualifiedOutput, actualOutput) : null,
    costSavingRate: plannedCostFen !== undefined && actualCostFen !== undefined ? costSavingRate(plannedCostFen, actualCostFen) : null,
  };
}

/** A ratio as a percentage string, half-up: 0.995775… → "99.58%". Display only. */
export function formatPercent(value: Decimal, places = 2): string {
  return value.times(100).toFixed(places, Decimal.ROUND_HALF_UP) + '%';
}

/** A quantity with its dimension: areas become 亩, money 元, counts keep their unit, "%" becomes a ratio. */
export interface Quantity {
  readonly value: Decimal;
  /** "亩" for any area, "%" for a rate, the count unit ("户", "起", "万元"…) or "" for a bare number. */
  readonly unit: string;
}

const COUNT_QTY_RE = /^\s*(\d+(?:\.\d+)?)\s*(户|宗|起|个|人次|项)?\s*$/;
const MONEY_QTY_RE = /(元|万元|亿元)\s*$/;

/**
 * "399亩" → {399, 亩}; "3.1公顷" → {46.5, 亩}; "90%" → {0.9, %}; "3636万元" → {36 360 000, 元};
 * "0起" → {0, 起}. Null if malformed.
 */
export function parseQuantity(text: string): Quantity | null {
  const area = parseArea(text);
  if (area) return { value: areaIn(area, 'mu'), unit: '亩' };
  if (MONEY_QTY_RE.test(text)) {
    const yuan = parseMoneyDecimal(text.replace(/,/g, ''));
    return yuan ? { value: yuan, unit: '元' } : null;
  }
  if (/%\s*$/.test(text)) {
    const r = parseRate(text);
    return r ? { value: rateToDecimal(r), unit: '%' } : null;
  }
  const m = COUNT_QTY_RE.exec(text);
  return m ? { value: dec(m[1]), unit: m[2] ?? '' } : null;
}
