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
import { Decimal, mulDivHalfUp, type Fen } from './money';
import { NONE } from './ledger';
import { RULE_IDS, RULES, ruleIndex } from './rules';
import { yearOf } from './timeline';
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

export const ratioText = (a: Fen, b: Fen): string | null => (b > 0 ? new Decimal(a).div(b).toFixed(4, Decimal.ROUND_HALF_UP) : null);

const RECEIPT = ruleIndex('sale.receipt');
const PROVISION = RULE_IDS.map((id) => (id.startsWith('provision.') ? (id.endsWith('.trueUp') ? -1 : 1) : 0));
const USE = RULE_IDS.map((id) => RULES.get(id)!.line === 'use');
const FEE = new Set(['bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'].map(ruleIndex));

/** Coverage of the bonds of `project` (-1: bonds of no project, over every parcel). */
export function projectCoverage(out: RunOutput, project: number): Coverage {
  const { model, ledger } = out;
  const basis = model.coverageBasis;
  const nP = model.timeline.months;
  const states = out.bonds.filter((s) => s.bond.project === project);
  const originals = states.filter((s) => !s.rolloverOf);
  const windowEnd = Math.min(nP - 1, Math.max(0, ...originals.map((s) => s.maturity)));
  // Read for every posting, so a membership column rather than a Set.
  const inProject = new Uint8Array(model.parcels.length);
  if (project >= 0) for (const i of model.projects[project].parcels) inProject[i] = 1;
  else inProject.fill(1);
  const parcels = { has: (pc: number) => inProject[pc] === 1 };
  const projectAccount = project >= 0 ? model.projects[project].account : NONE;
  const agents = new Set(states.map((s) => s.bond.agent));

  // Income and (for the net bases) provisions and non-bond costs, per period.
  const provisions = new Map<number, Fen>();
  if (basis !== 'gross') for (let i = 0; i < ledger.length; i++) {
    const pc = ledger.parcel[i];
    const r = ledger.rule[i];
    if (pc !== NONE && parcels.has(pc) && PROVISION[r] !== 0) provisions.set(pc, (provisions.get(pc) ?? 0) + PROVISION[r] * ledger.amount[i]);
  }
  const income = new Float64Array(nP);
  const deduct = new Float64Array(nP);
  let after = 0;
  for (let i = 0; i < ledger.length; i++) {
    const pc = ledger.parcel[i];
    const r = ledger.rule[i];
    const p = ledger.period[i];
    if (r === RECEIPT && pc !== NONE && parcels.has(pc)) {
      if (p > windowEnd) { after += ledger.amount[i]; continue; }
      income[p] += ledger.amount[i];
      if (basis !== 'gross') {
        const sale = model.parcels[pc].sale!;
        deduct[p] += mulDivHalfUp(Math.max(0, provisions.get(pc) ?? 0), ledger.amount[i], Math.max(1, sale.revenue));
      }
    } else if (basis === 'netOfProvisionsAndCosts' && p <= windowEnd) {
      const costNotByBond = USE[r] && pc !== NONE && parcels.has(pc) && ledger.from[i] !== projectAccount;
      const bondFee = FEE.has(r) && agents.has(ledger.to[i]);
      if (costNotByBond || bondFee) deduct[p] += ledger.amount[i];
    }
  }

  const debt = new Float64Array(nP);
  for (const s of originals) for (const row of s.schedule) if (row.period <= windowEnd) debt[row.period] += row.interest + row.principal;
  // Principal counts once even where a rollover paid it at maturity; an unpaid principal still counts.
  for (const s of originals) debt[Math.min(windowEnd, s.maturity)] += s.outstanding;

  const years = new Map<number, { available: Fen; debtService: Fen }>();
  let available = 0;
  let debtService = 0;
  for (let p = 0; p <= windowEnd; p++) {
    const a = income[p] - deduct[p];
    if (a === 0 && debt[p] === 0 && income[p] === 0) continue;
    const y = yearOf(model.timeline, p);
    const e = years.get(y) ?? { available: 0, debtService: 0 };
    e.available += a;
    e.debtService += debt[p];
    years.set(y, e);
    available += a;
    debtService += debt[p];
  }
  // The year rows (two decimal divisions each) are made when first read: a Monte Carlo draw reads the ratio alone.
  let byYear: CoverageYear[] | null = null;
  return {
    basis, windowEnd, available, incomeAfterLife: after, debtService, ratio: ratioText(available, debtService),
    get byYear() { return (byYear ??= yearRows(years)); },
    // Writable, as the Coverage type says: a caller may replace the rows it was given.
    set byYear(rows: CoverageYear[]) { byYear = rows; },
  };
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
