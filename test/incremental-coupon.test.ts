/**
 * A coupon edit re-derived from the finished run (engine/incremental/coupon.ts) against running
 * the loop again: over generated funded scenarios — every shortfall policy, pooled and closed
 * zones, pre-allocations, one to three bonds with or without a project, bullet or amortizing,
 * semi-annual coupons, fees, rollover, early redemption, 含权 options, financing in the cost or
 * not, provisions on the parcel or the year — and random coupon edits and rate shifts, whenever
 * the re-derivation answers, its output is the run's: every posting in order, the balances, the
 * bonds' states, notes, delays, years, parcel outcomes, the totals by rule the analysis reads, and
 * the Result byte for byte. Whatever the path, the incremental model's Result is simulate()'s.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run, simulate, type RunOutput } from '../engine/index';
import { parsePath, setAt } from '../engine/scenario/json-path';
import { IncrementalModel } from '../engine/incremental/index';
import { recoupon, recouponOrWhy } from '../engine/incremental/coupon';
import { knownRuleTotals } from '../engine/incremental/rule-totals';
import { LedgerMetrics } from '../engine/analysis/metrics';
import { RULE_IDS } from '../engine/rules';
import { couponScenarioArb, editArb, pathOf, portfolioArb, type S } from './support/coupon-scenario';
import { portfolio } from '../bench/portfolio';
import type { Model } from '../engine/model';

/** Everything a run gives, as plain values (bigints as text). */
function snapshot(out: RunOutput): unknown {
  const l = out.ledger;
  const cols = [l.period, l.from, l.to, l.amount, l.rule, l.parcel, l.zone].map((c) => Array.from(c.subarray(0, l.length)));
  const bonds = JSON.stringify(out.bonds, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return { cols, balances: Array.from(l.balances), bonds, notes: out.notes, delays: out.delays, years: [...out.years], parcels: out.parcels, support: out.debtSupportOutstanding };
}

function byRule(out: RunOutput): number[] {
  const s = new Array<number>(RULE_IDS.length).fill(0);
  for (let i = 0; i < out.ledger.length; i++) s[out.ledger.rule[i]] += out.ledger.amount[i];
  return s;
}

/** `model` with the bonds of `next` (the model a coupon edit of the incremental model makes). */
function withBonds(model: Model, next: Model): Model {
  return Object.defineProperties(Object.create(Object.getPrototypeOf(model)) as Model, { ...Object.getOwnPropertyDescriptors(model), bonds: { value: model.bonds.map((b, i) => ({ ...b, rate: next.bonds[i].rate })), enumerable: true } });
}

/** Each generated scenario's coupon edits both ways; how many were re-derived (fast) and run again (slow). */
function compareBothWays(scenarios: fc.Arbitrary<S>, numRuns: number): { fast: number; slow: number; severalFunds: number } {
  const seen = { fast: 0, slow: 0, severalFunds: 0 };
  fc.assert(
    fc.property(scenarios, fc.array(editArb, { minLength: 1, maxLength: 5 }), (s, edits) => {
      const first = prepare(s);
      if (!first.ok) return;
      let model = first.model;
      let out = run(model);
      let scenario: S = s;
      for (const spec of edits) {
        const e = pathOf(scenario, spec);
        const nextScenario = setAt(scenario, parsePath(e.path)!, e.value) as S;
        const p = prepare(nextScenario);
        if (!p.ok) continue;
        const nextModel = withBonds(model, p.model);
        const fresh = run(p.model);
        const derived = recoupon(out, nextModel);
        if (derived) {
          seen.fast++;
          const moved = new Set(nextModel.bonds.filter((b, i) => b.rate.num * model.bonds[i].rate.den !== model.bonds[i].rate.num * b.rate.den).map((b) => b.fund));
          if (moved.size > 1) seen.severalFunds++;
          expect(snapshot(derived)).toEqual(snapshot(fresh));
          expect(JSON.stringify(report(derived))).toBe(JSON.stringify(report(fresh)));
          const known = knownRuleTotals(derived);
          expect(known).toBeDefined();
          expect(Array.from(known!)).toEqual(byRule(fresh));
          expect(new LedgerMetrics(derived).byRule).toEqual(new LedgerMetrics(fresh).byRule);
          out = derived;
        } else {
          seen.slow++;
          out = run(nextModel);
        }
        model = nextModel;
        scenario = nextScenario;
      }
    }),
    { numRuns, seed: 20261127 },
  );
  return seen;
}

describe('a coupon edit re-derived from the finished run ≡ the loop run again', () => {
  it('posting for posting, state for state, Result byte for byte, on generated funded scenarios', () => {
    const seen = compareBothWays(couponScenarioArb, 150);
    // Both paths are met: the re-derivation and the fall-back to the loop.
    expect(seen.fast).toBeGreaterThan(5);
    expect(seen.slow).toBeGreaterThan(10);
  }, 300_000);

  it('the same on small bench portfolios whose fund runs short: top-ups re-sized, dropped and added', () => {
    const seen = compareBothWays(portfolioArb, 80);
    expect(seen.fast).toBeGreaterThan(20);
    expect(seen.slow).toBeGreaterThan(10);
    // Rate shifts in closed zones move several funds at once (the walk over every posting).
    expect(seen.severalFunds).toBeGreaterThan(0);
  }, 300_000);

  it.each([['generated funded scenarios', couponScenarioArb, 60], ['small bench portfolios', portfolioArb, 40]] as const)('the incremental model answers coupon edits and rate shifts as simulate() of the edited scenario: %s', (_, scenarios, numRuns) => {
    fc.assert(
      fc.property(scenarios as fc.Arbitrary<S>, fc.array(editArb, { minLength: 1, maxLength: 4 }), (s, edits) => {
        const created = IncrementalModel.create(s);
        if (!created.ok) return;
        const m = created.model;
        for (const spec of edits) {
          const e = pathOf(m.scenario as S, spec);
          const next = setAt(m.scenario, parsePath(e.path)!, e.value);
          const outcome = m.edit(e);
          if (!prepare(next).ok) {
            expect(outcome.ok).toBe(false);
            continue;
          }
          expect(outcome).toEqual({ ok: true });
          expect(JSON.stringify(report(m.output))).toBe(JSON.stringify(simulate(next)));
        }
      }),
      { numRuns },
    );
  }, 300_000);

  it('the bench portfolio (a project-less bond issued in month 2) takes the re-derivation both ways', () => {
    const s = portfolio({ parcels: 80, months: 96, seed: 2, bond: true, headroomMonths: 6 });
    const created = IncrementalModel.create(s);
    if (!created.ok) throw new Error('portfolio refused');
    const m = created.model;
    for (const value of ['3.5%', '3.2%', '6%', '0.5%', '3.2%']) {
      const before = m.output;
      const next = prepare(setAt(m.scenario, parsePath('bonds[0].couponRate')!, value));
      if (!next.ok) throw new Error('edit refused');
      expect(recoupon(before, withBonds(m.model, next.model)), value).not.toBeNull();
      expect(m.edit({ path: 'bonds[0].couponRate', value }).ok).toBe(true);
      expect(JSON.stringify(report(m.output))).toBe(JSON.stringify(report(run(next.model))));
    }
  });
});

describe('a re-derived run against the run it came from', () => {
  /** A bench portfolio whose bond rolls over at maturity, with a quota that refuses the rollover (a note quoting the gap the budget pays). */
  function quotaScenario(seed: number, scale: number): S {
    const s = portfolio({ parcels: 20, months: 96, seed, bond: true, headroomMonths: 6 }) as S & { bonds: S[]; funding: { appropriations: { amount: string }[] } };
    const b = s.bonds[0] as { issueDate: string; termYears: number };
    const matYear = Number(b.issueDate.slice(0, 4)) + b.termYears;
    s.bonds = [{ ...s.bonds[0], atMaturity: 'rollover', rolloverTermYears: 1 }];
    s.bondPolicy = { quota: [{ year: matYear, amount: '1万元' }] };
    s.funding = { ...s.funding, appropriations: s.funding.appropriations.map((a) => ({ ...a, amount: a.amount.replace(/^(\d+)/, (m) => String(Math.max(1, Math.round((Number(m) * scale) / 100)))) })) };
    return s;
  }

  it('a rollover the quota refused (a note quoting the amount) is re-run, so its note is the fresh one', () => {
    let withNotes = 0;
    for (const seed of [1, 2, 3, 4]) for (const scale of [1, 5, 20]) {
      const s = quotaScenario(seed, scale);
      const p0 = prepare(s);
      if (!p0.ok) throw new Error(p0.problems[0].message.en);
      const out = run(p0.model);
      if (out.notes.length === 0) continue;
      withNotes++;
      for (const rate of ['0.5%', '4%', '12%']) {
        const p = prepare(setAt(s, parsePath('bonds[0].couponRate')!, rate));
        if (!p.ok) continue;
        const next = withBonds(p0.model, p.model);
        const derived = recoupon(out, next) ?? run(next);
        const fresh = run(p.model);
        expect(derived.notes).toEqual(fresh.notes);
        expect(JSON.stringify(report(derived))).toBe(JSON.stringify(report(fresh)));
      }
    }
    expect(withNotes).toBeGreaterThan(0);
  });

  it('shares no bond state with it: a caller writing the old run\'s states leaves the new run as it was', () => {
    const s = portfolio({ parcels: 20, months: 96, seed: 2, bond: true, headroomMonths: 6 }) as S & { bonds: S[] };
    s.bonds = [s.bonds[0], { ...s.bonds[0], id: 'B2' }];
    const p0 = prepare(s);
    if (!p0.ok) throw new Error(p0.problems[0].message.en);
    const before = run(p0.model);
    const p = prepare(setAt(s, parsePath('bonds[0].couponRate')!, '4.5%'));
    if (!p.ok) throw new Error(p.problems[0].message.en);
    const after = recoupon(before, withBonds(p0.model, p.model));
    expect(after).not.toBeNull();
    const kept = JSON.stringify(after!.bonds[1], (_, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(after!.bonds[1]).not.toBe(before.bonds[1]);
    before.bonds[1].schedule.push({ ...before.bonds[1].schedule[0] });
    if (before.bonds[1].schedule[0]) (before.bonds[1].schedule[0] as { interest: number }).interest += 1;
    expect(JSON.stringify(after!.bonds[1], (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(kept);
  });
});

describe('edits the re-derivation refuses before it walks the funds', () => {
  /** Why a coupon edit of bonds[0] to `rate` is not re-derived from the run of `s` ('derived' when it is), and the incremental model's answer checked against simulate(). */
  function refusal(s: S, rate: string): string {
    const p0 = prepare(s);
    if (!p0.ok) throw new Error(p0.problems[0].message.en);
    const edited = setAt(s, parsePath('bonds[0].couponRate')!, rate);
    const p = prepare(edited);
    if (!p.ok) throw new Error(p.problems[0].message.en);
    const r = recouponOrWhy(run(p0.model), withBonds(p0.model, p.model));
    const created = IncrementalModel.create(s);
    if (!created.ok) throw new Error('refused');
    expect(created.model.edit({ path: 'bonds[0].couponRate', value: rate }).ok).toBe(true);
    expect(JSON.stringify(report(created.model.output))).toBe(JSON.stringify(simulate(edited)));
    return typeof r === 'string' ? r : 'derived';
  }
  const base = (): S & { bonds: S[]; funding: S; parcels: { id: string }[]; timeline: { start: string } } => portfolio({ parcels: 80, months: 96, seed: 2, bond: true, headroomMonths: 6 }) as never;

  // The walk would refuse these too, at the pre-allocation's return or the redemption's posting
  // into the fund; the early answer saves the walk over every posting.
  it('the bench portfolio itself is re-derived (the cases below differ from it in one thing)', () => {
    expect(refusal(base(), '4%')).toBe('derived');
  });

  it('a pre-allocation to the bond\'s fund: its return reads the fund\'s balance', () => {
    const s = base();
    s.funding = { ...s.funding, preAllocations: [{ id: 'PA1', date: s.timeline.start, amount: '100万元' }] };
    for (const rate of ['0.5%', '4%', '9%']) expect(refusal(s, rate)).toBe('a pre-allocation to the fund');
  });

  it('a project bond redeemed early from sales of parcels in the edited bond\'s fund', () => {
    const s = base();
    s.projects = [{ id: 'PRJ', parcels: s.parcels.slice(0, 10).map((p) => p.id) }];
    s.bonds = [...s.bonds, { ...s.bonds[0], id: 'B2', principal: '100万元', project: 'PRJ', earlyRedemptionFromSales: true }];
    for (const rate of ['0.5%', '4%', '9%']) expect(refusal(s, rate)).toBe('early redemption into the fund');
  });
});

describe('a project-less bond on a fund whose parcels a project bond\'s account pays first', () => {
  it('top-ups re-sized between the project account\'s part and the fund\'s part: re-derived ≡ run again', () => {
    const seen = { fast: 0, slow: 0 };
    for (const seed of [1, 2, 3]) for (const b2 of ['50万元', '500万元', '5000万元']) {
      const s = portfolio({ parcels: 40, months: 96, seed, bond: true, headroomMonths: 3 }) as S & { bonds: S[]; funding: S; parcels: { id: string }[] };
      s.funding = { ...s.funding, shortfall: 'fiscalTopUp' };
      s.projects = [{ id: 'PRJ', parcels: s.parcels.slice(0, 12).map((p) => p.id) }];
      s.bonds = [...s.bonds, { ...s.bonds[0], id: 'B2', principal: b2, project: 'PRJ' }];
      const p0 = prepare(s);
      if (!p0.ok) throw new Error(p0.problems[0].message.en);
      const out = run(p0.model);
      for (const rate of ['0.5%', '6%', '12%']) {
        const p = prepare(setAt(s, parsePath('bonds[0].couponRate')!, rate));
        if (!p.ok) throw new Error(p.problems[0].message.en);
        const derived = recoupon(out, withBonds(p0.model, p.model));
        if (!derived) {
          seen.slow++;
          continue;
        }
        seen.fast++;
        const fresh = run(p.model);
        expect(snapshot(derived)).toEqual(snapshot(fresh));
        expect(JSON.stringify(report(derived))).toBe(JSON.stringify(report(fresh)));
      }
    }
    expect(seen.fast).toBeGreaterThan(10);
  });
});
