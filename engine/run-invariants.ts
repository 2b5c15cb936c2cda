/**
 * The run's invariants, asserted at the end of every run path — a simulate(), a report, each
 * analysis draw. They hold for any scenario `prepare` accepts, so a failure is an engine bug: it
 * stops with an InvariantError naming the check, never a Check with ok:false a reader might miss.
 * (A rule a scenario breaches — a fee over its cap, a year short of the rural earmark — stays a
 * Check value: run-checks.ts.)
 *
 *   ledger.balanced     every posting a positive whole number of fen inside the timeline; the
 *                       balances recomputed from the columns equal the live ones and sum to zero
 *   funds.nonNegative   no fund account below zero at any month's end (under the "negative"
 *                       shortfall policy only the treasury: programme funds may then go below)
 *   sources.equalUses   money into the funds = money out of them + what they hold, by the rules'
 *                       lines; no use flows in and no source flows out
 *   split.exact         each parcel's shares sum to its value added, to the fen
 *   zones.closed        in closed operation no posting moves one zone's fund to another zone
 *
 * One pass over the ledger's columns with integer sums, then one over months × fund accounts:
 * 200 parcels × 240 months cost a small fraction of the run itself (bench/invariants.ts measures both).
 * An analysis draw asks the same pass for the sums its readers want besides (RunSums): reading the
 * columns once costs less than reading them again in a pass of the readers' own.
 */
import { InvariantError } from './assert';
import { PERIOD_NET_WEIGHT } from './funding-flows';
import { NONE } from './ledger';
import { RULES, RULE_IDS } from './rules';
import { unbuiltOutcomeColumnsOf, type RunOutput } from './run';

/** The flows the sources = uses identity is made of, in fen, for the check's message. */
export interface RunFlows {
  readonly postings: number;
  readonly sources: number;
  readonly financingIn: number;
  /** Distributions coming back into the funds (a land income fund's share for the reserve). */
  readonly distributionsIn: number;
  readonly uses: number;
  readonly distributions: number;
  readonly financingOut: number;
  readonly held: number;
}

/**
 * Sums of a run's postings an analysis reads, made by the invariants' pass (assertRunInvariants
 * with sums): every amount a whole number of fen far below 2^53, so each sum is exact in any order
 * — the same numbers as the readers' own passes (ledger-sums.ts, analysis/ledger-passes.ts).
 */
export interface RunSums {
  /** Total amount by rule. */
  readonly byRule: Float64Array;
  /** The programme's net by period: each amount × its rule's weight (funding-flows.ts PERIOD_NET_WEIGHT). */
  readonly net: Float64Array;
  /** The programme's funds together (every fund account but the treasury) at each period's end. */
  readonly pool: Float64Array;
}

const LINES = ['source', 'use', 'distribution', 'financing'] as const;
/** Each rule's line as an index into LINES, by rule index. */
const LINE_OF_RULE = Int8Array.from(RULE_IDS, (id) => LINES.indexOf(RULES.get(id)!.line));

/** What the checks need to know of a chart of accounts, made once per chart (a Monte Carlo's draws may share one). */
interface FundLayout {
  /**
   * Per account: its column among the fund accounts, or the one column past them (nF) that every
   * other account shares — so the pass moves two columns a posting without asking which accounts
   * are funds, and the sums of that last column are never read.
   */
  readonly slot: Int32Array;
  /** Per account: 1 for a fund account, else 0. */
  readonly isFund: Int32Array;
  /** The fund accounts, by column. */
  readonly funds: readonly number[];
  /** The chart's size when this was made: a chart that has grown since is read again. */
  readonly size: number;
}

const LAYOUTS = new WeakMap<object, FundLayout>();

function fundLayout(out: RunOutput): FundLayout {
  const chart = out.model.accounts;
  let layout = LAYOUTS.get(chart);
  if (!layout || layout.size !== chart.list.length || layout.slot.length !== out.ledger.accountCount) {
    const isFund = new Int32Array(out.ledger.accountCount);
    const funds: number[] = [];
    chart.list.forEach((a, i) => { if (a.kind === 'fund') { isFund[i] = 1; funds.push(i); } });
    const slot = new Int32Array(out.ledger.accountCount).fill(funds.length);
    funds.forEach((a, f) => { slot[a] = f; });
    LAYOUTS.set(chart, (layout = { slot, isFund, funds, size: chart.list.length }));
  }
  return layout;
}

export function assertRunInvariants(out: RunOutput): RunFlows {
  return checked(out, null);
}

/** The invariants asserted, and the sums an analysis reads made in the same pass. */
export function assertRunInvariantsWithSums(out: RunOutput): RunSums {
  const nR = RULE_IDS.length;
  const buffer = new ArrayBuffer(8 * (nR + out.model.timeline.months));
  const sums = { byRule: new Float64Array(buffer, 0, nR), net: new Float64Array(buffer, 8 * nR), pool: new Float64Array(0) };
  checked(out, sums);
  return sums;
}

/**
 * The pass's own columns (the fund accounts' monthly deltas, the recomputed balances, the flows by
 * line), kept from call to call and zeroed for each: none of them outlives the call, and a Monte
 * Carlo asserts the invariants every draw, whose collector sweeps every buffer made since its last
 * scavenge. Calls never overlap (nothing here calls back into a run).
 */
let kept = new Float64Array(0);

function scratch(length: number): Float64Array {
  if (kept.length < length) kept = new Float64Array(Math.max(length, 2 * kept.length));
  kept.fill(0, 0, length);
  return kept;
}

function checked(out: RunOutput, sums: { byRule: Float64Array; net: Float64Array; pool: Float64Array } | null): RunFlows {
  const { model, ledger } = out;
  const periods = model.timeline.months;
  const accounts = model.accounts.list;
  const nA = ledger.accountCount;
  const layout = fundLayout(out);
  const { funds } = layout;
  const nF = funds.length;
  // Month-by-month deltas of the fund accounts (and of the other accounts together, never read);
  // money across the funds' boundary by line (in, out, and neither, never read).
  const room = scratch(periods * (nF + 1) + nA + 12);
  const delta = room.subarray(0, periods * (nF + 1));
  const recomputed = room.subarray(delta.length, delta.length + nA);
  const flows = room.subarray(delta.length + nA, delta.length + nA + 12);
  const closed = model.zoneMode === 'closed';
  const zoneOfFund = closed ? new Int32Array(nA).fill(NONE) : null;
  if (zoneOfFund) model.zones.forEach((z, i) => { zoneOfFund[z.fund] = i; });
  const crossings = postingsPass(out, layout, zoneOfFund, delta, recomputed, flows, sums ? sums.byRule : null, sums ? sums.net : null);
  let total = 0;
  for (let a = 0; a < nA; a++) {
    total += recomputed[a];
    if (recomputed[a] !== ledger.balances[a]) fail('ledger.balanced', `account ${accounts[a]?.id ?? a}: recomputed balance ${recomputed[a]} ≠ live balance ${ledger.balances[a]} fen`);
  }
  if (total !== 0) fail('ledger.balanced', `balances of all accounts sum to ${total} fen, not zero`);
  fundsNonNegative(out, funds, delta);
  let held = 0;
  for (let f = 0; f < nF; f++) held += ledger.balances[funds[f]];
  const sIn = flows[0], uIn = flows[1], dIn = flows[2], fIn = flows[3], sOut = flows[4], uOut = flows[5], dOut = flows[6], fOut = flows[7];
  if (sIn + fIn + dIn + uIn !== uOut + dOut + fOut + sOut + held || uIn !== 0 || sOut !== 0) {
    fail('sources.equalUses', `sources ${sIn} + financing in ${fIn} + distributions in ${dIn} + uses in ${uIn} ≠ uses ${uOut} + distributions ${dOut} + financing out ${fOut} + sources out ${sOut} + held ${held} fen`);
  }
  splitExact(out);
  if (crossings > 0) fail('zones.closed', `${crossings} postings move a zone's fund to another zone's parcels in closed operation`);
  if (sums) sums.pool = poolSeries(out, funds, delta);
  return { postings: ledger.length, sources: sIn, financingIn: fIn, distributionsIn: dIn, uses: uOut, distributions: dOut, financingOut: fOut, held };
}

/**
 * The pass over the postings: each checked, the balances recomputed, the fund accounts' monthly
 * deltas and the money across the funds' boundary by line summed (with `byRule`, the sums by rule
 * and the net by period too); returns the postings that cross zones in closed operation
 * (`zoneOfFund` given).
 *
 * Postings come in runs of one month, rule and pair of accounts (a month's holding costs from one
 * fund: some 70% of a draw's postings continue the run before them), and every sum above is a sum
 * over such cells, so a run is added up first and moved into the sums once: amounts are whole fen
 * below 2^53, so the sums are the same to the fen in any grouping. Which accounts are funds
 * decides where an amount is added, not whether (a branch on it was mispredicted as often as
 * postings alternate between funds and other accounts). Its own function, so that the optimised
 * code the loop gets is the whole function's, made from the feedback of whole calls.
 */
function postingsPass(out: RunOutput, layout: FundLayout, zoneOfFund: Int32Array | null, delta: Float64Array, recomputed: Float64Array, flows: Float64Array, byRule: Float64Array | null, net: Float64Array | null): number {
  const weight = PERIOD_NET_WEIGHT;
  const { slot, isFund } = layout;
  const stride = layout.funds.length + 1;
  const ledger = out.ledger;
  const periods = out.model.timeline.months;
  const { amount, period, from: fromCol, to: toCol, rule } = ledger;
  const n = ledger.length;
  // The run being added up: its month, rule, accounts and amount so far.
  let rp = -1;
  let rr = -1;
  let rf = -1;
  let rt = -1;
  let run = 0;
  for (let i = 0; i <= n; i++) {
    let a = 0;
    let p = -1;
    let r = -1;
    let from = -1;
    let to = -1;
    if (i < n) {
      a = amount[i];
      p = period[i];
      from = fromCol[i];
      to = toCol[i];
      r = rule[i];
      if (!(a > 0 && Number.isSafeInteger(a))) fail('ledger.balanced', `posting ${i}: amount ${a} is not a positive whole number of fen`);
      if (!(p >= 0 && p < periods)) fail('ledger.balanced', `posting ${i}: period ${p} outside the timeline of ${periods} months`);
      if (((p ^ rp) | (r ^ rr) | (from ^ rf) | (to ^ rt)) === 0) {
        run += a;
        continue;
      }
    }
    if (i > 0) {
      recomputed[rf] -= run;
      recomputed[rt] += run;
      const row = rp * stride;
      delta[row + slot[rf]] -= run;
      delta[row + slot[rt]] += run;
      // flows[line] is money into the funds, flows[4 + line] money out of them, flows[8 + line] neither.
      const fi = isFund[rf];
      const ti = isFund[rt];
      flows[LINE_OF_RULE[rr] + 4 * (fi & (1 - ti)) + 8 * (1 - (fi ^ ti))] += run;
      if (byRule) {
        byRule[rr] += run;
        net![rp] += weight[rr] * run;
      }
    }
    rp = p;
    rr = r;
    rf = from;
    rt = to;
    run = a;
  }
  return zoneOfFund ? zoneCrossings(out, zoneOfFund) : 0;
}

/** Postings that move a zone's fund to another zone's parcels (closed operation). */
function zoneCrossings(out: RunOutput, zoneOfFund: Int32Array): number {
  const { from, zone } = out.ledger;
  let crossings = 0;
  for (let i = 0, n = out.ledger.length; i < n; i++) {
    const fz = zoneOfFund[from[i]];
    if (fz !== NONE && zone[i] !== NONE && zone[i] !== fz) crossings++;
  }
  return crossings;
}

/**
 * Each parcel's shares sum to its value added. Read from the outcome columns while no reader has
 * the ParcelOutcome objects (a Monte Carlo draw never builds them), from the objects once built.
 */
function splitExact(out: RunOutput): void {
  const c = unbuiltOutcomeColumnsOf(out);
  if (!c) {
    const parcels = out.parcels;
    for (let i = 0; i < parcels.length; i++) {
      const o = parcels[i];
      if (!o.waterfall || o.waterfall.valueAdded <= 0) continue;
      let sum = 0;
      for (const s of o.shares) sum += s;
      if (sum !== o.waterfall.valueAdded) splitFails(out, i, sum, o.waterfall.valueAdded);
    }
    return;
  }
  const { settled, valueAdded, shared, shares, tiers } = c;
  for (let i = 0; i < c.parcels; i++) {
    if (!settled[i] || valueAdded[i] <= 0) continue;
    let sum = 0;
    if (shared[i]) for (let t = 0; t < tiers; t++) sum += shares[i * tiers + t];
    if (sum !== valueAdded[i]) splitFails(out, i, sum, valueAdded[i]);
  }
}

function splitFails(out: RunOutput, i: number, sum: number, valueAdded: number): never {
  fail('split.exact', `${out.model.parcels[i].id}: shares sum to ${sum} fen, value added is ${valueAdded} fen`);
}

/** The pooled funds' balance at each period's end, from the fund accounts' monthly deltas. */
function poolSeries(out: RunOutput, funds: readonly number[], delta: Float64Array): Float64Array {
  const periods = out.model.timeline.months;
  const nF = funds.length;
  const accounts = out.model.accounts.list;
  const pooled: number[] = [];
  for (let f = 0; f < nF; f++) if (accounts[funds[f]].id !== 'treasury') pooled.push(f);
  const pool = new Float64Array(periods);
  let balance = 0;
  for (let p = 0; p < periods; p++) {
    for (let k = 0; k < pooled.length; k++) balance += delta[p * (nF + 1) + pooled[k]];
    pool[p] = balance;
  }
  return pool;
}

/** Month-end balances of the fund accounts from their monthly deltas; the first below zero fails. */
function fundsNonNegative(out: RunOutput, funds: readonly number[], delta: Float64Array): void {
  const { model } = out;
  const nF = funds.length;
  const mayGoBelow = new Uint8Array(nF);
  if (model.shortfall === 'negative') for (let f = 0; f < nF; f++) mayGoBelow[f] = model.accounts.list[funds[f]].id !== 'treasury' ? 1 : 0;
  const balance = new Float64Array(nF);
  for (let p = 0; p < model.timeline.months; p++) {
    for (let f = 0; f < nF; f++) {
      balance[f] += delta[p * (nF + 1) + f];
      if (balance[f] < 0 && !mayGoBelow[f]) fail('funds.nonNegative', `${model.accounts.list[funds[f]].id} is ${balance[f]} fen at the end of ${model.periodLabels[p]}`);
    }
  }
}

function fail(check: string, detail: string): never {
  throw new InvariantError(detail, check);
}
