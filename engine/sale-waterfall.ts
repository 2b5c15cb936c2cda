/**
 * The sale waterfall of one parcel (DOMAIN §4.3 and S-1): sale income R → provisions, each on its
 * own base → the verified reserve cost recovered → value added, split between tiers.
 *
 *   F1 (land income fund)  = R × rate                                         P-6
 *   F2 (agri development)  = area sold × net-yield standard × rate            P-7
 *   Edu = Water            = 10% × max(0, R − cost-type spending − F2)        P-3, P-8, P-9
 *   Housing                = 10% × max(0, R − compensation − development − F2 − sale fee)   P-4, P-10
 *   value added            = R − provisions − verified cost                   S-1
 *
 * Provisions are taken in that order and never exceed R (the per-m² F2 could, on cheap land).
 *
 * Example (DOMAIN X-6): R = 10 000, cost-type spending 6 000, F2 = 100 → base 3 900 → Edu 390,
 * Water 390 (not sequential: both on the same base).
 */
import { mulRate, type Fen, type Rate } from './money';
import type { ProvisionKind } from './rules';

export interface WaterfallInput {
  readonly revenue: Fen;
  /** Acquisition price/compensation, all components. */
  readonly acquisition: Fen;
  /** The part of acquisition that is social security for expropriated farmers (in P-3, not in P-4). */
  readonly socialSecurity: Fen;
  readonly serviceFee: Fen;
  readonly development: Fen;
  readonly managementFee: Fen;
  readonly saleBusinessFee: Fen;
  /** The verified (核定) reserve cost to recover. */
  readonly verifiedCost: Fen;
  /** Area sold × net-yield standard, in fen, before the agri rate (P-7). */
  readonly agriDevBase: Fen;
}

export interface WaterfallRates {
  /** Which provisions this jurisdiction deducts, in order. */
  readonly enabled: readonly ProvisionKind[];
  readonly landIncomeFund: Rate;
  readonly agriDev: Rate;
  readonly education: Rate;
  readonly water: Rate;
  readonly housing: Rate;
}

export interface WaterfallResult {
  readonly provisions: Record<ProvisionKind, Fen>;
  readonly provisionsTotal: Fen;
  /** Provisions that could not be taken because the sale income ran out (F2 is per m², not per 元). */
  readonly provisionsCapped: Fen;
  readonly educationBase: Fen;
  readonly housingBase: Fen;
  readonly costRecovered: Fen;
  readonly unrecoveredCost: Fen;
  readonly valueAdded: Fen;
}

export function saleWaterfall(input: WaterfallInput, rates: WaterfallRates): WaterfallResult {
  const on = (k: ProvisionKind) => rates.enabled.includes(k);
  const R = input.revenue;
  const f1 = on('landIncomeFund') ? mulRate(R, rates.landIncomeFund) : 0;
  const f2 = on('agriDev') ? mulRate(input.agriDevBase, rates.agriDev) : 0;
  const costType = input.acquisition + input.serviceFee + input.development + input.managementFee + input.saleBusinessFee;
  const educationBase = R - costType - f2;
  const housingBase = R - (input.acquisition - input.socialSecurity) - input.serviceFee - input.development - input.managementFee - f2 - input.saleBusinessFee;
  const edu = on('education') ? mulRate(Math.max(0, educationBase), rates.education) : 0;
  const water = on('water') ? mulRate(Math.max(0, educationBase), rates.water) : 0;
  const housing = on('housing') ? mulRate(Math.max(0, housingBase), rates.housing) : 0;
  // No provision can take more than the sale brought in: they are taken in order until R runs out.
  const computed = { landIncomeFund: f1, agriDev: f2, education: edu, water, housing };
  const provisions = { landIncomeFund: 0, agriDev: 0, education: 0, water: 0, housing: 0 };
  let room = Math.max(0, R);
  let provisionsCapped = 0;
  for (const k of ['landIncomeFund', 'agriDev', 'education', 'water', 'housing'] as const) {
    const take = Math.min(room, computed[k]);
    provisions[k] = take;
    provisionsCapped += computed[k] - take;
    room -= take;
  }
  const provisionsTotal = Math.max(0, R) - room;
  const available = room;
  const costRecovered = Math.min(available, Math.max(0, input.verifiedCost));
  return {
    provisions,
    provisionsTotal,
    provisionsCapped,
    educationBase,
    housingBase,
    costRecovered,
    unrecoveredCost: Math.max(0, input.verifiedCost) - costRecovered,
    valueAdded: available - costRecovered,
  };
}
