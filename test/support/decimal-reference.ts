/**
 * A second, independent computation of each generated parcel's waterfall in decimal.js — the
 * reference the integer-fen fast path must equal to the fen, on the parcel basis
 * (provisions.basePeriod = parcel). Written from DOMAIN.md §4.3, S-1, S-5 and S-7 directly,
 * sharing no code with the engine beyond the Decimal constructor.
 */
import { Decimal } from '../../engine/money';

const D = (s: string | number) => new Decimal(s);
const HALF_UP = Decimal.ROUND_HALF_UP;
const fen = (yuan: Decimal) => yuan.times(100).toDecimalPlaces(0, HALF_UP); // Decimal fen
const wanToYuan = (s: string) => D(s.replace('万元', '')).times(10000);
const rateOf = (s: string) => D(s.replace('%', '')).div(100);
const periodOf = (d: string) => (Number(d.slice(0, 4)) - 2020) * 12 + Number(d.slice(5, 7)) - 1;
const yuanStr = (f: Decimal) => f.div(100).toFixed(2);

export interface ReferenceParcel {
  id: string;
  revenue: string;
  provisions: string;
  costRecovered: string;
  valueAdded: string;
  shares: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function referenceWaterfall(s: any): ReferenceParcel[] {
  const enabled: string[] = s.provisions;
  const eduRate = rateOf(s.parameters['provisions.education.rate']);
  const fundRate = rateOf(s.parameters['provisions.landIncomeFund.rate']);
  const agriRate = D('0.15');
  const waterRate = D('0.1');
  const housingRate = D('0.1');
  const tiers: string[] = s.tiers.map((t: { id: string }) => t.id);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return s.parcels.map((p: any) => {
    const areaMu = D(p.area.replace('亩', ''));
    const acq = fen(areaMu.times(wanToYuan(p.acquisition.unitPrice.replace('/亩', ''))));
    const svc = p.acquisition.serviceFee ? acq.times(rateOf(p.acquisition.serviceFee)).toDecimalPlaces(0, HALF_UP) : D(0);
    const dev = (p.development?.works ?? []).reduce((a: Decimal, w: { amount: string }) => a.plus(fen(wanToYuan(w.amount))), D(0));
    const firstAcq = Math.min(...p.acquisition.payments.map((x: { date: string }) => periodOf(x.date)));
    const months = periodOf(p.sale.date) - firstAcq;
    const holding = p.holding ? fen(wanToYuan(p.holding.costPerYear).times(months).div(12)) : D(0);
    const R = fen(wanToYuan(p.sale.price));
    const areaM2 = areaMu.times(10000).div(15);
    const f1 = enabled.includes('landIncomeFund') ? R.times(fundRate).toDecimalPlaces(0, HALF_UP) : D(0);
    const f2 = enabled.includes('agriDev') ? fen(areaM2.times(3)).times(agriRate).toDecimalPlaces(0, HALF_UP) : D(0);
    // S-5: the 核定成本 (stated, else the planned reserve cost) is the cost-type deduction.
    const verified = p.verifiedCost ? fen(wanToYuan(p.verifiedCost)) : acq.plus(svc).plus(dev).plus(holding);
    const base = Decimal.max(0, R.minus(verified).minus(f2));
    const edu = enabled.includes('education') ? base.times(eduRate).toDecimalPlaces(0, HALF_UP) : D(0);
    const water = enabled.includes('water') ? base.times(waterRate).toDecimalPlaces(0, HALF_UP) : D(0);
    const housing = enabled.includes('housing') ? base.times(housingRate).toDecimalPlaces(0, HALF_UP) : D(0);
    // Provisions are taken in order and never exceed the sale income.
    let room = Decimal.max(0, R);
    for (const x of [f1, f2, edu, water, housing]) room = room.minus(Decimal.min(room, x));
    const provisions = Decimal.max(0, R).minus(room);
    const available = Decimal.max(0, R.minus(provisions));
    const recovered = Decimal.min(available, verified);
    const va = available.minus(recovered);
    const ratios = p.splitCase ? s.split.cases.alt : s.split.ratios;
    const w = tiers.map((t) => D(ratios[t]));
    const sum = w.reduce((a, b) => a.plus(b), D(0));
    // S-7 "last": every tier before the last weighted one rounded half-up, that one takes the rest.
    let last = w.length - 1;
    while (last > 0 && w[last].isZero()) last--;
    const parts = w.map((x, i) => (va.gt(0) && i < last ? va.times(x).div(sum).toDecimalPlaces(0, HALF_UP) : D(0)));
    if (va.gt(0)) parts[last] = va.minus(parts.reduce((a, b) => a.plus(b), D(0)));
    if (parts[last].lt(0)) {
      // A negative rest is not a share: largest remainder instead (as the engine does).
      const floors = w.map((x) => va.times(x).div(sum).floor());
      const frac = w.map((x, i) => va.times(x).div(sum).minus(floors[i]));
      let left = va.minus(floors.reduce((a, b) => a.plus(b), D(0))).toNumber();
      const order = w.map((_, i) => i).filter((i) => w[i].gt(0)).sort((a, b) => frac[b].cmp(frac[a]) || a - b);
      for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k]] = floors[order[k]].plus(1);
      floors.forEach((f, i) => { parts[i] = f; });
    }
    return {
      id: p.id,
      revenue: yuanStr(R),
      provisions: yuanStr(provisions),
      costRecovered: yuanStr(recovered),
      valueAdded: yuanStr(va),
      shares: Object.fromEntries(tiers.map((t, i) => [t, yuanStr(parts[i])])),
    };
  });
}
