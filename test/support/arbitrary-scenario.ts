/**
 * fast-check generators of valid scenarios: random parcels (area, buy-back price per 亩, tranches,
 * works, holding, sale), random tiers and split ratios, random provision sets and rates.
 */
import fc from 'fast-check';
import { PROVISION_KINDS } from '../../engine/provision-catalogue';

const month = (start: number, offset: number) => {
  const z = start + offset;
  return `${Math.floor(z / 12)}-${String((z % 12) + 1).padStart(2, '0')}`;
};
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

export interface GeneratedScenario {
  scenario: Record<string, unknown>;
}

const START = 2020 * 12; // 2020-01

const parcelArb = (i: number, months: number) =>
  fc
    .record({
      areaCentiMu: fc.integer({ min: 1, max: 200_000 }),
      priceCentiWanPerMu: fc.integer({ min: 1, max: 5_000_000 }),
      acqMonth: fc.integer({ min: 0, max: 11 }),
      secondTranche: fc.option(fc.record({ gap: fc.integer({ min: 1, max: 6 }), share: fc.integer({ min: 1, max: 99 }) }), { nil: undefined }),
      serviceFeePermille: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
      works: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 10 }), centiWan: fc.integer({ min: 1, max: 10_000_000 }) }), { maxLength: 2 }),
      holdingWanPerYear: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      saleAfter: fc.integer({ min: 12, max: 20 }),
      saleCentiWan: fc.integer({ min: 0, max: 3_000_000_000 }),
      saleInstalments: fc.constantFrom('one', 'two', 'default'),
      verifiedCentiWan: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
      splitCase: fc.boolean(),
    })
    .map((g) => {
      const saleMonth = Math.min(g.acqMonth + g.saleAfter, months - 13);
      const payments = g.secondTranche
        ? [{ date: month(START, g.acqMonth), share: `${g.secondTranche.share}%` }, { date: month(START, g.acqMonth + g.secondTranche.gap), share: `${100 - g.secondTranche.share}%` }]
        : [{ date: month(START, g.acqMonth), share: '100%' }];
      const sale: Record<string, unknown> = { date: month(START, saleMonth), price: `${cents(g.saleCentiWan)}万元` };
      if (g.saleInstalments === 'one') sale.payments = [{ date: month(START, saleMonth), share: '100%' }];
      if (g.saleInstalments === 'two') sale.payments = [{ date: month(START, saleMonth), share: '60%' }, { date: month(START, saleMonth + 3), share: '40%' }];
      const parcel: Record<string, unknown> = {
        id: `P${i}`,
        area: `${cents(g.areaCentiMu)}亩`,
        acquisition: { mode: 'buyback', unitPrice: `${cents(g.priceCentiWanPerMu)}万元/亩`, payments, ...(g.serviceFeePermille !== undefined ? { serviceFee: `${g.serviceFeePermille / 10}%` } : {}) },
        sale,
      };
      if (g.works.length) parcel.development = { works: g.works.map((w) => ({ date: month(START, g.acqMonth + w.offset), amount: `${cents(w.centiWan)}万元` })) };
      if (g.holdingWanPerYear) parcel.holding = { costPerYear: `${g.holdingWanPerYear}万元` };
      if (g.verifiedCentiWan !== undefined) parcel.verifiedCost = `${cents(g.verifiedCentiWan)}万元`;
      if (g.splitCase) parcel.splitCase = 'alt';
      return parcel;
    });

export const scenarioArb = fc
  .record({
    months: fc.integer({ min: 40, max: 60 }),
    tierCount: fc.integer({ min: 1, max: 3 }),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
    altWeights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
    provisions: fc.subarray([...PROVISION_KINDS]),
    educationRate: fc.integer({ min: 0, max: 2000 }),
    fundRate: fc.integer({ min: 0, max: 1000 }),
    parcelCount: fc.integer({ min: 1, max: 6 }),
  })
  .chain((g) =>
    fc.tuple(fc.constant(g), fc.tuple(...Array.from({ length: g.parcelCount }, (_, i) => parcelArb(i, g.months)))),
  )
  .map(([g, parcels]) => {
    const tiers = Array.from({ length: g.tierCount }, (_, i) => ({ id: `t${i}` }));
    const w: number[] = [...g.weights].slice(0, g.tierCount);
    if (!w.some((x) => x > 0)) w[0] = 1;
    const a: number[] = [...g.altWeights].slice(0, g.tierCount);
    if (!a.some((x) => x > 0)) a[a.length - 1] = 1;
    return {
      id: 'generated',
      timeline: { start: '2020-01', months: g.months },
      jurisdiction: 'national',
      asOf: '2022-01-01',
      parameters: {
        'provisions.education.rate': `${cents(g.educationRate)}%`,
        'provisions.landIncomeFund.rate': `${cents(g.fundRate)}%`,
        'provisions.agriDev.netYieldStandard': '3元/m²',
      },
      provisions: g.provisions,
      tiers,
      split: {
        ratios: Object.fromEntries(tiers.map((t, i) => [t.id, String(w[i])])),
        cases: { alt: Object.fromEntries(tiers.map((t, i) => [t.id, String(a[i])])) },
      },
      parcels,
    } as Record<string, unknown>;
  });

/** The funding choices every funded generator draws: the shortfall policy, zones pooled or closed, the pool's capital. */
export const fundingBasics = {
  policy: fc.constantFrom('fiscalTopUp', 'wait', 'bridge', 'negative'),
  mode: fc.constantFrom('pooled', 'closed'),
  poolWan: fc.integer({ min: 0, max: 50_000 }),
};

/**
 * A generated scenario with funding: a shortfall policy, zones closed or pooled, a pool, a
 * pre-allocation and a special bond (early redemption, rollover) in some of them.
 */
export const fundedArb = fc
  .tuple(
    scenarioArb,
    fc.record({
      ...fundingBasics,
      bond: fc.option(fc.record({ wan: fc.integer({ min: 1, max: 100_000 }), rateBp: fc.integer({ min: 100, max: 600 }), term: fc.integer({ min: 1, max: 2 }), early: fc.boolean(), rollover: fc.boolean() }), { nil: undefined }),
      preWan: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    }),
  )
  .map(([s, f]) => {
    const parcels = (s.parcels as { id: string; zone?: string }[]).map((p, i) => ({ ...p, zone: i % 2 ? 'Z2' : 'Z1' }));
    const half = Math.floor(f.poolWan / 2);
    const scenario: Record<string, unknown> = {
      ...s,
      parcels,
      zones: [{ id: 'Z1', opening: `${half}万元` }, { id: 'Z2', opening: `${f.poolWan - half}万元` }],
      zoneMode: f.mode,
      funding: {
        shortfall: f.policy,
        ...(f.poolWan > 0 ? { pool: { opening: `${f.poolWan}万元`, date: '2020-01' } } : {}),
        ...(f.preWan ? { preAllocations: [{ id: 'PA1', date: '2020-02', amount: `${f.preWan}万元`, zone: 'Z1' }] } : {}),
      },
    };
    if (f.bond) {
      scenario.projects = [{ id: 'PRJ', parcels: parcels.map((p) => p.id) }];
      scenario.bonds = [{ id: 'B1', issueDate: '2020-01', principal: `${f.bond.wan}万元`, couponRate: `${f.bond.rateBp / 100}%`, termYears: f.bond.term, project: 'PRJ', zone: 'Z1', earlyRedemptionFromSales: f.bond.early, atMaturity: f.bond.rollover ? 'rollover' : 'fiscal', rolloverTermYears: 1, fees: { issuance: '0.08%', redemption: '0.005%' } }];
    }
    return scenario;
  });
