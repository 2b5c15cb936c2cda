/**
 * Debt-service coverage (本息覆盖倍数) of a bond project, as published project cards compute it
 * (DOMAIN B-14, B-16): the project's land income received within the bonds' life, over the bonds'
 * principal plus interest.
 *
 *   window          issue → the latest maturity of the project's bonds (a 含权 bond repaid at its
 *                   option date ends there); income arriving later repays nothing and is not counted
 *   basis gross     sale income within the window (the default: 2025 Jiangsu cards, 成本 0)
 *   netOfProvisions minus each parcel's provisions, pro rata to its income within the window
 *   netOfProvisionsAndCosts  also minus the project's costs not paid by the bond and the bond fees
 *
 * By year: the year alone (income ÷ debt service of the year) and with carry-forward (the balance
 * brought forward from earlier years plus the year's income, over the year's debt service), as an
 * 实施方案's 收益与融资平衡表 carries its year-end balance.
 * Example (2025 Jiangsu card): 98 309 万元 of income over a 73 600 万元 5-year bond at 1.85%
 * → 98 309 ÷ (73 600 + 6 808) = 1.2226.
 */
import { Decimal, mulDivHalfUp, ratioText as fixedRatio, type Fen } from './money';
import { NONE } from './ledger';
import { RULE_IDS, RULES, ruleIndex } from './rules';
import { yearOf, type Timeline } from './timeline';
import type { RunOutput } from './run';

export type CoverageBasis = 'gross' | 'netOfProvisions' | 'netOfProvisionsAndCosts';

export interface CoverageYear {
  year: number;
  available: Fen;
  debtService: Fen;
  /** Balance brought forward from earlier years (may be negative). */
  carryIn: Fen;
  ratio: string | null;
  ratioWithCarry: string | null;
}

export interface Coverage {
  basis: CoverageBasis;
  /** Last period whose income counts (the latest maturity). */
  windowEnd: number;
  available: Fen;
  /** Income of the project's parcels received after the window (not counted). */
  incomeAfterLife: Fen;
  debtService: Fen;
  ratio: string | null;
  byYear: CoverageYear[];
}

/**
 * a ÷ b to four places, half-up, as decimal.js writes it: money.ts's ratioText, which lets the float
 * quotient decide where it lies clearly off a tie (a Monte Carlo draw writes one, and a decimal
 * division cost more than the rest of the coverage), decimal.js near a tie or for a negative ratio.
 */
export function ratioText(a: Fen, b: Fen): string | null {
  return b > 0 ? fixedRatio(a, b, 4, () => new Decimal(a).div(b).toFixed(4, Decimal.ROUND_HALF_UP)) : null;
}

const RECEIPT = ruleIndex('sale.receipt');
const PROVISION = RULE_IDS.map((id) => (id.startsWith('provision.') ? (id.endsWith('.trueUp') ? -1 : 1) : 0));
const USE = RULE_IDS.map((id) => RULES.get(id)!.line === 'use');
const FEE = new Set(['bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'].map(ruleIndex));

/** Coverage of the bonds of `project` (-1: bonds of no project, over every parcel). */
export function projectCoverage(out: RunOutput, project: number): Coverage {
  const { model } = out;
  const basis = model.coverageBasis;
  const nP = model.timeline.months;
  const states = out.bonds.filter((s) => s.bond.project === project);
  const originals = states.filter((s) => !s.rolloverOf);
  const windowEnd = Math.min(nP - 1, Math.max(0, ...originals.map((s) => s.maturity)));
  // Read for every posting, so a membership column rather than a Set.
  const inProject = new Uint8Array(model.parcels.length);
  if (project >= 0) for (const i of model.projects[project].parcels) inProject[i] = 1;
  else inProject.fill(1);
  const projectAccount = project >= 0 ? model.projects[project].account : NONE;
  const agents = new Set(states.map((s) => s.bond.agent));
  const provisions = basis === 'gross' ? null : provisionsOf(out, inProject);
  const income = new Float64Array(nP);
  const deduct = new Float64Array(nP);
  const after = incomeAndDeductions(out, { windowEnd, inProject, provisions, costs: basis === 'netOfProvisionsAndCosts', projectAccount, agents }, income, deduct);

  const debt = new Float64Array(nP);
  for (const s of originals) for (const row of s.schedule) if (row.period <= windowEnd) debt[row.period] += row.interest + row.principal;
  // Principal counts once even where a rollover paid it at maturity; an unpaid principal still counts.
  for (const s of originals) debt[Math.min(windowEnd, s.maturity)] += s.outstanding;

  let available = 0;
  let debtService = 0;
  for (let p = 0; p <= windowEnd; p++) {
    available += income[p] - deduct[p];
    debtService += debt[p];
  }
  return withYearRows({ basis, windowEnd, available, incomeAfterLife: after, debtService, ratio: ratioText(available, debtService) }, model.timeline, income, deduct, debt);
}

/**
 * The coverage with its year rows (two decimal divisions each) made when first read, from the
 * months' income, deductions and debt service: a Monte Carlo draw reads the ratio alone. A
 * function of its own, so that the getter holds these columns and nothing else of the run (a
 * getter made in projectCoverage would share its scope, the model with it, and keep a draw's
 * model alive with its coverage).
 */
function withYearRows(fields: Omit<Coverage, 'byYear'>, t: Timeline, income: Float64Array, deduct: Float64Array, debt: Float64Array): Coverage {
  let byYear: CoverageYear[] | null = null;
  return {
    ...fields,
    get byYear() { return (byYear ??= yearRows(yearTotals(t, fields.windowEnd, income, deduct, debt))); },
    // Writable, as the Coverage type says: a caller may replace the rows it was given.
    set byYear(rows: CoverageYear[]) { byYear = rows; },
  };
}

/** Each project parcel's provisions (less their year-end true-ups), by parcel: the net bases deduct them pro rata to income. */
function provisionsOf(out: RunOutput, inProject: Uint8Array): Map<number, Fen> {
  const { parcel, rule, amount } = out.ledger;
  const provisions = new Map<number, Fen>();
  for (let i = 0, n = out.ledger.length; i < n; i++) {
    const pc = parcel[i];
    const r = rule[i];
    if (pc !== NONE && inProject[pc] === 1 && PROVISION[r] !== 0) provisions.set(pc, (provisions.get(pc) ?? 0) + PROVISION[r] * amount[i]);
  }
  return provisions;
}

interface IncomeReading {
  readonly windowEnd: number;
  readonly inProject: Uint8Array;
  /** The net bases' provisions by parcel (null: gross). */
  readonly provisions: Map<number, Fen> | null;
  /** netOfProvisionsAndCosts: costs not paid by the bond and the bond fees are deducted too. */
  readonly costs: boolean;
  readonly projectAccount: number;
  readonly agents: ReadonlySet<number>;
}

/**
 * The project parcels' sale income by period within the window (`income`) and what the basis
 * deducts from it (`deduct`); returns the income received after the window. On the gross basis
 * only receipts are read: a posting of any other rule is passed over on its rule alone.
 */
function incomeAndDeductions(out: RunOutput, r: IncomeReading, income: Float64Array, deduct: Float64Array): Fen {
  const { model, ledger } = out;
  const { parcel, rule, period, amount, from, to } = ledger;
  const { windowEnd, inProject, provisions, costs } = r;
  let after = 0;
  for (let i = 0, n = ledger.length; i < n; i++) {
    const ru = rule[i];
    if (ru === RECEIPT) {
      const pc = parcel[i];
      if (pc !== NONE && inProject[pc] === 1) {
        const p = period[i];
        if (p > windowEnd) {
          after += amount[i];
          continue;
        }
        income[p] += amount[i];
        if (provisions) deduct[p] += mulDivHalfUp(Math.max(0, provisions.get(pc) ?? 0), amount[i], Math.max(1, model.parcels[pc].sale!.revenue));
        continue;
      }
    }
    if (!costs || period[i] > windowEnd) continue;
    const pc = parcel[i];
    const costNotByBond = USE[ru] && pc !== NONE && inProject[pc] === 1 && from[i] !== r.projectAccount;
    const bondFee = FEE.has(ru) && r.agents.has(to[i]);
    if (costNotByBond || bondFee) deduct[period[i]] += amount[i];
  }
  return after;
}

/** Income less deductions, and debt service, by calendar year within the window (years with neither left out). */
function yearTotals(t: Timeline, windowEnd: number, income: Float64Array, deduct: Float64Array, debt: Float64Array): Map<number, { available: Fen; debtService: Fen }> {
  const years = new Map<number, { available: Fen; debtService: Fen }>();
  for (let p = 0; p <= windowEnd; p++) {
    const a = income[p] - deduct[p];
    if (a === 0 && debt[p] === 0 && income[p] === 0) continue;
    const y = yearOf(t, p);
    const e = years.get(y) ?? { available: 0, debtService: 0 };
    e.available += a;
    e.debtService += debt[p];
    years.set(y, e);
  }
  return years;
}

/** The coverage of each year alone and with the balance carried forward, in year order. */
function yearRows(years: Map<number, { available: Fen; debtService: Fen }>): CoverageYear[] {
  let carry = 0;
  return [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, e]) => {
    const row = { year, available: e.available, debtService: e.debtService, carryIn: carry, ratio: ratioText(e.available, e.debtService), ratioWithCarry: ratioText(carry + e.available, e.debtService) };
    carry += e.available - e.debtService;
    return row;
  });
}

export const COVERAGE_BASIS_TEXT: Record<CoverageBasis, { en: string; zh: string }> = {
  gross: { en: 'gross sale income within the bond\'s life', zh: '债券存续期内出让收入总额' },
  netOfProvisions: { en: 'sale income within the bond\'s life, net of provisions', zh: '债券存续期内扣除计提后的出让收入' },
  netOfProvisionsAndCosts: { en: 'sale income within the bond\'s life, net of provisions, costs not paid by the bond and bond fees', zh: '债券存续期内扣除计提、非债券资金成本及发行费用后的出让收入' },
};
