/**
 * A new coupon rate (or a rate shift) applied to a finished run without running the loop again,
 * where that is provably the run a fresh simulate() makes; otherwise null, and the caller runs it.
 *
 * A coupon moves money between a bond's fund and its holders on coupon dates. That reaches the
 * rest of the run only through (a) the fund's balance, which coupon-walk.ts carries forward through
 * every decision that reads it (top-ups, waits, every bond's debt service, budget support and its
 * return), and (b) the bond's own state, read by settlement and the project's debt. So the edit is
 * applied here only when (b) is provably unread:
 *   - the bond belongs to no project: its home is its fund, no set-aside or held-back value added
 *     and no early redemption depend on it;
 *   - its financing cost is outside the 核定成本, or no parcel of its group is sold;
 *   - no option is decided on the funds (callExercise ifFunded) and no rollover was issued;
 *   - what its fund paid for it was never recovered from sales (owedToFund: then each settlement
 *     found nothing left past the parcel's own costs, and with a new coupon still finds nothing);
 *   - no pre-allocation is made to its fund, and no early redemption or bridge draws on it (their
 *     returns read the fund's balance);
 * and its schedule replayed at the old rate is the run's own, row for row, with the same postings
 * at the new rate. Parcels, years, delays and notes are the old run's.
 */
import { derivedRun, outcomeColumnsOf, shareLogOf, type RunOutput } from '../run';
import type { BondState } from '../bond';
import type { BondModel, Model } from '../model';
import { replaySchedule, sameRows } from './coupon-schedule';
import { walkFunds, type ChangedBond, type Patch } from './coupon-walk';
import { recordRuleTotals, ruleTotalsOf } from './rule-totals';
import { movedLog, patchedLedger } from './coupon-ledger';

/** The run of `model`, which differs from out.model only in its bonds' coupon rates; null when it must be run. */
export function recoupon(out: RunOutput, model: Model): RunOutput | null {
  const r = recouponOrWhy(out, model);
  return typeof r === 'string' ? null : r;
}

/**
 * Each re-derived run → the run it was derived from. The next coupon edit is derived from that
 * same run: its fund index (coupon-index.ts) and totals are made once, and edits never stack.
 */
const SOURCE = new WeakMap<RunOutput, RunOutput>();

/** The run, or why it must be run again (benches and tests count the reasons). */
export function recouponOrWhy(out: RunOutput, model: Model): RunOutput | string {
  const source = SOURCE.get(out);
  if (source) {
    const r = derive(source, model);
    if (typeof r !== 'string') return r;
  }
  const r = derive(out, model);
  // Derived from the latest run: that run becomes a root (it no longer holds its source alive), so
  // a chain of edits keeps at most two runs alive.
  if (source && typeof r !== 'string') SOURCE.delete(out);
  return r;
}

function derive(out: RunOutput, model: Model): RunOutput | string {
  const log = shareLogOf(out);
  const outcomes = outcomeColumnsOf(out);
  const old = out.model;
  if (!log || !outcomes || !onlyBondsDiffer(old, model) || out.bonds.length !== model.bonds.length) return out.bonds.length !== model.bonds.length ? 'a rollover was issued' : 'the model differs beyond its bonds';
  const changed: ChangedBond[] = [];
  const states: BondState[] = [];
  const funds = new Set<number>();
  for (let i = 0; i < model.bonds.length; i++) {
    const b = model.bonds[i];
    const s = out.bonds[i];
    if (!sameBondButRate(old.bonds[i], b) || s.bond !== old.bonds[i] || s.rolloverOf !== null) return 'a bond changed beyond its rate';
    if (sameRate(old.bonds[i], b)) {
      // A copy even when the bond is the same: a state is writable, and the old run is still the caller's.
      states.push({ ...s, bond: b, schedule: s.schedule.map((r) => ({ ...r })) });
      continue;
    }
    const next = recouponState(s, b, model);
    if (typeof next === 'string') return next;
    states.push(next.state);
    funds.add(b.fund);
    changed.push({ fund: b.fund, holders: b.holders, agent: b.agent, oldRows: s.schedule, newRows: next.state.schedule });
  }
  if (changed.length === 0) {
    // The rates are the source's: its ledger, the states with the new model's bonds.
    const same = derivedRun(out, { model, bonds: states }, outcomes, log);
    recordRuleTotals(same, ruleTotalsOf(out), [], []);
    SOURCE.set(same, out);
    return same;
  }
  // A rollover the quota refused is a note quoting the gap the budget paid; the walk re-sizes gaps, not notes.
  if (out.notes.length > 0) return 'the run has notes on refused rollovers';
  if (model.preAllocations.some((pa) => funds.has(pa.fund))) return 'a pre-allocation to the fund';
  if (model.bonds.some((b) => b.callPeriod >= 0 && b.callExercise === 'ifFunded' && funds.has(b.fund))) return 'an option decided on the fund';
  // An early redemption into a fund followed reads its balance.
  if (model.bonds.some((b) => b.earlyRedemption && b.project >= 0 && model.parcels.some((p) => p.project === b.project && funds.has(p.fund)))) return 'early redemption into the fund';
  const patch = walkFunds(out.ledger, model, changed, out.delays);
  if (typeof patch === 'string') return patch;
  const { ledger, moved } = patchedLedger(out.ledger, patch);
  const sameLog = patch.inserts.length === 0 && patch.dropAt.length === 0;
  const bonds = withSupports(states, patch);
  const debtSupportOutstanding = out.debtSupportOutstanding + patch.debtSupportChange;
  const next = derivedRun(out, { model, ledger, bonds, debtSupportOutstanding }, outcomes, sameLog ? log : movedLog(log, moved));
  recordChanges(next, out, patch);
  SOURCE.set(next, out);
  return next;
}

/** The new run's totals by rule: the old run's moved by the postings the patch changed, dropped and added. */
function recordChanges(next: RunOutput, out: RunOutput, p: Patch): void {
  const l = out.ledger;
  const rules: number[] = [];
  const changes: number[] = [];
  p.setAt.forEach((i, k) => {
    rules.push(l.rule[i]);
    changes.push(p.setAmount[k] - l.amount[i]);
  });
  for (const i of p.dropAt) {
    rules.push(l.rule[i]);
    changes.push(-l.amount[i]);
  }
  for (const x of p.inserts) {
    rules.push(x.rule);
    changes.push(x.amount);
  }
  recordRuleTotals(next, ruleTotalsOf(out), rules, changes);
}

/** The bond's state at its new rate, or null when its rows cannot be replayed exactly. */
function recouponState(s: BondState, b: BondModel, model: Model): { state: BondState } | string {
  if (b.project >= 0) return 'the bond has a project';
  if (b.isRollover || s.earlyRedeemed > 0 || s.rolledOver > 0 || s.pendingFees > 0) return 'the bond was redeemed early or rolled over';
  if (b.callPeriod >= 0 && b.callExercise === 'ifFunded') return 'an option decided on the funds';
  if (model.financingInCost && model.parcels.some((p) => p.project === b.project && p.sale)) return 'financing cost in the verified cost';
  const months = model.timeline.months;
  const before = replaySchedule(s.bond, s.maturity, months);
  if (!sameRows(before.rows, s.schedule, false) || before.accrued !== s.accrued || before.interest !== s.interestPaid) return 'the replayed schedule is not the run\'s';
  // Nothing the fund paid for the bond came back from sales (see the comment at the top).
  if (s.owedToFund !== before.due) return 'sales repaid the fund for the bond';
  const after = replaySchedule(b, s.maturity, months);
  if (after.rows.length !== before.rows.length) return 'the new rate changes the rows';
  for (let k = 0; k < after.rows.length; k++) {
    const x = before.rows[k];
    const y = after.rows[k];
    if (x.period !== y.period || x.principal !== y.principal || x.interest > 0 !== y.interest > 0 || x.fees > 0 !== y.fees > 0) return 'the new rate changes the rows';
  }
  const state: BondState = {
    ...s,
    bond: b,
    schedule: after.rows,
    accrued: after.accrued,
    interestPaid: after.interest,
    feesPaid: s.feesPaid - before.fees + after.fees,
    owedToFund: after.due,
  };
  return { state };
}

/** The bonds' states with the budget support the walk re-derived, row by row. */
function withSupports(states: readonly BondState[], p: Patch): BondState[] {
  const out = states.slice();
  for (const x of p.supports) {
    const s = out[x.bond];
    // A period's debt service row is its last (an early redemption's row, in phase 1, comes before).
    let k = s.schedule.length - 1;
    while (k >= 0 && s.schedule[k].period !== x.period) k--;
    if (k < 0) throw new Error(`no row of ${s.bond.id} in period ${x.period}`);
    const schedule = s.schedule.slice();
    schedule[k] = { ...schedule[k], fiscalSupport: x.gap };
    let fiscalSupport = 0;
    for (const r of schedule) fiscalSupport += r.fiscalSupport;
    out[x.bond] = { ...s, schedule, fiscalSupport };
  }
  return out;
}

function sameRate(a: BondModel, b: BondModel): boolean {
  return a.rate.num * b.rate.den === b.rate.num * a.rate.den;
}

/** Every field of the two bonds but the rate is the same. */
function sameBondButRate(a: BondModel, b: BondModel): boolean {
  for (const k of Object.keys(a) as (keyof BondModel)[]) if (k !== 'rate' && a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/** The two models are the same object fields (getters compared as getters, never read) but for their bonds. */
function onlyBondsDiffer(a: Model, b: Model): boolean {
  const da = Object.getOwnPropertyDescriptors(a);
  const db = Object.getOwnPropertyDescriptors(b);
  const keys = Object.keys(da);
  if (keys.length !== Object.keys(db).length || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  for (const k of keys) {
    if (k === 'bonds') continue;
    const x = da[k];
    const y = db[k];
    if (!y || x.value !== y.value || x.get !== y.get) return false;
  }
  return true;
}
