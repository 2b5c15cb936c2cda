/**
 * Ledger invariants over generated scenarios, each under every shortfall policy where it matters:
 * no fund goes negative unless the policy allows it, each month's sources less uses is the change
 * in the funds held (read from the per-period statement, not the ledger), balances reconcile,
 * split parts sum to the total exactly, the integer fast path equals the decimal.js reference to the fen, identical input gives byte-identical JSON, no output holds NaN/Infinity.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run, simulate } from '../engine/index';
import { balancesByPeriod } from '../engine/ledger';
import { mulRate, parseMoney } from '../engine/money';
import { RULE_IDS } from '../engine/rules';
import { scenarioArb } from './support/arbitrary-scenario';
import { referenceWaterfall } from './support/decimal-reference';

const RUNS = 150;
const shortfallArb = fc.constantFrom('fiscalTopUp', 'wait', 'bridge', 'negative');
const fen = (yuan: string) => parseMoney(yuan)!;
const sum = (...yuan: string[]) => yuan.reduce((a, y) => a + fen(y), 0);

function prepared(s: unknown) {
  const p = prepare(s);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return p.model;
}

describe('ledger invariants on generated scenarios', () => {
  it('postings are whole positive fen inside the timeline', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const model = prepared(s);
      const l = run(model).ledger;
      for (let i = 0; i < l.length; i++) {
        expect(Number.isSafeInteger(l.amount[i]) && l.amount[i] > 0).toBe(true);
        expect(l.period[i] >= 0 && l.period[i] < model.timeline.months).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('no fund goes negative unless the shortfall policy is "negative" (and then only programme funds, as pool.shortfall reports)', () => {
    fc.assert(fc.property(scenarioArb, shortfallArb, (s, shortfall) => {
      const model = prepared({ ...s, funding: { shortfall } });
      const out = run(model);
      const n = out.ledger.accountCount;
      const b = balancesByPeriod(out.ledger, model.timeline.months);
      let lowest = 0;
      model.accounts.list.forEach((a, i) => {
        if (a.kind !== 'fund') return;
        for (let p = 0; p < model.timeline.months; p++) {
          const v = b[p * n + i];
          if (shortfall === 'negative' && a.id !== 'treasury') lowest = Math.min(lowest, v);
          else expect(v, `${a.id} in ${model.periodLabels[p]} under "${shortfall}"`).toBeGreaterThanOrEqual(0);
        }
      });
      if (shortfall === 'negative') expect(parseMoney(report(out).pool.shortfall)).toBe(-lowest);
    }), { numRuns: RUNS });
  });

  it('sources = uses per period: each month’s statement explains the change in the funds held', () => {
    fc.assert(fc.property(scenarioArb, shortfallArb, (s, shortfall) => {
      const r = simulate({ ...s, funding: { shortfall } });
      let heldBefore = 0;
      for (const row of r.periods) {
        const held = fen(row.poolBalance) + fen(row.treasuryBalance);
        const sources = sum(row.appropriations, row.fiscalTopUp, row.saleRevenue, row.leaseIncome, row.advances, row.poolCapital, row.poolInflows, row.bondProceeds);
        const uses = sum(row.acquisitionCost, row.serviceFee, row.developmentCost, row.managementFee, row.holdingCost, row.saleBusinessFee, row.provisions,
          ...Object.values(row.shares), row.advancesReturned, row.interest, row.principalRepaid, row.bondFees);
        expect(sources - uses, `${row.period} under "${shortfall}"`).toBe(held - heldBefore);
        heldBefore = held;
      }
    }), { numRuns: RUNS });
  });

  it('balances recomputed period by period reconcile with the final balances and sum to zero', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const model = prepared(s);
      const out = run(model);
      const n = out.ledger.accountCount;
      const b = balancesByPeriod(out.ledger, model.timeline.months);
      const last = (model.timeline.months - 1) * n;
      let total = 0;
      for (let a = 0; a < n; a++) {
        expect(b[last + a]).toBe(out.ledger.balances[a]);
        total += out.ledger.balances[a];
      }
      expect(total).toBe(0);
      const r = report(out);
      for (const c of r.checks.filter((c) => c.severity === 'invariant')) expect(c.ok, c.message).toBe(true);
    }), { numRuns: RUNS });
  });

  it('split parts sum to the value added exactly, per parcel and in total', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = simulate(s);
      for (const p of r.parcels) {
        const sum = Object.values(p.shares).reduce((a, v) => a + parseMoney(v)!, 0);
        expect(sum).toBe(parseMoney(p.valueAdded));
      }
      expect(Object.values(r.totals.shares).reduce((a, v) => a + parseMoney(v)!, 0)).toBe(parseMoney(r.totals.valueAdded));
    }), { numRuns: RUNS });
  });

  it('the integer fast path equals the decimal.js reference to the fen (parcel basis)', () => {
    fc.assert(fc.property(scenarioArb, (s0) => {
      const s = { ...s0, parameters: { ...(s0.parameters as object), 'provisions.basePeriod': 'parcel' } };
      const r = simulate(s);
      const ref = referenceWaterfall(s);
      ref.forEach((x, i) => {
        const p = r.parcels[i];
        expect({ id: p.id, revenue: p.sale!.revenue, provisions: p.provisions, costRecovered: p.costRecovered, valueAdded: p.valueAdded, shares: p.shares }).toEqual(x);
      });
    }), { numRuns: RUNS });
  });

  it('on the year base, each year\'s education fund is the rate on that year\'s income less its cost (P-3), and parcels add up to it', () => {
    fc.assert(fc.property(scenarioArb, (s0) => {
      // Education alone, no land income fund: the year's base is income − 核定成本 recognised (− F2 = 0).
      const s = { ...s0, provisions: ['education'] };
      const model = prepared(s);
      const out = run(model);
      const r = report(out);
      const rate = model.provisions[0].rate;
      let total = 0;
      for (const [year, y] of out.years) {
        let posted = 0;
        for (let i = 0; i < out.ledger.length; i++) {
          if (Number(model.periodLabels[out.ledger.period[i]].slice(0, 4)) !== year) continue;
          const id = RULE_IDS[out.ledger.rule[i]];
          if (id === 'provision.education') posted += out.ledger.amount[i];
          if (id === 'provision.education.trueUp') posted -= out.ledger.amount[i];
        }
        const due = Math.min(y.income, mulRate(Math.max(0, y.income - y.costRecognised), rate));
        expect(posted, String(year)).toBe(due);
        total += due;
      }
      expect(parseMoney(r.totals.provisionsByKind.education)).toBe(total);
      expect(r.parcels.reduce((a, p) => a + parseMoney(p.provisionsByKind.education)!, 0)).toBe(total);
    }), { numRuns: RUNS });
  });

  it('what the governments receive sums to provisions plus value added, and sale income is fully accounted for', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = simulate(s);
      const F = (x: string) => parseMoney(x)!;
      const gov = Object.values(r.totals.receiptsByGovernment).reduce((a, g) => a + F(g.total), 0);
      expect(gov).toBe(F(r.totals.provisions) + F(r.totals.valueAdded));
      // Income = provisions + cost recovered + value added + held back + what the treasury still holds.
      const treasury = F(r.accounts.find((a) => a.id === 'treasury')!.balance);
      expect(F(r.totals.saleRevenue) + F(r.totals.leaseIncome)).toBe(F(r.totals.provisions) + F(r.totals.costRecovered) + F(r.totals.valueAdded) + F(r.totals.valueAddedHeldBack) + treasury);
    }), { numRuns: RUNS });
  });

  it('identical input gives byte-identical JSON, and the input is not mutated', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const before = JSON.stringify(s);
      const a = JSON.stringify(simulate(s));
      const b = JSON.stringify(simulate(JSON.parse(before)));
      expect(a).toBe(b);
      expect(JSON.stringify(s)).toBe(before);
    }), { numRuns: 50 });
  });

  it('no output holds NaN or Infinity; money is always a fixed-point string', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = simulate(s);
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'number') expect(Number.isFinite(v), path).toBe(true);
        else if (typeof v === 'string') expect(/NaN|Infinity/.test(v), path).toBe(false);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      };
      walk(r, 'result');
      for (const row of r.periods) for (const [k, v] of Object.entries(row)) if (k !== 'period' && typeof v === 'string') expect(v).toMatch(/^-?\d+\.\d{2}$/);
    }), { numRuns: 50 });
  });
});
