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
 */
import { InvariantError } from './assert';
import { NONE } from './ledger';
import { RULES, RULE_IDS } from './rules';
import type { RunOutput } from './run';

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

const LINES = ['source', 'use', 'distribution', 'financing'] as const;
/** Each rule's line as an index into LINES, by rule index. */
const LINE_OF_RULE = Int8Array.from(RULE_IDS, (id) => LINES.indexOf(RULES.get(id)!.line));

/** What the checks need to know of a chart of accounts, made once per chart (a Monte Carlo's draws may share one). */
interface FundLayout {
  /** Per account: its column among the fund accounts, −1 for any other account. */
  readonly fundCol: Int32Array;
  /** The fund accounts, by column. */
  readonly funds: readonly number[];
  /** The chart's size when this was made: a chart that has grown since is read again. */
  readonly size: number;
}

const LAYOUTS = new WeakMap<object, FundLayout>();

function fundLayout(out: RunOutput): FundLayout {
  const chart = out.model.accounts;
  let layout = LAYOUTS.get(chart);
  if (!layout || layout.size !== chart.list.length || layout.fundCol.length !== out.ledger.accountCount) {
    const fundCol = new Int32Array(out.ledger.accountCount).fill(-1);
    const funds: number[] = [];
    chart.list.forEach((a, i) => { if (a.kind === 'fund') { fundCol[i] = funds.length; funds.push(i); } });
    LAYOUTS.set(chart, (layout = { fundCol, funds, size: chart.list.length }));
  }
  return layout;
}

export function assertRunInvariants(out: RunOutput): RunFlows {
  const { model, ledger } = out;
  const periods = model.timeline.months;
  const accounts = model.accounts.list;
  const nA = ledger.accountCount;
  const { fundCol, funds } = fundLayout(out);
  const nF = funds.length;
  // Month-by-month deltas of the fund accounts; money across the funds' boundary by line (in, out).
  const delta = new Float64Array(periods * nF);
  const recomputed = new Float64Array(nA);
  const flows = new Float64Array(8);
  const closed = model.zoneMode === 'closed';
  const zoneOfFund = new Int32Array(nA).fill(NONE);
  if (closed) model.zones.forEach((z, i) => { zoneOfFund[z.fund] = i; });
  const { amount, period, from: fromCol, to: toCol, rule, zone } = ledger;
  let crossings = 0;
  for (let i = 0; i < ledger.length; i++) {
    const a = amount[i];
    const p = period[i];
    const from = fromCol[i];
    const to = toCol[i];
    if (!(a > 0 && Number.isSafeInteger(a))) fail('ledger.balanced', `posting ${i}: amount ${a} is not a positive whole number of fen`);
    if (!(p >= 0 && p < periods)) fail('ledger.balanced', `posting ${i}: period ${p} outside the timeline of ${periods} months`);
    recomputed[from] -= a;
    recomputed[to] += a;
    const fc = fundCol[from];
    const tc = fundCol[to];
    if (fc >= 0) delta[p * nF + fc] -= a;
    if (tc >= 0) delta[p * nF + tc] += a;
    // flows[line] is money into the funds, flows[4 + line] money out of them.
    if ((fc >= 0) !== (tc >= 0)) flows[(tc >= 0 ? 0 : 4) + LINE_OF_RULE[rule[i]]] += a;
    if (closed) {
      const fz = zoneOfFund[from];
      if (fz !== NONE && zone[i] !== NONE && zone[i] !== fz) crossings++;
    }
  }
  let total = 0;
  for (let a = 0; a < nA; a++) {
    total += recomputed[a];
    if (recomputed[a] !== ledger.balances[a]) fail('ledger.balanced', `account ${accounts[a]?.id ?? a}: recomputed balance ${recomputed[a]} ≠ live balance ${ledger.balances[a]} fen`);
  }
  if (total !== 0) fail('ledger.balanced', `balances of all accounts sum to ${total} fen, not zero`);
  fundsNonNegative(out, funds, delta);
  const held = funds.reduce((s, a) => s + ledger.balances[a], 0);
  const [sIn, uIn, dIn, fIn, sOut, uOut, dOut, fOut] = flows;
  if (sIn + fIn + dIn + uIn !== uOut + dOut + fOut + sOut + held || uIn !== 0 || sOut !== 0) {
    fail('sources.equalUses', `sources ${sIn} + financing in ${fIn} + distributions in ${dIn} + uses in ${uIn} ≠ uses ${uOut} + distributions ${dOut} + financing out ${fOut} + sources out ${sOut} + held ${held} fen`);
  }
  for (let i = 0; i < out.parcels.length; i++) {
    const o = out.parcels[i];
    if (!o.waterfall || o.waterfall.valueAdded <= 0) continue;
    let sum = 0;
    for (const s of o.shares) sum += s;
    if (sum !== o.waterfall.valueAdded) fail('split.exact', `${model.parcels[i].id}: shares sum to ${sum} fen, value added is ${o.waterfall.valueAdded} fen`);
  }
  if (crossings > 0) fail('zones.closed', `${crossings} postings move a zone's fund to another zone's parcels in closed operation`);
  return { postings: ledger.length, sources: sIn, financingIn: fIn, distributionsIn: dIn, uses: uOut, distributions: dOut, financingOut: fOut, held };
}

/** Month-end balances of the fund accounts from their monthly deltas; the first below zero fails. */
function fundsNonNegative(out: RunOutput, funds: readonly number[], delta: Float64Array): void {
  const { model } = out;
  const nF = funds.length;
  const mayGoBelow = funds.map((a) => model.shortfall === 'negative' && model.accounts.list[a].id !== 'treasury');
  const balance = new Float64Array(nF);
  for (let p = 0; p < model.timeline.months; p++) {
    for (let f = 0; f < nF; f++) {
      balance[f] += delta[p * nF + f];
      if (balance[f] < 0 && !mayGoBelow[f]) fail('funds.nonNegative', `${model.accounts.list[funds[f]].id} is ${balance[f]} fen at the end of ${model.periodLabels[p]}`);
    }
  }
}

function fail(check: string, detail: string): never {
  throw new InvariantError(detail, check);
}
