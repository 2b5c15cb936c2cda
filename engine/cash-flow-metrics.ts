/**
 * NPV, IRR and payback of the reserve programme's own cash flow: land income (sale receipts and
 * rent) less what the programme spends (acquisition, development, fees, holding) and its financing
 * cost (interest, bond fees), month by month. Bond principal is left out — it is the funding, not
 * the project — and so are provisions and value-added shares, which are the income's uses.
 *
 * NPV discounts month m by (1 + r)^(m/12) at the scenario's annual rate, in decimal.js, rounded
 * to fen once. IRR is robust: the NPV is scanned over annual rates from −99% to +1 000%, every sign
 * change is bracketed and bisected; no sign change is "no IRR" and several are all reported
 * (a flow that turns negative again — late works, a bond's fiscal support — can have more than one).
 * Payback is the first month after which the cumulative flow stays at or above zero.
 */
import { Decimal, roundFen, type Fen } from './money';

export interface CashFlowMetrics {
  readonly npv: Fen;
  /** Annual IRR as a decimal string with 4 places ("0.0825"), the lowest root when there are several. */
  readonly irrAnnual: string | null;
  readonly irrRoots: readonly string[];
  readonly irrNote: 'ok' | 'none' | 'multiple';
  /** Period index from which the cumulative flow stays ≥ 0, or -1 if it never does. */
  readonly paybackPeriod: number;
}

export function cashFlowMetrics(flows: readonly Fen[], discountRateAnnual: Decimal): CashFlowMetrics {
  const npv = npvFen(flows, discountRateAnnual);
  const roots = irrRoots(flows);
  let cum = 0;
  let payback = -1;
  for (let p = 0; p < flows.length; p++) {
    cum += flows[p];
    if (cum >= 0 && payback < 0) payback = p;
    else if (cum < 0) payback = -1;
  }
  return {
    npv,
    irrAnnual: roots.length ? roots[0] : null,
    irrRoots: roots,
    irrNote: roots.length === 0 ? 'none' : roots.length === 1 ? 'ok' : 'multiple',
    paybackPeriod: flows.some((f) => f !== 0) ? payback : -1,
  };
}

/**
 * The NPV in whole fen, half-up: what decimal.js gives (npvAt), read off a float sum when that sum
 * is clearly not near a half fen. Each term is a fen amount times the float nearest the 40-digit
 * inverse factor, summed with Neumaier's compensation: the sum is within 4 × 10⁻¹⁶ of the terms'
 * total size, and so is decimal.js's (to 10⁻³⁰). Near a tie, or far out of range, decimal.js decides.
 */
function npvFen(flows: readonly Fen[], annual: Decimal): Fen {
  const { inverse } = discountFactors(annual, flows.length);
  let sum = 0;
  let compensation = 0;
  let size = 0;
  for (let m = 0; m < flows.length; m++) {
    if (flows[m] === 0) continue;
    const t = flows[m] * inverse[m];
    const next = sum + t;
    compensation += Math.abs(sum) >= Math.abs(t) ? sum - next + t : t - next + sum;
    sum = next;
    size += Math.abs(t);
  }
  const total = sum + compensation;
  const abs = Math.abs(total);
  if (abs < 2 ** 50) {
    const whole = Math.floor(abs);
    const frac = abs - whole;
    if (Math.abs(frac - 0.5) > size * 1e-15 + 1e-9) {
      const fen = frac > 0.5 ? whole + 1 : whole;
      return (total < 0 ? -fen : fen) || 0;
    }
  }
  return roundFen(npvAt(flows, annual).div(100));
}

/** Σ flow_m / (1 + r)^(m/12), in fen (unrounded): the reference. */
function npvAt(flows: readonly Fen[], annual: Decimal): Decimal {
  const { factors } = discountFactors(annual, flows.length);
  let sum = new Decimal(0);
  for (let m = 0; m < flows.length; m++) {
    if (flows[m] !== 0) sum = sum.plus(new Decimal(flows[m]).div(factors[m]));
  }
  return sum;
}

/**
 * (1 + r)^(m/12) for m = 0, 1, 2…, each the one before times the monthly factor, and the float
 * nearest the inverse of each: a function of the rate alone, so made once per rate (a report, a
 * sweep, a Monte Carlo draw all discount alike) and grown to the longest timeline asked for.
 */
const FACTORS = new Map<string, { monthly: Decimal; factors: Decimal[]; inverse: number[] }>();
function discountFactors(annual: Decimal, months: number): { factors: readonly Decimal[]; inverse: readonly number[] } {
  const key = annual.toString();
  let f = FACTORS.get(key);
  if (!f) {
    if (FACTORS.size >= 100) FACTORS.clear();
    FACTORS.set(key, (f = { monthly: annual.plus(1).pow(new Decimal(1).div(12)), factors: [new Decimal(1)], inverse: [1] }));
  }
  const { monthly, factors, inverse } = f;
  while (factors.length < months) {
    const next = factors[factors.length - 1].times(monthly);
    factors.push(next);
    inverse.push(new Decimal(1).div(next).toNumber());
  }
  return f;
}

/** NPV as a float for root finding only (a rate is not money; the roots are then stated to 4 places). */
function npvFloat(flows: readonly Fen[], annual: number): number {
  const monthly = Math.pow(1 + annual, 1 / 12);
  let factor = 1;
  let sum = 0;
  for (let m = 0; m < flows.length; m++) {
    sum += flows[m] / factor;
    factor *= monthly;
  }
  return sum;
}

function irrRoots(flows: readonly Fen[]): string[] {
  if (!flows.some((f) => f > 0) || !flows.some((f) => f < 0)) return [];
  const grid: number[] = [];
  for (let i = 0; i <= 400; i++) grid.push(-0.99 + (10.99 * Math.pow(i / 400, 3)));
  const roots: string[] = [];
  let prev = npvFloat(flows, grid[0]);
  for (let i = 1; i < grid.length; i++) {
    const cur = npvFloat(flows, grid[i]);
    if (!Number.isFinite(prev) || !Number.isFinite(cur)) { prev = cur; continue; }
    if (prev === 0) roots.push(grid[i - 1].toFixed(4));
    else if (prev * cur < 0) {
      let lo = grid[i - 1];
      let hi = grid[i];
      let flo = prev;
      for (let k = 0; k < 200 && hi - lo > 1e-10; k++) {
        const mid = (lo + hi) / 2;
        const fm = npvFloat(flows, mid);
        if (fm * flo <= 0) hi = mid;
        else { lo = mid; flo = fm; }
      }
      roots.push(((lo + hi) / 2).toFixed(4));
    }
    prev = cur;
  }
  return [...new Set(roots)];
}
