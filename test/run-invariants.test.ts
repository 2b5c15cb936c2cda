/**
 * The run invariants are assertions: a run whose ledger, funds, flows, splits or zones break one
 * stops with an InvariantError naming the check (each check is broken here on purpose, on a real
 * run); rule checks stay values. And whatever `prepare` accepts, `run` and every view of it — the
 * report, the funding report, the tables, the filed reports — complete without throwing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run, type RunOutput } from '../engine/index';
import { assertRunInvariants } from '../engine/run-invariants';
import { InvariantError } from '../engine/assert';
import { balancesByPeriod } from '../engine/ledger';
import { fundingReport } from '../engine/funding-report';
import { resultTables, tableToCsv } from '../engine/presentation/tables';
import { buildReport, REPORT_KINDS, reportCsv, reportText } from '../engine/reports/index';
import { evaluator, parseOutputs } from '../engine/analysis/evaluate';
import { ruleIndex } from '../engine/rules';
import { composed } from './support/scenarios';
import { fundedArb, scenarioArb } from './support/arbitrary-scenario';

function runOf(file: string): RunOutput {
  const p = prepare(composed(file));
  if (!p.ok) throw new Error(p.problems[0].message.en);
  return run(p.model);
}

function brokenBy(out: RunOutput): string | null {
  try {
    assertRunInvariants(out);
    return null;
  } catch (e) {
    if (!(e instanceof InvariantError)) throw e;
    return e.check;
  }
}

/** A fund account with money at the end, and the last month. */
function richFund(out: RunOutput): { fund: number; last: number } {
  const last = out.model.timeline.months - 1;
  const fund = out.model.accounts.list.findIndex((a, i) => a.kind === 'fund' && out.ledger.balances[i] > 100);
  expect(fund).toBeGreaterThanOrEqual(0);
  return { fund, last };
}

describe('run invariants are assertions naming the check', () => {
  it('hold on a shipped scenario, and return the flows the sources = uses check reports', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    const f = assertRunInvariants(out);
    expect(f.postings).toBe(out.ledger.length);
    expect(f.sources + f.financingIn + f.distributionsIn).toBe(f.uses + f.distributions + f.financingOut + f.held);
  });

  it('ledger.balanced: a live balance that disagrees with the postings', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    out.ledger.balances[0] += 1;
    expect(brokenBy(out)).toBe('ledger.balanced');
  });

  it('ledger.balanced: a posting dated outside the timeline', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    out.ledger.period[0] = out.model.timeline.months;
    expect(brokenBy(out)).toBe('ledger.balanced');
  });

  it('funds.nonNegative: a fund paying out more than it holds in the first month', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    const fund = out.model.accounts.idx('reserveFund');
    const other = out.model.accounts.list.findIndex((a) => a.kind !== 'fund');
    out.ledger.post(0, fund, other, 1e12, ruleIndex('acquisition.recovery'));
    expect(brokenBy(out)).toBe('funds.nonNegative');
  });

  it('sources.equalUses: a "source" rule taking money out of the funds', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    const { fund, last } = richFund(out);
    const other = out.model.accounts.list.findIndex((a) => a.kind !== 'fund');
    out.ledger.post(last, fund, other, 1, ruleIndex('funding.appropriation'));
    expect(brokenBy(out)).toBe('sources.equalUses');
  });

  it('split.exact: shares that do not add up to the value added', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    const i = out.parcels.findIndex((o) => o.waterfall && o.waterfall.valueAdded > 0);
    (out.parcels[i].shares as number[])[0] += 1;
    expect(brokenBy(out)).toBe('split.exact');
  });

  it('zones.closed: a closed zone’s fund paying for another zone', () => {
    const out = runOf('scenarios/xinmi-zoning.json');
    expect(out.model.zoneMode).toBe('closed');
    const [z0, z1] = out.model.zones;
    const last = out.model.timeline.months - 1;
    expect(out.ledger.balances[z0.fund]).toBeGreaterThan(0);
    out.ledger.post(last, z0.fund, z1.fund, 1, ruleIndex('acquisition.recovery'), -1, 1);
    expect(brokenBy(out)).toBe('zones.closed');
  });

  it('report() and each analysis draw stop on a broken invariant; the message names the check in both languages', () => {
    const out = runOf('scenarios/hainan-provincial.json');
    out.ledger.balances[1] -= 1;
    expect(() => report(out)).toThrow(InvariantError);
    const err = (() => { try { report(out); } catch (e) { return e as InvariantError; } })()!;
    expect(err.message).toContain('ledger.balanced');
    expect(err.message).toContain('internal error');
    expect(err.message).toContain('内部错误');
    // The analysis fast path (no report) asserts too: a draw whose run is broken never yields figures.
    const parsed = parseOutputs(['totals.valueAdded']);
    if (!parsed.ok) throw new Error('outputs');
    const p = prepare(composed('scenarios/hainan-provincial.json'));
    if (!p.ok) throw new Error('prepare');
    // An outside account that pays out (its balance ends below zero) counted as a fund breaks funds.nonNegative.
    const probe = run(p.model);
    const payer = p.model.accounts.list.findIndex((a, i) => a.kind !== 'fund' && probe.ledger.balances[i] < 0);
    expect(payer).toBeGreaterThanOrEqual(0);
    const model = p.model;
    // A new entry in this model's own chart: the base chart's account objects are shared by every model.
    model.accounts.list[payer] = { ...model.accounts.list[payer], kind: 'fund' };
    expect(() => evaluator(parsed.outputs).prepared({ ok: true, model })).toThrow(/funds\.nonNegative/);
  });

  it('rule checks stay values: a breach is a failed Check, not an error', () => {
    const r = report(runOf('scenarios/hainan-provincial.json'));
    expect(r.checks.some((c) => c.severity === 'rule' && !c.ok)).toBe(true);
    expect(r.checks.filter((c) => c.severity === 'invariant').every((c) => c.ok)).toBe(true);
  });
});

describe('whatever prepare accepts, run and every view complete', () => {
  const views = (scenario: unknown): void => {
    const p = prepare(scenario);
    if (!p.ok) return;
    const out = run(p.model);
    assertRunInvariants(out);
    fundingReport(out, balancesByPeriod(out.ledger, p.model.timeline.months));
    const result = report(out, { postings: true });
    for (const t of resultTables(result)) { tableToCsv(t, 'zh'); tableToCsv(t, 'en'); }
    for (const { kind } of REPORT_KINDS) {
      const doc = buildReport(kind, result, { year: Number(result.timeline.start.slice(0, 4)) + 1 });
      reportText(doc, 'zh');
      reportCsv(doc, 'en');
    }
  };

  it('generated scenarios: tiers, splits and provisions', () => {
    fc.assert(fc.property(scenarioArb, (s) => { views(s); }), { numRuns: 60 });
  });

  it('generated scenarios with funding: pools, pre-allocations, bonds, closed and pooled zones, every shortfall policy', () => {
    fc.assert(fc.property(fundedArb, (s) => { views(s); }), { numRuns: 60 });
  });
});
