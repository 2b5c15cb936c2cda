/**
 * Generated funded scenarios for coupon edits: every shortfall policy, pooled and closed zones,
 * a pool, a pre-allocation, one to three bonds with or without a project (bullet or amortizing,
 * semi-annual coupons, fees, rollover, early redemption, 含权 options), financing cost in the
 * 核定成本 or not, provisions on the parcel or the year; and coupon edits and rate shifts.
 */
import fc from 'fast-check';
import { fundingBasics, scenarioArb } from './arbitrary-scenario';
import { portfolio, wanText } from '../../bench/portfolio';

export type S = Record<string, unknown>;

const bondArb = fc.record({
  // Most bonds are small beside the sales, so that their funds can serve them without the budget.
  wan: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 60_000 }) }),
  rateBp: fc.integer({ min: 0, max: 600 }),
  term: fc.integer({ min: 1, max: 8 }),
  issueMonth: fc.integer({ min: 0, max: 14 }),
  project: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  zone: fc.constantFrom('Z1', 'Z2'),
  semiAnnual: fc.boolean(),
  amortizing: fc.boolean(),
  fees: fc.boolean(),
  rollover: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  early: fc.boolean(),
  option: fc.constantFrom(undefined, 'ifFunded', 'always', 'never'),
});

export const couponScenarioArb = fc
  .tuple(
    scenarioArb,
    fc.record({
      ...fundingBasics,
      // Yearly appropriations to each zone (none in some): funds that can serve a bond.
      appropriationWan: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 20_000 }), fc.integer({ min: 20_000, max: 200_000 })),
      preWan: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
      financing: fc.constantFrom('excluded', 'excluded', 'included'),
      basePeriod: fc.constantFrom('parcel', 'year'),
      bonds: fc.array(bondArb, { minLength: 1, maxLength: 3 }),
    }),
  )
  .map(([s, f]) => {
    const parcels = (s.parcels as { id: string }[]).map((p, i) => ({ ...p, zone: i % 2 ? 'Z2' : 'Z1' }));
    const half = Math.floor(f.poolWan / 2);
    const scenario: S = {
      ...s,
      parcels,
      parameters: { ...(s.parameters as S), 'cost.financingInVerifiedCost': f.financing, 'provisions.basePeriod': f.basePeriod },
      zones: [{ id: 'Z1', opening: `${half}万元` }, { id: 'Z2', opening: `${f.poolWan - half}万元` }],
      zoneMode: f.mode,
      funding: {
        shortfall: f.policy,
        ...(f.appropriationWan > 0 ? { appropriations: [0, 1, 2, 3].flatMap((y) => ['Z1', 'Z2'].map((zone) => ({ date: `${2020 + y}-01`, amount: `${f.appropriationWan}万元`, zone }))) } : {}),
        ...(f.poolWan > 0 ? { pool: { opening: `${f.poolWan}万元`, date: '2020-01' } } : {}),
        ...(f.preWan ? { preAllocations: [{ id: 'PA1', date: '2020-02', amount: `${f.preWan}万元`, zone: 'Z1' }] } : {}),
      },
    };
    if (f.bonds.some((b) => b.project)) scenario.projects = [{ id: 'PRJ', parcels: parcels.filter((_, i) => i % 2 === 0).map((p) => p.id) }];
    scenario.bonds = f.bonds.map((b, i) => ({
      id: `B${i + 1}`,
      issueDate: `${2020 + Math.floor(b.issueMonth / 12)}-${String((b.issueMonth % 12) + 1).padStart(2, '0')}`,
      principal: `${b.wan}万元`,
      couponRate: `${b.rateBp / 100}%`,
      termYears: b.term,
      zone: b.zone,
      ...(b.project ? { project: 'PRJ', earlyRedemptionFromSales: b.early } : {}),
      ...(b.semiAnnual ? { couponFrequency: 2 } : {}),
      ...(b.amortizing ? { repayment: 'amortizing' } : {}),
      ...(b.fees ? { fees: { issuance: '0.08%', registration: '0.01%', redemption: '0.005%' } } : {}),
      atMaturity: b.rollover ? 'rollover' : 'fiscal',
      rolloverTermYears: 1,
      ...(b.option && b.term > 1 ? { earlyRepaymentOption: { afterYears: 1, exercise: b.option } } : {}),
    }));
    return scenario;
  });

export const editArb = fc.oneof(
  fc.record({ op: fc.constant('coupon' as const), bond: fc.nat(2), bp: fc.integer({ min: 0, max: 800 }) }),
  fc.record({ op: fc.constant('coupon' as const), bond: fc.constant(0), bp: fc.integer({ min: 0, max: 800 }) }),
  fc.record({ op: fc.constant('shift' as const), bp: fc.integer({ min: -300, max: 300 }) }),
);
export type EditSpec = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

export function pathOf(s: S, e: EditSpec): { path: string; value: unknown } {
  if (e.op === 'shift') return { path: 'adjustments.rateShiftBp', value: e.bp };
  const n = (s.bonds as unknown[]).length;
  return { path: `bonds[${e.bond % n}].couponRate`, value: `${e.bp / 100}%` };
}


/**
 * The bench's generated portfolio (a project-less bond issued in month 2), small, with its yearly
 * appropriations scaled down so that the fund runs short now and then: top-ups, waits or a
 * negative fund that a coupon edit moves.
 */
export const portfolioArb = fc
  .record({
    seed: fc.integer({ min: 1, max: 1000 }),
    parcels: fc.integer({ min: 10, max: 40 }),
    months: fc.integer({ min: 60, max: 120 }),
    scalePercent: fc.integer({ min: 1, max: 100 }),
    policy: fc.constantFrom('fiscalTopUp', 'fiscalTopUp', 'negative', 'wait'),
    bondShare: fc.integer({ min: 1, max: 40 }),
    // Closed zones, each with its own fund, appropriation and bond: a rate shift moves several funds.
    closed: fc.boolean(),
  })
  .map((g) => {
    const s = portfolio({ parcels: g.parcels, months: g.months, seed: g.seed, bond: true, headroomMonths: 6, bondShare: g.bondShare / 100, parcelsPerZone: g.closed ? 10 : 50 });
    const funding = s.funding as { appropriations: { date: string; amount: string }[] };
    const scaled = (a: { date: string; amount: string }) => ({ ...a, amount: wanText(Math.max(1, Math.round((yuanOf(a.amount) * g.scalePercent) / 100))) });
    if (!g.closed) return { ...s, funding: { ...funding, appropriations: funding.appropriations.map(scaled), shortfall: g.policy } } as S;
    const zones = (s.zones as { id: string }[]).map((z) => z.id);
    const appropriations = funding.appropriations.flatMap((a) => zones.map((zone) => ({ ...scaled(a), zone })));
    const [bond] = s.bonds as S[];
    const bonds = zones.map((zone, i) => ({ ...bond, id: `BOND-${i + 1}`, zone }));
    return { ...s, zoneMode: 'closed', bonds, funding: { ...funding, appropriations, shortfall: g.policy } } as S;
  });

/** Whole 元 of the portfolio's "12345.6789万元" texts. */
function yuanOf(text: string): number {
  const [int, frac = ''] = text.replace('万元', '').split('.');
  return Number(int) * 10000 + Number(frac.padEnd(4, '0'));
}
