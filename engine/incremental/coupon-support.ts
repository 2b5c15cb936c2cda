/**
 * The budget's support for debt service, and its return, under a fund's delta (coupon-step.ts).
 *
 *   support    a row the fund could not meet: the budget advanced the gap, what the row's part
 *              from the fund (its due, less what the project account paid) lacks beyond the
 *              fund's balance (bond.ts, B-13). With the delta the gap is re-sized or dropped; a
 *              row that now needs support where it had none is not re-derived (the walk gives up).
 *   recovery   cost recovered into the fund returns its advances, oldest first, each as far as
 *              the money recovered and the fund's balance allow (advances.ts). The run's returns
 *              are replayed from the old advances to check them, then from the new ones.
 */
import { ruleIndex } from '../rules';
import type { Advance, Patch, Walk } from './coupon-step';

const SERVICE = new Set(['bond.interest', 'bond.principal', 'bond.redemptionFee'].map(ruleIndex));
const RETURN = ruleIndex('bond.fiscalSupportReturn');
const NO_PARCEL = -1;

/** Budget support posted at i into fund `to`: re-sized under the delta. False to give up. */
export function support(w: Walk, i: number): boolean {
  const { l, p } = w;
  const f = l.to[i];
  const gapOld = l.amount[i];
  const b0 = w.bal[f];
  const d = p.delta[f];
  // The row it supports: the next posting is the row's first (interest, fees or principal).
  const j = i + 1;
  if (j >= l.length || !SERVICE.has(l.rule[j]) || l.period[j] !== l.period[i] || l.parcel[j] !== NO_PARCEL) return false;
  const bond = w.bondOf[l.to[j]];
  if (bond < 0 || w.model.bonds[bond].fund !== f) return false;
  let fDue = gapOld + Math.max(0, b0);
  const k = w.owner[l.to[j]];
  if (k >= 0) {
    // A changed bond: its home is the fund, so the fund's part is the whole due.
    const row = w.rowOf[k].get(l.period[i]);
    if (row === undefined) return false;
    const before = w.changed[k].oldRows[row];
    const after = w.changed[k].newRows[row];
    if (before.fiscalSupport !== gapOld || fDue !== before.interest + before.principal + before.fees) return false;
    fDue = after.interest + after.principal + after.fees;
  }
  const gap = Math.max(0, fDue - Math.max(0, b0 + d));
  resize(p, i, gapOld, gap, f, w.fiscal);
  p.debtSupportChange += gap - gapOld;
  p.supports.push({ bond, period: l.period[i], gap });
  let list = w.advances.get(f);
  if (!list) w.advances.set(f, (list = []));
  list.push({ old: gapOld, next: gap });
  w.supportedPeriod = gap > 0 ? l.period[i] : -1;
  w.supportedBond = gap > 0 ? bond : -1;
  return true;
}

/** Cost recovered at i into fund `to`: the advances it returns, before and after the edit. False to give up. */
export function recovery(w: Walk, i: number): boolean {
  const { l, p } = w;
  const f = l.to[i];
  const list = w.advances.get(f);
  let count = 0;
  while (i + 1 + count < l.length && l.rule[i + 1 + count] === RETURN && l.from[i + 1 + count] === f) count++;
  if (!list) return count === 0;
  const x = l.amount[i];
  const balOld = w.bal[f] + x;
  const before = returns(list, 'old', x, balOld);
  if (before.length !== count) return false;
  for (let k = 0; k < count; k++) if (before[k] !== l.amount[i + 1 + k]) return false;
  const after = returns(list, 'next', x, balOld + p.delta[f]);
  for (let k = 0; k < Math.max(count, after.length); k++) {
    const at = i + 1 + k;
    if (k >= after.length) p.dropAt.push(at);
    else if (k >= count) p.inserts.push({ at: i + 1 + count, period: l.period[i], from: f, to: w.fiscal, amount: after[k], rule: RETURN, parcel: l.parcel[i], zone: l.zone[i] });
    else if (after[k] !== before[k]) {
      p.setAt.push(at);
      p.setAmount.push(after[k]);
    }
  }
  const change = sum(after) - sum(before);
  p.delta[f] -= change;
  p.delta[w.fiscal] += change;
  p.debtSupportChange -= change;
  w.skipUntil = i + 1 + count;
  return true;
}

/** What returnFrom pays back from `x` just recovered, the fund holding `bal`: one amount per advance returned. */
function returns(list: Advance[], side: 'old' | 'next', x: number, bal: number): number[] {
  const out: number[] = [];
  let used = 0;
  for (const a of list) {
    if (a[side] === 0) continue;
    const back = Math.min(a[side], x - used, Math.max(0, bal));
    if (back <= 0) break;
    out.push(back);
    a[side] -= back;
    used += back;
    bal -= back;
  }
  return out;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * The budget's posting at `at` (a top-up, or support for debt service) re-sized from `old` to
 * `gap` fen: dropped at zero, its amount set where it moved; the difference moves between fund
 * `f` and the budget.
 */
export function resize(p: Patch, at: number, old: number, gap: number, f: number, fiscal: number): void {
  if (gap === 0) p.dropAt.push(at);
  else if (gap !== old) {
    p.setAt.push(at);
    p.setAmount.push(gap);
  }
  p.delta[f] += gap - old;
  p.delta[fiscal] -= gap - old;
}
