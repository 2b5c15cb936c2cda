/**
 * A parcel is read once (its basis: fen, periods, its problems by section) and made under the
 * adjustments with integers only. Made that way it reports what it always has, in the same order:
 * an amount past the exact range stops the parcel exactly where it always did (a work's amount
 * before a later work's date, the sale's price before its dates), problems of the sections before
 * it are kept, and the checks' texts — made only when read — are the texts the rules write.
 * adjust on a base read once answers each case as prepare does.
 */
import { describe, expect, it } from 'vitest';
import { prepare } from '../engine/index';
import { adjust, prepareBase } from '../engine/scenario/adjust';
import { amountAt, amountsOf, columns, evenSpread, periodsOf } from '../engine/flows';
import type { Problem } from '../engine/problem';
import fc from 'fast-check';
import { managementFeeCap } from '../engine/management-fee';
import { resolveParameters } from '../engine/parameters';

type S = Record<string, unknown>;

const OTHER = { id: 'Q', area: '10亩', acquisition: { mode: 'buyback', price: '100万元', date: '2020-02' }, sale: { date: '2021-01', price: '300万元' } };

function scenario(parcel: S, extra: S = {}): S {
  return { id: 'edge', timeline: { start: '2020-01', months: 48 }, jurisdiction: 'national', asOf: '2022-01-01', tiers: [{ id: 'a' }], split: { ratios: { a: '1' } }, parcels: [parcel, OTHER], ...extra };
}

const acquired = { mode: 'buyback', price: '100万元', date: '2020-01' };

function problemsOf(s: S): [string, string][] {
  const p = prepare(s);
  return p.ok ? [] : p.problems.map((x: Problem) => [x.code, x.path]);
}

describe('a parcel made from its basis reports what prepare always has', () => {
  it('a work past the exact range stops the parcel before a later work\'s date is read', () => {
    const works = (first: S, second: S) => scenario({ id: 'P', area: '10亩', acquisition: acquired, development: { works: [first, second] }, sale: { date: '2021-01', price: '100万元' } }, { adjustments: { costFactor: '99' } });
    const huge = { date: '2020-03', amount: '9500亿元' };
    const late = { date: '2031-01', amount: '1万元' };
    expect(problemsOf(works(huge, late))).toEqual([['amount.range', 'parcels[0]']]);
    expect(problemsOf(works(late, huge))).toEqual([['date.outsideTimeline', 'parcels[0].development.works[0].date'], ['amount.range', 'parcels[0]']]);
  });

  it('a sale price past the exact range stops the sale before its date and its payments are read', () => {
    const sale = (s: S) => scenario({ id: 'P', area: '10亩', acquisition: acquired, sale: s }, { adjustments: { salePriceFactor: '100' } });
    expect(problemsOf(sale({ date: '2035-01', price: '9900亿元' }))).toEqual([['amount.range', 'parcels[0]']]);
    expect(problemsOf(sale({ date: '2021', price: '9900亿元', payments: [{ date: '2021-01', share: '100%' }] }))).toEqual([['amount.range', 'parcels[0]']]);
    expect(problemsOf(sale({ date: '2021', price: '99亿元', payments: [{ date: '2021-01', share: '100%' }] }))).toEqual([['schema.unknownField', 'parcels[0].sale.payments']]);
  });

  it('an acquisition past the exact range while read stops the parcel before its zone is judged', () => {
    const s = scenario({ id: 'P', area: '1000000亩', zone: 'nope', acquisition: { mode: 'buyback', unitPrice: '60000万元/亩', payments: [{ date: '2030-01', share: '100%' }] }, sale: { date: '2035-01', price: '100万元' } });
    expect(problemsOf(s)).toEqual([['amount.range', 'parcels[0]']]);
  });

  it('a verified cost past the exact range is judged after the zone', () => {
    const s = scenario({ id: 'P', area: '10亩', zone: 'nope', verifiedCost: '9500亿元', acquisition: acquired, sale: { date: '2021-01', price: '100万元' } }, { zones: [{ id: 'Z' }], adjustments: { costFactor: '100' } });
    expect(problemsOf(s)).toEqual([['ref.unknown', 'parcels[0].zone'], ['amount.range', 'parcels[0]']]);
  });

  it('rule breaches refused in section order; reported ones as checks whose texts are the rules\' own', () => {
    const parcel = { id: 'P', area: '10亩', acquisition: { mode: 'buyback', price: '100万元', payments: [{ date: '2020-01', amount: '40万元' }, { date: '2020-05', amount: '50万元' }], serviceFee: '5%' }, development: { works: [{ date: '2020-06', amount: '1万元' }], managementFee: '1000万元' }, sale: { date: '2021-01', price: '100万元', payments: [{ date: '2021-01', share: '10%' }, { date: '2023-01', share: '90%' }] }, leases: [{ start: '2020-02', months: 30, rentPerYear: '1万元' }] };
    const strict = { serviceFeeOverCap: 'error', leaseOverLimit: 'error', managementFeeOverCap: 'error', saleSchedule: 'error' };
    expect(problemsOf(scenario(parcel, { rulePolicy: strict })).map(([code]) => code)).toEqual(['rule.serviceFeeCap', 'rule.managementFeeCap', 'rule.saleSchedule', 'rule.leaseTooLong']);
    const p = prepare(scenario(parcel, { adjustments: { costFactor: '1.1' } }));
    if (!p.ok) throw new Error('refused');
    const mine = p.model.staticChecks.filter((c) => c.parcel === 'P');
    expect(mine.map((c) => [c.id, c.ok])).toEqual([['acquisition.paidInFull', false], ['rule.serviceFeeCap', false], ['rule.managementFeeCap', false], ['rule.saleSchedule', false], ['rule.leaseTooLong', false], ['rule.leaseBeforeSale', false]]);
    // 100万元 × 1.1 planned, 99万元 paid; read as data (JSON, a spread) the check carries its texts.
    expect(JSON.parse(JSON.stringify(mine[0]))).toEqual({ id: 'acquisition.paidInFull', ok: false, severity: 'rule', message: 'P: acquisition tranches pay 99.00 万元 of the planned 110.00 万元; unpaid 11.0000 万元', messageZh: 'P：分期支付 99.00 万元，计划 110.00 万元，少付 11.0000 万元', ref: 'E-5, X-2', parcel: 'P' });
    expect({ ...p.model }.staticChecks).toEqual(p.model.staticChecks);
  });

  it('adjust on a base read once gives prepare\'s problems and checks for each case', () => {
    const parcel = { id: 'P', area: '10亩', acquisition: { mode: 'buyback', price: '100万元', payments: [{ date: '2020-01', amount: '40万元' }, { date: '2031-05', amount: '50万元' }], serviceFee: '1%' }, development: { works: [{ date: '2020-03', amount: '9500亿元' }] }, sale: { date: '2021-01', price: '9900亿元' } };
    const s = scenario(parcel);
    const base = prepareBase(s);
    for (const adjustments of [undefined, { costFactor: '99' }, { salePriceFactor: '100' }, { costFactor: '1.05', saleDelayMonths: 3 }, { saleDelayMonths: 30 }]) {
      const fresh = prepare(adjustments ? { ...s, adjustments } : s);
      const adjusted = adjust(base, adjustments);
      expect(JSON.stringify(adjusted.ok ? adjusted.model.staticChecks : adjusted.problems)).toBe(JSON.stringify(fresh.ok ? fresh.model.staticChecks : fresh.problems));
    }
  });
});

describe('flows', () => {
  it('an even spread is its rule: the remainder in the first months, the sign kept, periods in a row', () => {
    const f = evenSpread(-100_005, 4, 36);
    expect(periodsOf(f)).toEqual(Array.from({ length: 36 }, (_, k) => 4 + k));
    expect(amountsOf(f).slice(0, 34)).toEqual([...new Array(33).fill(-2778), -2777]);
    expect(amountsOf(f).reduce((a, b) => a + b, 0)).toBe(-100_005);
    expect(evenSpread(0, 0, 12).length).toBe(0);
  });

  it('flows are plain data: a structured clone (a worker) or JSON reads the same payments', () => {
    for (const f of [evenSpread(1_000_005, 7, 24), columns([3, 9], [500, 1_500])]) {
      for (const copy of [structuredClone(f), JSON.parse(JSON.stringify(f))]) {
        expect(periodsOf(copy)).toEqual(periodsOf(f));
        expect(amountsOf(copy)).toEqual(amountsOf(f));
      }
    }
    expect(amountAt(columns([3, 9], [500, 1_500]), 1)).toBe(1_500);
  });
});

describe('the 504 cap in numbers where they are exact, in BigInt beyond', () => {
  it('equals the sum of the slices at their rates, rounded half-up once, for any base (both tables)', () => {
    const tables = ['2022-01-01', '2010-01-01'].map((d) => resolveParameters(d, 'hainan', {}).set.table('managementFee.table'));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })), fc.constantFrom(0, 1), (base, which) => {
        const table = tables[which];
        // Exact rational reference: Σ slice × num/den over a common denominator, half-up.
        let num = 0n;
        let den = 1n;
        let below = 0;
        for (const tier of table) {
          const upper = tier.upToFen ?? Number.MAX_SAFE_INTEGER;
          const slice = Math.min(base, upper) - below;
          if (slice <= 0) break;
          const d = BigInt(tier.rate.den);
          num = num * d + BigInt(slice) * BigInt(tier.rate.num) * den;
          den *= d;
          below = upper;
        }
        const q = num / den;
        expect(managementFeeCap(base, table)).toBe(Number(2n * (num - q * den) >= den ? q + 1n : q));
      }),
      { numRuns: 2000 },
    );
  });
});
