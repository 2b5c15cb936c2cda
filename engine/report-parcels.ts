/**
 * One row per parcel: its plan (planned acquisition, reserve cost, 核定成本, appraisal), the
 * parcel-level figures of the catalogue (figures.ts) summed from its postings, its sale and the
 * waterfall's outcome — unrecovered cost, value added held back, each tier's share.
 *
 * A province has tens of thousands of parcels: a row reads its figures straight from the
 * (parcel, rule) table, with each figure's rules looked up once for all rows.
 */
import { Decimal, fenToYuan, ratioTextOffTie, type Fen } from './money';
import { FIGURES, ruleSum, type RuleSum } from './figures';
import { PROVISION_KINDS } from './rules';
import { areaIn, type Area } from './units';
import { PARCEL_COLUMNS, parcelColumns, type LedgerSums } from './ledger-sums';
import type { ParcelRow } from './result';
import { outcomeReader } from './outcome-reader';

// Each figure's rules as columns of the (parcel, rule) table, looked up once.
const rs = (key: string): RuleSum => parcelColumns(ruleSum(FIGURES.get(key)!));
const ACQUISITION_COST = rs('acquisitionCost');
const SERVICE_FEE = rs('serviceFee');
const DEVELOPMENT_COST = rs('developmentCost');
const MANAGEMENT_FEE = rs('managementFee');
const HOLDING_COST = rs('holdingCost');
const SALE_BUSINESS_FEE = rs('saleBusinessFee');
const LEASE_INCOME = rs('leaseIncome');
const PROVISIONS = rs('provisions');
const COST_RECOVERED = rs('costRecovered');
const VALUE_ADDED = rs('valueAdded');
const BY_KIND = PROVISION_KINDS.map((k) => [k, rs(`provisionsByKind.${k}`)] as const);
const kindsTemplate: Record<string, string> = Object.fromEntries(PROVISION_KINDS.map((k) => [k, '']));

/**
 * The texts of one row's amounts. A parcel's figures repeat each other (acquisition cost paid is
 * the planned one, the 核定成本 the reserve cost, the cost to recover the 核定成本 when nothing was
 * financed): the same amount is given the same string, made once. Ten thousand rows of thirty
 * amounts is what a large report is made of.
 */
class RowTexts {
  private readonly fen = new Float64Array(8);
  private readonly text: string[] = new Array(8).fill('');
  private n = 0;

  reset(): void {
    this.n = 0;
  }

  of(v: number): string {
    if (v === 0) return '0.00';
    const n = this.n < 8 ? this.n : 8;
    for (let k = 0; k < n; k++) if (this.fen[k] === v) return this.text[k];
    const t = fenToYuan(v);
    const at = this.n++ % 8;
    this.fen[at] = v;
    this.text[at] = t;
    return t;
  }

  /** A rule sum over one row of the (parcel, rule) table. */
  sum(table: Float64Array, base: number, r: RuleSum): string {
    let v = 0;
    for (let k = 0; k < r.plus.length; k++) v += table[base + r.plus[k]];
    for (let k = 0; k < r.minus.length; k++) v -= table[base + r.minus[k]];
    return this.of(v);
  }
}

export function parcelRows(s: LedgerSums): ParcelRow[] {
  const { model } = s.out;
  const table = s.byParcelRule;
  const tierIds = model.tiers.map((t) => t.id);
  const sharesTemplate: Record<string, string> = Object.fromEntries(tierIds.map((id) => [id, '']));
  const rows: ParcelRow[] = new Array(model.parcels.length);
  const x = new RowTexts();
  const o = outcomeReader(s.out);
  for (let i = 0; i < model.parcels.length; i++) {
    const p = model.parcels[i];
    const base = i * PARCEL_COLUMNS;
    x.reset();
    const reserveCost = p.acquisitionPlanned + p.serviceFee + p.developmentPlanned + p.managementFee + p.holdingPlanned + (p.sale?.businessFee ?? 0);
    // Copies of a template: every row's objects have their keys, in order, before the values go in.
    const provisionsByKind: Record<string, string> = { ...kindsTemplate };
    for (let k = 0; k < BY_KIND.length; k++) provisionsByKind[BY_KIND[k][0]] = x.sum(table, base, BY_KIND[k][1]);
    const shares: Record<string, string> = { ...sharesTemplate };
    for (let t = 0; t < tierIds.length; t++) shares[tierIds[t]] = x.of(o.share(i, t));
    rows[i] = {
      id: p.id,
      name: p.name,
      zone: p.zone >= 0 ? model.zones[p.zone].id : null,
      landUse: p.landUse,
      area: p.areaText,
      areaM2: p.areaM2,
      areaMu: p.areaMu,
      acquisitionMode: p.acquisitionMode,
      acquisitionPlanned: x.of(p.acquisitionPlanned),
      acquisitionCost: x.sum(table, base, ACQUISITION_COST),
      serviceFee: x.sum(table, base, SERVICE_FEE),
      developmentCost: x.sum(table, base, DEVELOPMENT_COST),
      managementFee: x.sum(table, base, MANAGEMENT_FEE),
      managementFeeCap: x.of(p.managementFeeCap),
      holdingCost: x.sum(table, base, HOLDING_COST),
      saleBusinessFee: x.sum(table, base, SALE_BUSINESS_FEE),
      reserveCost: x.of(reserveCost),
      verifiedCost: x.of(p.verifiedCost),
      financingCost: x.of(o.financingCost(i)),
      costToRecover: x.of(p.verifiedCost + o.financingCost(i)),
      appraisedValue: p.appraisedValue === null ? null : x.of(p.appraisedValue),
      leaseIncome: x.sum(table, base, LEASE_INCOME),
      sale: p.sale ? { date: p.sale.date, revenue: x.of(p.sale.revenue), areaSoldM2: p.sale.areaSoldM2, groundPriceYuanPerM2: groundPrice(p.sale.revenue, p.sale.areaSold), settlement: model.periodLabels[p.sale.settlementPeriod] } : null,
      provisionsByKind,
      provisions: x.sum(table, base, PROVISIONS),
      costRecovered: x.sum(table, base, COST_RECOVERED),
      unrecoveredCost: x.of(o.unrecoveredCost(i)),
      valueAdded: x.sum(table, base, VALUE_ADDED),
      valueAddedHeldBack: x.of(o.heldBack(i)),
      shares,
      splitCase: model.splitNames[p.split],
    };
  }
  return rows;
}

/** Square metres in one unit of each area unit, as floats: only for the estimate ratioText checks. */
const M2_PER_FLOAT: Record<Area['unit'], number> = { m2: 1, mu: 10000 / 15, ha: 10000 };
/** An area's m² as a float, made once per (immutable, parsed once) area. */
const M2_FLOAT = new WeakMap<Area, number>();
function m2Float(area: Area): number {
  let m2 = M2_FLOAT.get(area);
  if (m2 === undefined) M2_FLOAT.set(area, (m2 = area.value.toNumber() * M2_PER_FLOAT[area.unit]));
  return m2;
}

/**
 * 元/m², 2 places (seed 001 quotes 4 720 for 19 938.51 万元 on 42 251.56 m²; exact is 4 719.00).
 * The Decimal expression is the reference; ratioText gives its text without it, off a tie.
 */
export function groundPrice(revenue: Fen, area: Area): string {
  const m2 = m2Float(area);
  return (m2 > 0 ? ratioTextOffTie(revenue / 100, m2, 2) : null) ?? groundPriceReference(revenue, area);
}

/** The ground price in decimal.js: the reference, and the answer near a tie. */
function groundPriceReference(revenue: Fen, area: Area): string {
  const m2 = areaIn(area, 'm2');
  return m2.isZero() ? '0.00' : new Decimal(revenue).div(100).div(m2).toFixed(2, Decimal.ROUND_HALF_UP);
}
