/**
 * What a parcel fixes whatever the scenario's adjustments: the sum of its holdings' areas, the
 * agricultural-development-fund base of its sale, its holding cost per year, its name. Computed
 * once per scenario by prepareBase (per prepare otherwise) so that each adjustment only rescales.
 */
import { dec, parseMoneyDecimal, roundFen, type Decimal, type Fen } from '../money';
import { areaIn, parseArea, parseUnitPrice, priceTimesArea, type Area, type UnitPrice } from '../units';
import type { ParameterSet } from '../parameters';
import type { Text } from '../model';
import { toText } from './text';
import type { RawParcel } from './parcel';

export interface ParcelFacts {
  /** The holdings' areas in the parcel's own unit, or null without holdings. */
  readonly holdingsSum: Decimal | null;
  /** Area sold × the net-yield standard (P-7), whole fen; 0 without a sale. */
  readonly agriDevBase: Fen;
  /** The holding cost per year (stated, or a unit cost × the area), or null when stated per month or absent. */
  readonly holdingPerYear: Decimal | null;
  readonly name: Text;
}

export function parcelFacts(raw: RawParcel, params: ParameterSet): ParcelFacts {
  const area = parseArea(raw.area)!;
  const holdingsSum = raw.holdings ? raw.holdings.reduce((s, h) => s.plus(areaIn(parseArea(h.area)!, area.unit)), dec('0')) : null;
  const h = raw.holding;
  return {
    holdingsSum,
    agriDevBase: raw.sale ? agriDevBaseOf(params.unitPrice('provisions.agriDev.netYieldStandard'), raw.sale.area ? raw.sale.area : raw.area) : 0,
    holdingPerYear: !h ? null : h.costPerYear ? parseMoneyDecimal(h.costPerYear)! : h.unitCostPerYear ? unitCostPerYear(h.unitCostPerYear, area) : null,
    name: toText(raw.name, raw.id),
  };
}

/** The standard × an area, whole fen, remembered per standard and area text (a portfolio repeats its areas). */
const AGRI_DEV_BASE = new WeakMap<UnitPrice, Map<string, Fen>>();
function agriDevBaseOf(standard: UnitPrice, areaText: string): Fen {
  let byArea = AGRI_DEV_BASE.get(standard);
  if (!byArea) AGRI_DEV_BASE.set(standard, (byArea = new Map()));
  let fen = byArea.get(areaText);
  if (fen === undefined) byArea.set(areaText, (fen = roundFen(priceTimesArea(standard, parseArea(areaText)!))));
  return fen;
}

function unitCostPerYear(text: string, area: Area): Decimal {
  const p = parseUnitPrice(text)!;
  const perYear = priceTimesArea(p, area);
  return p.perTime === 'month' ? perYear.times(12) : perYear;
}
