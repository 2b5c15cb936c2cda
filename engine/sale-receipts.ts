/**
 * A sale's receipts as the settlement meets them (DOMAIN §4.3, S-5): in the order they arrive,
 * each taking a part of the parcel's cost — and, on the year basis, of its quantities and
 * parcel-level provisions — in proportion to its amount (allocate: whole fen, none lost).
 *
 * Example: receipts of 30 and 70 spread a cost of 10.01 as 3.01 and 7.00 (the floors 3.00 and
 * 7.00, the odd fen to the first); receipts of 0 and 0 (a price of nothing) leave it all to the last.
 */
import { allocate, gcd, type Fen } from './money';
import { amountAt, arrivalOrder, columns, periodAt, type Flows } from './flows';
import type { ProvisionAmounts } from './sale-waterfall';
import type { ParcelModel } from './model';

/**
 * On the year basis, a sold parcel's quantities and parcel-level provisions spread over its
 * receipts (its cost is spread on either basis, in Settlement's receiptCost column).
 */
export interface ReceiptPlan {
  /** Per receipt, in order: its share of the parcel's quantities and parcel-level provisions. */
  socialSecurity: Fen[];
  agriDevArea: Fen[];
  parcelKinds: Record<string, Fen[]>;
  /** Per kind: what earlier receipts could not take yet (the income already received was used up). */
  carry: Record<string, Fen>;
  receivedSoFar: Fen;
  postedSoFar: Fen;
  /** Parcel-level provisions posted (year basis). */
  parcelKindsTotal: Fen;
  parcelKindsCapped: Fen;
}

/** Parcel `p`'s year-basis plan: its quantities and its parcel-level provisions `pk` (kinds `kindIds`) over `count` receipts weighted `weights`. */
export function receiptPlan(p: ParcelModel, pk: ProvisionAmounts, kindIds: readonly string[], weights: number[] | null, count: number): ReceiptPlan {
  const parcelKinds: Record<string, Fen[]> = {};
  const carry: Record<string, Fen> = {};
  let parcelKindsTotal = 0;
  for (const id of kindIds) {
    parcelKinds[id] = spread(pk.amounts[id], weights, count);
    carry[id] = 0;
    parcelKindsTotal += pk.amounts[id];
  }
  return {
    socialSecurity: spread(p.socialSecurity, weights, count),
    agriDevArea: spread(p.agriDevBase, weights, count),
    parcelKinds,
    carry,
    receivedSoFar: 0,
    postedSoFar: 0,
    parcelKindsTotal,
    parcelKindsCapped: pk.capped,
  };
}

/**
 * Receipt number `r` of `amount` under `plan`: each parcel-level kind's share (by id, in `kindIds`'
 * order), never more than the parcel's income received so far — shares rounded up could pass it
 * by a fen — so what a receipt cannot take waits for the next (plan.carry).
 */
export function receiptProvisions(plan: ReceiptPlan, r: number, amount: Fen, kindIds: readonly string[]): Record<string, Fen> {
  plan.receivedSoFar += amount;
  const amounts: Record<string, Fen> = {};
  for (let k = 0; k < kindIds.length; k++) {
    const id = kindIds[k];
    const want = plan.parcelKinds[id][r] + plan.carry[id];
    const x = Math.min(want, plan.receivedSoFar - plan.postedSoFar);
    plan.carry[id] = want - x;
    plan.postedSoFar += x;
    amounts[id] = x;
  }
  return amounts;
}

/**
 * A sale's receipts in the order the run meets them: by month, and as listed within a month (the
 * event layout's stable sort, run-events.ts). Stated receipts come in date order already
 * (parcel-basis.ts) and a default schedule's first instalment cannot fall after its balance
 * (parameters.ts refuses it), so this is the guarantee, not a path the seeds take: arrivalOrder
 * returns null for receipts already in order, and they are used as they are.
 */
export function inArrivalOrder(receipts: Flows): Flows {
  const order = arrivalOrder(receipts);
  if (order === null) return receipts;
  return columns(order.map((k) => periodAt(receipts, k)), order.map((k) => amountAt(receipts, k)));
}

/** A sale's receipts as weights to spread its quantities over: null when there is one, or none above zero. */
export function receiptWeights(receipts: Flows): number[] | null {
  if (receipts.length <= 1) return null;
  const weights = new Array<number>(receipts.length);
  let any = false;
  let g = 0;
  for (let i = 0; i < receipts.length; i++) {
    weights[i] = amountAt(receipts, i);
    if (weights[i] > 0) any = true;
    g = gcd(g, weights[i]);
  }
  if (!any) return null;
  // Weights divided by their common factor give the same parts (⌊total × w / Σw⌋ is unchanged)
  // and keep total × w within exact doubles, where allocate() would otherwise use BigInt.
  if (g > 1 && Number.isSafeInteger(g)) for (let i = 0; i < weights.length; i++) weights[i] /= g;
  return weights;
}


/** `total` spread over `count` receipts by their weights; with none above zero the last takes it all. */
export function spread(total: Fen, weights: number[] | null, count: number): Fen[] {
  if (count <= 1) return [total];
  if (weights) return allocate(total, weights);
  const out = new Array<Fen>(count).fill(0);
  out[count - 1] = total;
  return out;
}
