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

/**
 * The kinds of parcelProvisions() with their bases read once: each term of a base as a sign and
 * where its quantity is (income, reserve cost, social security, agri-development area, or an
 * earlier kind's amount). The run takes a parcel's provisions with these, by index, with no
 * record built and no quantity name parsed per sale.
 */
export interface CompiledKinds {
  readonly rates: readonly ProvisionRate[];
  /** Per kind, its terms flattened: sign, source, sign, source, … (source ≥ 4: kind source − 4; −1: nothing). */
  readonly terms: readonly Int32Array[];
}

const QUANTITY_SOURCE: Record<string, number> = { income: 0, reserveCost: 1, socialSecurity: 2, agriDevArea: 3 };

export function compileKinds(kinds: readonly ProvisionRate[]): CompiledKinds {
  const terms = kinds.map((k, i) => {
    const flat = new Int32Array(k.def.base.length * 2);
    k.def.base.forEach((term, t) => {
      flat[2 * t] = term.sign;
      if (term.quantity.startsWith('provision:')) {
        // provisionBase() reads the amounts of the kinds taken so far: a kind later in the list (or not in it) is 0.
        const j = kinds.findIndex((x) => x.def.id === term.quantity.slice('provision:'.length));
        flat[2 * t + 1] = j >= 0 && j < i ? 4 + j : -1;
      } else flat[2 * t + 1] = QUANTITY_SOURCE[term.quantity];
    });
    return flat;
  });
  return { rates: kinds, terms };
}

/**
 * parcelProvisions() of the compiled kinds, written to out[at …] in kind order; returns what was
 * capped. The same arithmetic in the same order, so the same fen.
 */
export function parcelProvisionsInto(income: Fen, reserveCost: Fen, socialSecurity: Fen, agriDevArea: Fen, kinds: CompiledKinds, out: Float64Array, at: number): Fen {
  let room = Math.max(0, income);
  let capped = 0;
  for (let k = 0; k < kinds.terms.length; k++) {
    const terms = kinds.terms[k];
    let base = 0;
    for (let t = 0; t < terms.length; t += 2) {
      const source = terms[t + 1];
      const v = source === 0 ? income : source === 1 ? reserveCost : source === 2 ? socialSecurity : source === 3 ? agriDevArea : source > 3 ? out[at + source - 4] : 0;
      base += terms[t] * v;
    }
    const due = mulRate(Math.max(0, base), kinds.rates[k].rate);
    const take = Math.min(room, due);
    out[at + k] = take;
    capped += due - take;
    room -= take;
  }
  return capped;
}
