/**
 * The funding flows of a run in one pass over the postings: the programme's net each period (cost
 * recovered and developer compensation in, spending and financing cost out, pool inflows in) and
 * each zone's sale revenue, provisions, cost, fiscal support and net by period, with the 做地
 * developers' compensation and cost. The funding views (funding-report.ts) are read from these.
 */
import { RULE_IDS } from './rules';
import { NONE } from './ledger';
import { FIGURES } from './figures';
import type { RunOutput } from './run';
import type { Fen } from './money';

// Which rules count is the figure catalogue's (figures.ts): the net is made of its figures.
const rulesOf = (key: string) => { const f = FIGURES.get(key)!; return f.plus; };
const one = (key: string) => RULE_IDS.indexOf(rulesOf(key)[0]);
const member = (...keys: string[]) => { const ids = new Set(keys.flatMap(rulesOf)); return RULE_IDS.map((id) => ids.has(id)); };
const RI = {
  receipt: one('saleRevenue'), costRecovery: one('costRecovered'), devComp: one('developerCompensation'),
  interest: one('interest'), topUp: one('fiscalTopUp'), bridge: one('bridges'), support: one('fiscalDebtSupport'),
  poolInflow: one('poolInflows'),
};
const IS_USE = member('spending');
const IS_FEE = member('bondFees');
// Zone provisions count accruals and year-end true-ups alike, as the zone balance always has.
const IS_PROVISION = member('provisions').map((x, r) => x || (FIGURES.get('provisions')!.minus as string[]).includes(RULE_IDS[r]));

/**
 * What each rule adds to the programme's net of a period (its amount times −2…2): cost recovered
 * and the developer's compensation in, uses out, interest and fees out (again, where they are also
 * uses), pool inflows in. fundingFlows and the readers that want only the net (the peak funding
 * need, ledger-passes.ts) both sum amounts × weight.
 */
export const PERIOD_NET_WEIGHT = Int8Array.from(RULE_IDS, (_, r) =>
  (r === RI.costRecovery || r === RI.devComp ? 1 : IS_USE[r] ? -1 : 0) + (r === RI.interest || IS_FEE[r] ? -1 : 0) + (r === RI.poolInflow ? 1 : 0));

export interface FundingFlows {
  periodNet: Float64Array;
  financingCost: Fen;
  zRevenue: Float64Array; zProv: Float64Array; zCost: Float64Array; zSupport: Float64Array;
  /** zNet[z * periods + p]. */
  zNet: Float64Array;
  devComp: Float64Array; devCost: Float64Array;
}

export function fundingFlows(out: RunOutput): FundingFlows {
  const { model, ledger } = out;
  const nP = model.timeline.months;
  const isUse = IS_USE;
  const isFee = IS_FEE;
  const isProvision = IS_PROVISION;
  const netWeight = PERIOD_NET_WEIGHT;
  const periodNet = new Float64Array(nP);
  const nZ = model.zones.length;
  const zRevenue = new Float64Array(nZ), zProv = new Float64Array(nZ), zCost = new Float64Array(nZ), zSupport = new Float64Array(nZ);
  const zNet = new Float64Array(nZ * nP);
  const devComp = new Float64Array(nZ), devCost = new Float64Array(nZ);
  // The zone whose 做地 developer each account is, or NONE: read once per posting, so an array.
  const devZone = new Int32Array(ledger.accountCount).fill(NONE);
  model.zones.forEach((z, i) => { if (z.developer) devZone[z.developer.account] = i; });
  let financingCost = 0;
  for (let i = 0; i < ledger.length; i++) {
    const r = ledger.rule[i];
    const a = ledger.amount[i];
    const p = ledger.period[i];
    const z = ledger.zone[i];
    const dz = devZone[ledger.from[i]];
    periodNet[p] += netWeight[r] * a;
    if (r === RI.interest || isFee[r]) financingCost += a;
    if (z !== NONE) {
      if (r === RI.receipt) { zRevenue[z] += a; zNet[z * nP + p] += a; }
      else if (isProvision[r]) { zProv[z] += a; zNet[z * nP + p] -= a; }
      else if (isUse[r] && dz === NONE) { zCost[z] += a; zNet[z * nP + p] -= a; }
      else if (r === RI.devComp) { zCost[z] += a; zNet[z * nP + p] -= a; devComp[z] += a; }
      if (r === RI.topUp || r === RI.bridge || r === RI.support) zSupport[z] += a;
    }
    if (dz !== NONE) devCost[dz] += a;
  }
  return { periodNet, financingCost, zRevenue, zProv, zCost, zSupport, zNet, devComp, devCost };
}

/** The deepest point of a net flow's running total, as a positive need. */
export function peakOf(net: (p: number) => number, periods: number): Fen {
  let cum = 0;
  let min = 0;
  for (let p = 0; p < periods; p++) { cum += net(p); if (cum < min) min = cum; }
  return -min;
}
