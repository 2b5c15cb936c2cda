/**
 * The sale waterfall of one parcel (DOMAIN §4.3, S-1, S-5, S-6): sale income R → provisions, each
 * on its own base from the provision catalogue → the verified reserve cost recovered → value added.
 *
 * The cost-type deduction in every base is the parcel's 核定成本 (its stated `verifiedCost`, or its
 * planned reserve cost when none is stated) plus the financing cost attributed to it — never the
 * typed-in components alone (S-5): a parcel entered as "sold for R, verified cost C" pays education
 * on R − C, not on R. The housing base (P-4) does not deduct social security for farmers.
 *
 *   F1 (land income fund)  = R × rate                                          P-6
 *   F2 (agri development)  = area sold × net-yield standard × rate             P-7
 *   Edu = Water            = 10% × max(0, R − 核定成本 − F2)                    P-3, P-8, P-9
 *   Housing                = 10% × max(0, R − (核定成本 − social security) − F2)  P-4, P-10
 *   value added            = R − provisions − 核定成本                           S-1
 *
 * Provisions are taken in catalogue order and never exceed R (the per-m² F2 could, on cheap land).
 * Example (DOMAIN X-6): R = 10 000, 核定成本 6 000, F2 = 100 → base 3 900 → Edu 390, Water 390.
 */
import { mulRate, type Fen, type Rate } from './money';
import { provisionBase, type BaseQuantities, type ProvisionDefinition } from './provision-catalogue';

/** One enabled provision kind with its rate in force. */
export interface ProvisionRate {
  readonly def: ProvisionDefinition;
  readonly rate: Rate;
}

export interface WaterfallInput extends BaseQuantities {
  /** The 核定成本 to recover before value added: verified cost plus attributed financing cost. */
  readonly reserveCost: Fen;
}

export interface ProvisionAmounts {
  readonly amounts: Record<string, Fen>;
  readonly bases: Record<string, Fen>;
  /** Provisions that could not be taken because the sale income ran out. */
  readonly capped: Fen;
}

/** The provisions of the kinds given, each on the parcel's own base, capped in order at the income. */
export function parcelProvisions(q: BaseQuantities, kinds: readonly ProvisionRate[]): ProvisionAmounts {
  const amounts: Record<string, Fen> = {};
  const bases: Record<string, Fen> = {};
  let room = Math.max(0, q.income);
  let capped = 0;
  for (const k of kinds) {
    const base = provisionBase(k.def, q, amounts);
    const due = mulRate(Math.max(0, base), k.rate);
    const take = Math.min(room, due);
    bases[k.def.id] = base;
    amounts[k.def.id] = take;
    capped += due - take;
    room -= take;
  }
  return { amounts, bases, capped };
}

export interface WaterfallResult {
  readonly provisions: Record<string, Fen>;
  readonly provisionsTotal: Fen;
  readonly provisionsCapped: Fen;
  readonly bases: Record<string, Fen>;
  readonly costRecovered: Fen;
  readonly unrecoveredCost: Fen;
  readonly valueAdded: Fen;
}

/** The whole waterfall on the parcel's own bases (provisions.basePeriod = parcel). */
export function saleWaterfall(input: WaterfallInput, kinds: readonly ProvisionRate[]): WaterfallResult {
  const p = parcelProvisions(input, kinds);
  const provisionsTotal = Object.values(p.amounts).reduce((a, b) => a + b, 0);
  const available = Math.max(0, input.income) - provisionsTotal;
  const costRecovered = Math.min(available, Math.max(0, input.reserveCost));
  return {
    provisions: p.amounts,
    provisionsTotal,
    provisionsCapped: p.capped,
    bases: p.bases,
    costRecovered,
    unrecoveredCost: Math.max(0, input.reserveCost) - costRecovered,
    valueAdded: available - costRecovered,
  };
}
