/**
 * One row per parcel: its plan (planned acquisition, reserve cost, 核定成本, appraisal), the
 * parcel-level figures of the catalogue (figures.ts) summed from its postings, its sale and the
 * waterfall's outcome — unrecovered cost, value added held back, each tier's share.
 */
import { Decimal, fenToYuan, type Fen } from './money';
import { FIGURES, ruleSum } from './figures';
import { provisionsByKind } from './report-totals';
import { areaIn, type Area } from './units';
import type { LedgerSums } from './ledger-sums';
import type { ParcelRow } from './result';

const RS = Object.fromEntries([...FIGURES.values()].filter((f) => f.levels.includes('parcel') && f.plus.length > 0).map((f) => [f.key, ruleSum(f)]));

export function parcelRows(s: LedgerSums): ParcelRow[] {
  const { model } = s.out;
  return model.parcels.map((p, i) => {
    const v = (key: string) => fenToYuan(s.inParcel(i, RS[key]));
    const o = s.out.parcels[i];
    const reserveCost = p.acquisitionPlanned + p.serviceFee + p.developmentPlanned + p.managementFee + p.holdingPlanned + (p.sale?.businessFee ?? 0);
    return {
      id: p.id,
      name: p.name,
      zone: p.zone >= 0 ? model.zones[p.zone].id : null,
      landUse: p.landUse,
      area: p.areaText,
      areaM2: p.areaM2,
      areaMu: p.areaMu,
      acquisitionMode: p.acquisitionMode,
      acquisitionPlanned: fenToYuan(p.acquisitionPlanned),
      acquisitionCost: v('acquisitionCost'),
      serviceFee: v('serviceFee'),
      developmentCost: v('developmentCost'),
      managementFee: v('managementFee'),
      managementFeeCap: fenToYuan(p.managementFeeCap),
      holdingCost: v('holdingCost'),
      saleBusinessFee: v('saleBusinessFee'),
      reserveCost: fenToYuan(reserveCost),
      verifiedCost: fenToYuan(p.verifiedCost),
      financingCost: fenToYuan(o.financingCost),
      costToRecover: fenToYuan(p.verifiedCost + o.financingCost),
      appraisedValue: p.appraisedValue === null ? null : fenToYuan(p.appraisedValue),
      leaseIncome: v('leaseIncome'),
      sale: p.sale ? { date: p.sale.date, revenue: fenToYuan(p.sale.revenue), areaSoldM2: p.sale.areaSoldM2, groundPriceYuanPerM2: groundPrice(p.sale.revenue, p.sale.areaSold), settlement: model.periodLabels[p.sale.settlementPeriod] } : null,
      provisionsByKind: provisionsByKind((r) => s.inParcel(i, r)),
      provisions: v('provisions'),
      costRecovered: v('costRecovered'),
      unrecoveredCost: fenToYuan(o.waterfall?.unrecoveredCost ?? 0),
      valueAdded: v('valueAdded'),
      valueAddedHeldBack: fenToYuan(o.heldBack),
      shares: Object.fromEntries(model.tiers.map((tier, t) => [tier.id, fenToYuan(o.shares[t] ?? 0)])),
      splitCase: model.splitNames[p.split],
    };
  });
}

/** 元/m², 2 places (seed 001 quotes 4 720 for 19 938.51 万元 on 42 251.56 m²; exact is 4 719.00). */
function groundPrice(revenue: Fen, area: Area): string {
  const m2 = areaIn(area, 'm2');
  return m2.isZero() ? '0.00' : new Decimal(revenue).div(100).div(m2).toFixed(2, Decimal.ROUND_HALF_UP);
}
