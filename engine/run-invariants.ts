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

export function assertRunInvariants(out: RunOutput): RunFlows {
  const { model, ledger } = out;
  const periods = model.timeline.months;
  const accounts = model.accounts.list;
  const nA = ledger.accountCount;
  // Fund accounts get a column each in the month-by-month deltas; -1 for every other account.
  const fundCol = new Int32Array(nA).fill(-1);
  const funds: number[] = [];
  accounts.forEach((a, i) => { if (a.kind === 'fund') { fundCol[i] = funds.length; funds.push(i); } });
  const nF = funds.length;
  const delta = new Float64Array(periods * nF);
  const recomputed = new Float64Array(nA);
  const inflow = new Float64Array(4);
  const outflow = new Float64Array(4);
  const zoneOfFund = new Int32Array(nA).fill(NONE);
  if (model.zoneMode === 'closed') model.zones.forEach((z, i) => { zoneOfFund[z.fund] = i; });
  let crossings = 0;
  for (let i = 0; i < ledger.length; i++) {
    const a = ledger.amount[i];
    const p = ledger.period[i];
    const from = ledger.from[i];
    const to = ledger.to[i];
    if (!(a > 0 && Number.isSafeInteger(a))) fail('ledger.balanced', `posting ${i}: amount ${a} is not a positive whole number of fen`);
    if (!(p >= 0 && p < periods)) fail('ledger.balanced', `posting ${i}: period ${p} outside the timeline of ${periods} months`);
    recomputed[from] -= a;
    recomputed[to] += a;
    const fc = fundCol[from];
    const tc = fundCol[to];
    if (fc >= 0) delta[p * nF + fc] -= a;
    if (tc >= 0) delta[p * nF + tc] += a;
    if ((fc >= 0) !== (tc >= 0)) (tc >= 0 ? inflow : outflow)[LINE_OF_RULE[ledger.rule[i]]] += a;
    const fz = zoneOfFund[from];
    if (fz !== NONE && ledger.zone[i] !== NONE && ledger.zone[i] !== fz) crossings++;
  }
  let total = 0;
  for (let a = 0; a < nA; a++) {
    total += recomputed[a];
    if (recomputed[a] !== ledger.balances[a]) fail('ledger.balanced', `account ${accounts[a]?.id ?? a}: recomputed balance ${recomputed[a]} ≠ live balance ${ledger.balances[a]} fen`);
  }
  if (total !== 0) fail('ledger.balanced', `balances of all accounts sum to ${total} fen, not zero`);
  fundsNonNegative(out, funds, delta);
  const held = funds.reduce((s, a) => s + ledger.balances[a], 0);
  const [sIn, uIn, dIn, fIn] = inflow;
  const [sOut, uOut, dOut, fOut] = outflow;
  if (sIn + fIn + dIn + uIn !== uOut + dOut + fOut + sOut + held || uIn !== 0 || sOut !== 0) {
    fail('sources.equalUses', `sources ${sIn} + financing in ${fIn} + distributions in ${dIn} + uses in ${uIn} ≠ uses ${uOut} + distributions ${dOut} + financing out ${fOut} + sources out ${sOut} + held ${held} fen`);
  }
  out.parcels.forEach((o, i) => {
    if (!o.waterfall || o.waterfall.valueAdded <= 0) return;
    let sum = 0;
    for (const s of o.shares) sum += s;
    if (sum !== o.waterfall.valueAdded) fail('split.exact', `${model.parcels[i].id}: shares sum to ${sum} fen, value added is ${o.waterfall.valueAdded} fen`);
  });
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
