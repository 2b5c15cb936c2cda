/**
 * A new split ratio applied to a finished run without running it again. Value added leaves the
 * treasury (or a project account releasing what it held back) for the tiers' share accounts,
 * and nothing in the run reads a share account: the amount split, its period and its source do
 * not depend on the ratio. So each logged split is split again under the new ratios, its postings
 * replaced in place (a zero share posts nothing, as in the run), the parcels' shares re-summed,
 * and the balances recomputed — the same ledger, posting for posting, that a fresh run makes.
 */
import { Ledger } from '../ledger';
import { ruleIndex } from '../rules';
import { splitValueAdded } from '../revenue-split';
import { ShareLog } from '../share-log';
import { derivedRun, outcomeColumnsOf, shareLogOf, type RunOutput } from '../run';
import type { OutcomeColumns } from '../run-outcomes';
import type { Model } from '../model';
import type { Fen } from '../money';

/** The run of `model` (which differs from out.model only in its splits), or null when the run kept no log. */
export function resplit(out: RunOutput, model: Model): RunOutput | null {
  const log = shareLogOf(out);
  const outcomes = outcomeColumnsOf(out);
  if (!log || !outcomes) return null;
  return resplitInPlace(out, model, log, outcomes) ?? resplitAll(out, model, log, outcomes);
}

/**
 * The common case: every split posts to the same tiers as before (no share turns zero or
 * non-zero), so every posting keeps its place and only the share amounts change: the other
 * columns are the old run's; the log, the sums by rule, by period and by parcel stay what they
 * were (a split moves the same value added in the same period). Nothing is written until every
 * new share has been matched to its posting, so a split that does not fit leaves the run alone.
 *
 * The amount column: a run that a re-split made holds a column no other run reads, and the next
 * re-split of it takes that column over (handOver) rather than copy it. Copying it, about 330 kB
 * outside the JavaScript heap at 1 000 parcels × 240 months, made V8 start a full collection
 * every ~170 edits on external memory alone, and the edits in the meantime ran ten times slower.
 */
function resplitInPlace(out: RunOutput, model: Model, log: ShareLog, outcomes: OutcomeColumns): RunOutput | null {
  const old = out.ledger;
  if (old.length === 0) return null;
  const next: Fen[] = [];
  const shares = new Float64Array(outcomes.shares.length);
  for (let k = 0; k < log.length; k++) {
    const p = model.parcels[log.parcel[k]];
    const split = splitValueAdded(log.amount[k], model.splits[p.split]);
    let i = log.start[k];
    for (let t = 0; t < split.length; t++) {
      if (split[t] === 0) continue;
      if (i >= log.end[k] || old.to[i] !== p.shareAccounts[t]) return null;
      next.push(split[t]);
      i++;
    }
    if (i !== log.end[k]) return null;
    addSplit(shares, p.index * split.length, split);
  }
  // Read first: a run whose column was handed over makes its own again here (and then owns it).
  const column = old.amount;
  const taken = OWN_COLUMN.has(old);
  const amount = taken ? column : column.slice();
  const before: Fen[] | null = taken ? new Array<Fen>(next.length) : null;
  // A finished run's ledger is never posted to again, so the columns a split leaves alone are shared.
  const ledger = new Ledger(old.accountCount, 0);
  ledger.period = old.period;
  ledger.from = old.from;
  ledger.to = old.to;
  ledger.rule = old.rule;
  ledger.parcel = old.parcel;
  ledger.zone = old.zone;
  ledger.length = old.length;
  ledger.balances.set(old.balances);
  let j = 0;
  for (let k = 0; k < log.length; k++) {
    for (let i = log.start[k]; i < log.end[k]; i++, j++) {
      const d = next[j] - amount[i];
      ledger.balances[old.from[i]] -= d;
      ledger.balances[old.to[i]] += d;
      if (before) before[j] = amount[i];
      amount[i] = next[j];
    }
  }
  ledger.amount = amount;
  OWN_COLUMN.add(ledger);
  if (before) handOver(old, column, log, before);
  const result = derivedRun(out, { model, ledger }, outcomes.withShares(shares), log);
  SAME_SUMS.set(result, SAME_SUMS.get(out) ?? out);
  return result;
}

/** Ledgers whose amount column no other ledger reads: a re-split may take it over. */
const OWN_COLUMN = new WeakSet<Ledger>();

/**
 * `old`'s column now belongs to the run re-split from it, which differs from old only in the
 * share postings the log points to (every re-split in place writes those, and only those). So old
 * reads its amounts as that column with its own shares (`before`, in log order) put back: made on
 * old's first read of `amount` after this, once, and then old's own column again.
 */
function handOver(old: Ledger, column: Float64Array, log: ShareLog, before: readonly Fen[]): void {
  const own = (value: Float64Array) => Object.defineProperty(old, 'amount', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(old, 'amount', {
    enumerable: true,
    configurable: true,
    get(): Float64Array {
      const amount = column.slice();
      let j = 0;
      for (let k = 0; k < log.length; k++) for (let i = log.start[k]; i < log.end[k]; i++) amount[i] = before[j++];
      own(amount);
      OWN_COLUMN.add(old);
      return amount;
    },
    set(value: Float64Array) {
      own(value);
    },
  });
}

/** Output → the output whose sums by rule, by (period, rule) and by (parcel, rule) it shares. */
const SAME_SUMS = new WeakMap<RunOutput, RunOutput>();

/** The run whose rule sums equal this one's (itself unless it was re-split in place). */
export function ruleSumsSource(out: RunOutput): RunOutput {
  return SAME_SUMS.get(out) ?? out;
}

/** Any re-split: postings rebuilt around each logged split (a share may turn zero or non-zero). */
function resplitAll(out: RunOutput, model: Model, log: ShareLog, outcomes: OutcomeColumns): RunOutput {
  const old = out.ledger;
  const tiers = model.tiers.length;
  const ledger = new Ledger(old.accountCount, old.length + log.length * tiers + 16);
  const nextLog = new ShareLog();
  const shares = new Float64Array(outcomes.shares.length);
  const rule = ruleIndex('split.share');
  let copied = 0;
  for (let k = 0; k < log.length; k++) {
    ledger.copyFrom(old, copied, log.start[k]);
    const at = log.start[k];
    const p = model.parcels[log.parcel[k]];
    const period = old.period[at];
    const split = splitValueAdded(log.amount[k], model.splits[p.split]);
    nextLog.record(ledger.length, p.index, log.amount[k], log.from[k]);
    for (let t = 0; t < split.length; t++) if (split[t] !== 0) ledger.place(period, log.from[k], p.shareAccounts[t], split[t], rule, p.index, p.zone);
    nextLog.close(ledger.length);
    addSplit(shares, p.index * split.length, split);
    copied = log.end[k];
  }
  ledger.copyFrom(old, copied, old.length);
  // Only share accounts changed: the balances are the old ones with the old splits taken out and the new put in.
  ledger.balances.set(old.balances);
  for (let k = 0; k < log.length; k++) {
    for (let i = log.start[k]; i < log.end[k]; i++) { ledger.balances[old.from[i]] += old.amount[i]; ledger.balances[old.to[i]] -= old.amount[i]; }
  }
  for (let k = 0; k < nextLog.length; k++) {
    for (let i = nextLog.start[k]; i < nextLog.end[k]; i++) { ledger.balances[ledger.from[i]] -= ledger.amount[i]; ledger.balances[ledger.to[i]] += ledger.amount[i]; }
  }
  const next = derivedRun(out, { model, ledger }, outcomes.withShares(shares), nextLog);
  SAME_SUMS.set(next, ruleSumsSource(out));
  return next;
}


/** A split added to a parcel's row of shares (the parcels split before are the parcels split now: the log is the same). */
function addSplit(shares: Float64Array, at: number, split: readonly Fen[]): void {
  for (let t = 0; t < split.length; t++) shares[at + t] += split[t];
}

