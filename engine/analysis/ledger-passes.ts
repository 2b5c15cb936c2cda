/**
 * Passes over a run's ledger columns that the Monte Carlo readers (metrics.ts) make in place of
 * LedgerSums' own: the programme's net and the pool's balance by period together, and the sums
 * by rule. Each loop is a function of its own, called once per run, so the optimised code V8
 * makes for it comes from the feedback of whole calls, not from a loop replaced on the stack
 * part-way through one (that code met the lines after the loop with no feedback and fell back
 * to the interpreter on every run). Amounts are whole fen far below 2^53, so every sum is exact
 * in any order: the same numbers as LedgerSums'.
 */
import { PERIOD_NET_WEIGHT, type RunOutput } from '../index';

/**
 * The programme's net by period (each posting's amount times its rule's weight, funding-flows.ts)
 * and the pool's balance at each period's end (money into a pooled fund less money out of one,
 * summed up): one pass instead of the funding flows' pass and one pass per fund account.
 */
export function netAndPool(out: RunOutput): { net: Float64Array; pool: Float64Array } {
  const periods = out.model.timeline.months;
  const net = new Float64Array(periods);
  const pool = new Float64Array(periods);
  netAndPoolPass(out.ledger, poolAccounts(out), net, pool);
  runningTotal(pool);
  return { net, pool };
}

/** Adds each posting to its period's net (amount × its rule's weight) and to the pool's change (in less out). */
function netAndPoolPass(ledger: RunOutput['ledger'], inPool: Int8Array, net: Float64Array, pool: Float64Array): void {
  const weight = PERIOD_NET_WEIGHT;
  const { period, amount, rule, from, to } = ledger;
  const n = ledger.length;
  for (let i = 0; i < n; i++) {
    const p = period[i];
    const a = amount[i];
    const w = weight[rule[i]];
    if (w !== 0) net[p] += w * a;
    const move = inPool[to[i]] - inPool[from[i]];
    if (move !== 0) pool[p] += move * a;
  }
}

function runningTotal(xs: Float64Array): void {
  for (let p = 1; p < xs.length; p++) xs[p] += xs[p - 1];
}

/** Per account: 1 for a pooled fund (every fund account but the treasury), made once per chart of accounts (read again if it has grown). */
const POOL_ACCOUNTS = new WeakMap<object, { size: number; mask: Int8Array }>();

function poolAccounts(out: RunOutput): Int8Array {
  const chart = out.model.accounts;
  let made = POOL_ACCOUNTS.get(chart);
  if (!made || made.size !== chart.list.length || made.mask.length !== out.ledger.accountCount) {
    const mask = new Int8Array(out.ledger.accountCount);
    chart.list.forEach((a, i) => { if (a.kind === 'fund' && a.id !== 'treasury') mask[i] = 1; });
    POOL_ACCOUNTS.set(chart, (made = { size: chart.list.length, mask }));
  }
  return made.mask;
}
