/**
 * The four questions a finance bureau asks most, as ready goal seeks (goal-seek.ts):
 *
 *   max-acquisition-price  the highest acquisition price of a parcel that keeps its bond's coverage
 *                          at the floor (1.2 by default), the extra cost financed by that bond —
 *                          as a land-reserve bond is sized to the reserve cost it pays for
 *   min-sale-price         the lowest sale price of a parcel at which its zone balances (Z-1)
 *   max-bond               the largest principal of a bond that its project's sales still cover
 *                          at the floor (issuance over the year's quota is refused: the answer says so)
 *   min-pre-allocation     the smallest 财政预拨 that avoids any shortfall under the scenario's policy:
 *                          no fiscal top-up, no bridge, no negative fund, no payment left waiting
 *
 *   solvePreset(hainanBonds, 'max-bond', {}) → a SeekSpec on bonds[0].principal with
 *   bonds["HN-2021-TC01"].coverageRatio >= 1.2, ranged from 1 % of the principal to the revenue.
 * Every preset names its input and output, so its answer can be fed back and checked.
 */
import { areaIn, dec, Decimal, getAt, MONEY_UNITS, parseArea, parseMoneyDecimal, parseUnitPrice, prepare, problem, type Problem, report, type Result, run, setAt } from '../index';
import { resolveInput, type ResolvedInput } from './input';
import type { SeekSpec } from './goal-seek';
import { SOLVE_PRESETS, type SolvePresetName } from './solve-preset-names';

export { SOLVE_PRESETS, type SolvePresetName };

export interface PresetOptions {
  readonly parcel?: string;
  readonly bond?: string;
  readonly zone?: string;
  readonly preAllocation?: string;
  /** Overrides of the preset's search range, in the field's own form. */
  readonly from?: string;
  readonly to?: string;
  /** max-acquisition-price: finance the extra cost by the bond (default true). */
  readonly linkBond?: boolean;
}

export interface PresetSolve {
  readonly spec: SeekSpec;
  /** The input the search moves (a linked input for max-acquisition-price and new pre-allocations). */
  readonly input: ResolvedInput;
  readonly question: { readonly en: string; readonly zh: string };
}

type Raw = Record<string, unknown>;
type Outcome = { ok: true; solve: PresetSolve } | { ok: false; problems: Problem[] };

const fail = (path: string, value: unknown, en: string, zh: string): Outcome => ({ ok: false, problems: [problem('ref.unknown', path, value, { en, zh })] });

/** Yuan in a money text ("80000万元" → 800000000). */
function yuanOf(text: string): Decimal {
  return parseMoneyDecimal(text) ?? dec('0');
}

/** A money amount in 元 written in the unit of `like` ("80000万元" → "…万元"). */
function moneyLike(yuan: Decimal, like: string): string {
  const unit = /(万元|亿元|元|yuan)\s*$/.exec(like)?.[1] ?? '元';
  return `${yuan.div(MONEY_UNITS[unit]).toFixed()}${unit}`;
}

function scaled(text: string, factor: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)(.*)$/.exec(text)!;
  return `${dec(m[1]).times(factor).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed()}${m[2]}`;
}

function baseRun(scenario: unknown): { result: Result; floor: string } | Problem[] {
  const p = prepare(scenario);
  if (!p.ok) return p.problems;
  const f = p.model.coverageFloor;
  return { result: report(run(p.model)), floor: dec(String(f.num)).div(f.den).toFixed() };
}

function findBond(s: Raw, id?: string): { index: number; bond: Raw } | null {
  const bonds = (s.bonds as Raw[] | undefined) ?? [];
  const index = id === undefined ? 0 : bonds.findIndex((b) => b.id === id);
  return index >= 0 && bonds[index] ? { index, bond: bonds[index] } : null;
}

function findParcel(s: Raw, id: string): { index: number; parcel: Raw } | null {
  const parcels = (s.parcels as Raw[] | undefined) ?? [];
  const index = parcels.findIndex((p) => p.id === id);
  return index >= 0 ? { index, parcel: parcels[index] } : null;
}

export function solvePreset(scenario: unknown, name: SolvePresetName, options: PresetOptions = {}): Outcome {
  const s = scenario as Raw;
  const base = baseRun(scenario);
  if (Array.isArray(base)) return { ok: false, problems: base };
  switch (name) {
    case 'max-acquisition-price': return maxAcquisitionPrice(s, base, options);
    case 'min-sale-price': return minSalePrice(s, base.result, options);
    case 'max-bond': return maxBond(s, base, options);
    case 'min-pre-allocation': return minPreAllocation(s, base.result, options);
    default: return fail('preset', name, `one of ${SOLVE_PRESETS.join(', ')}`, `以下之一：${SOLVE_PRESETS.join('、')}`);
  }
}

function maxAcquisitionPrice(s: Raw, base: { result: Result; floor: string }, o: PresetOptions): Outcome {
  const b = findBond(s, o.bond);
  if (!b) return fail(o.bond ? '--bond' : 'bonds', o.bond, 'a bond of the scenario (this preset keeps its coverage at the floor)', '情景中的一只债券（本预设保持其本息覆盖倍数不低于下限）');
  const project = ((s.projects as Raw[] | undefined) ?? []).find((p) => p.id === b.bond.project);
  // By default the project's first parcel whose acquisition is one price (not a list of components).
  const priced = (id: string) => { const a = findParcel(s, id)?.parcel.acquisition as Raw | undefined; return a?.price !== undefined || a?.unitPrice !== undefined; };
  const projectParcels = (project?.parcels as string[] | undefined) ?? ((s.parcels as Raw[] | undefined) ?? []).map((p) => p.id as string);
  const parcelId = o.parcel ?? projectParcels.find(priced) ?? projectParcels[0];
  const found = parcelId === undefined ? null : findParcel(s, parcelId);
  if (!found) return fail('--parcel', parcelId, 'the id of a parcel (by default the first parcel of the bond\'s project priced as one amount)', '宗地编号（默认为债券所属项目中第一宗以单一价格收储的宗地）');
  const acq = found.parcel.acquisition as Raw | undefined;
  const field = acq?.unitPrice !== undefined ? 'unitPrice' : acq?.price !== undefined ? 'price' : null;
  if (!field) return fail(`parcels[${found.index}].acquisition`, acq, 'an acquisition stated by "price" or "unitPrice" (components cannot be moved as one price)', '以 "price" 或 "unitPrice" 给出的收储价格（补偿构成无法作为单一价格求解）');
  const path = `parcels[${found.index}].acquisition.${field}`;
  const r = resolveInput(s, path);
  if (!r.ok) return r;
  const baseText = acq![field] as string;
  // Yuan of acquisition cost per unit of the field: 1 for a price in 元, area in its unit for a unit price.
  const perUnit = field === 'price'
    ? dec(MONEY_UNITS[/(万元|亿元|元|yuan)\s*$/.exec(baseText)?.[1] ?? '元'])
    : (() => { const up = parseUnitPrice(baseText)!; return up.yuanPer.div(dec(/^\s*(\d+(?:\.\d+)?)/.exec(baseText)![1])).times(areaIn(parseArea(found.parcel.area as string)!, up.per)); })();
  const principalText = b.bond.principal as string;
  const link = o.linkBond !== false;
  const input: ResolvedInput = {
    ...r.input,
    label: link ? `${path} (bond ${b.bond.id} grows with the cost / 债券随成本增加)` : path,
    apply: <T>(sc: T, x: Decimal): T => {
      let next = setAt(sc, r.input.segments, `${x.toFixed()}${r.input.shape.kind === 'text' ? r.input.shape.unit : ''}`);
      if (link) {
        const principal = yuanOf(principalText).plus(x.minus(r.input.base).times(perUnit)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        next = setAt(next, ['bonds', b.index, 'principal'], moneyLike(Decimal.max(principal, 0), principalText));
      }
      return next;
    },
  };
  return {
    ok: true,
    solve: {
      input,
      spec: {
        input: { path, from: o.from ?? scaled(baseText, '0.5'), to: o.to ?? scaled(baseText, '3') },
        output: `bonds[${JSON.stringify(b.bond.id)}].coverageRatio`,
        op: '>=',
        threshold: base.floor,
        find: 'max',
      },
      question: {
        en: `the highest acquisition ${field === 'price' ? 'price' : 'unit price'} of ${found.parcel.id} that keeps bond ${b.bond.id}'s coverage at ${base.floor} or more${link ? ', the extra cost financed by the bond' : ''}`,
        zh: `保持债券 ${b.bond.id} 本息覆盖倍数不低于 ${base.floor} 的 ${found.parcel.id} 最高收储${field === 'price' ? '价格' : '单价'}${link ? '（增加的成本由该债券融资）' : ''}`,
      },
    },
  };
}

function minSalePrice(s: Raw, result: Result, o: PresetOptions): Outcome {
  const zones = result.zones;
  const zone = o.zone !== undefined ? zones.find((z) => z.id === o.zone) : zones.find((z) => dec(z.balance).lt(0)) ?? zones[0];
  if (!zone) return fail('--zone', o.zone, `a zone of the scenario (${zones.map((z) => z.id).join(', ') || 'none declared'})`, `情景中的片区（${zones.map((z) => z.id).join('、') || '未声明片区'}）`);
  const parcels = ((s.parcels as Raw[] | undefined) ?? []).map((p, index) => ({ p, index })).filter(({ p }) => p.zone === zone.id && p.sale);
  const revenue = (id: string) => dec(result.parcels.find((x) => x.id === id)?.sale?.revenue ?? '0');
  const chosen = o.parcel !== undefined ? parcels.find(({ p }) => p.id === o.parcel) : [...parcels].sort((a, b) => revenue(b.p.id as string).cmp(revenue(a.p.id as string)))[0];
  if (!chosen) return fail('--parcel', o.parcel, `a parcel of zone ${zone.id} with a sale`, `片区 ${zone.id} 内有出让安排的宗地`);
  const sale = chosen.p.sale as Raw;
  const field = sale.price !== undefined ? 'price' : 'unitPrice';
  const path = `parcels[${chosen.index}].sale.${field}`;
  const r = resolveInput(s, path);
  if (!r.ok) return r;
  return {
    ok: true,
    solve: {
      input: r.input,
      spec: { input: { path, from: o.from ?? scaled(sale[field] as string, '0.1'), to: o.to ?? scaled(sale[field] as string, '5') }, output: `zones[${JSON.stringify(zone.id)}].balance`, op: '>=', threshold: '0', find: 'min' },
      question: { en: `the lowest sale ${field === 'price' ? 'price' : 'unit price'} of ${chosen.p.id} at which zone ${zone.id} balances (revenue − provisions − cost ≥ 0)`, zh: `使片区 ${zone.id} 收支平衡（收入 − 计提 − 成本 ≥ 0）的 ${chosen.p.id} 最低出让${field === 'price' ? '价格' : '单价'}` },
    },
  };
}

function maxBond(s: Raw, base: { result: Result; floor: string }, o: PresetOptions): Outcome {
  const b = findBond(s, o.bond);
  if (!b) return fail(o.bond ? '--bond' : 'bonds', o.bond, 'a bond of the scenario', '情景中的一只债券');
  const path = `bonds[${b.index}].principal`;
  const r = resolveInput(s, path);
  if (!r.ok) return r;
  const principal = b.bond.principal as string;
  const available = yuanOf(`${base.result.bonds.find((x) => x.id === b.bond.id)?.available ?? '0'}元`);
  const to = Decimal.max(available, yuanOf(principal)).toDecimalPlaces(0, Decimal.ROUND_CEIL);
  return {
    ok: true,
    solve: {
      input: r.input,
      spec: { input: { path, from: o.from ?? scaled(principal, '0.01'), to: o.to ?? moneyLike(to, principal) }, output: `bonds[${JSON.stringify(b.bond.id)}].coverageRatio`, op: '>=', threshold: base.floor, find: 'max' },
      question: { en: `the largest principal of bond ${b.bond.id} whose project's sales still cover it ${base.floor} times`, zh: `项目出让收入仍能覆盖 ${base.floor} 倍本息的债券 ${b.bond.id} 最大发行额` },
    },
  };
}

const SHORTFALL_OUTPUT: Record<string, { output: string; en: string; zh: string }> = {
  fiscalTopUp: { output: 'totals.fiscalTopUp', en: 'no fiscal top-up', zh: '无需财政补足' },
  bridge: { output: 'totals.bridges', en: 'no bridge advance', zh: '无需过桥资金' },
  negative: { output: 'pool.shortfall', en: 'no fund below zero', zh: '资金池不出现负余额' },
  wait: { output: 'count(pool.delays[*].amount)', en: 'no payment left waiting', zh: '无延付款项' },
};

function minPreAllocation(s: Raw, result: Result, o: PresetOptions): Outcome {
  const funding = (s.funding as Raw | undefined) ?? {};
  const policy = (funding.shortfall as string | undefined) ?? 'fiscalTopUp';
  const target = SHORTFALL_OUTPUT[policy];
  const list = (funding.preAllocations as Raw[] | undefined) ?? [];
  const k = o.preAllocation !== undefined ? list.findIndex((p) => p.id === o.preAllocation) : list.length ? 0 : -1;
  if (o.preAllocation !== undefined && k < 0) return fail('--pre-allocation', o.preAllocation, `the id of a pre-allocation (${list.map((p) => p.id).join(', ') || 'none in the scenario'})`, `财政预拨编号（${list.map((p) => p.id).join('、') || '情景中没有'}）`);
  const upper = moneyLike(yuanOf(`${result.totals.peakFundingNeed}元`).times(2).plus(10000).toDecimalPlaces(0, Decimal.ROUND_CEIL), '万元');
  let input: ResolvedInput;
  let path: string;
  if (k >= 0) {
    path = `funding.preAllocations[${k}].amount`;
    const r = resolveInput(s, path);
    if (!r.ok) return r;
    input = r.input;
  } else {
    // No pre-allocation yet: add one at the start of the timeline, returned from cost recovery.
    const zoneMode = s.zoneMode as string | undefined;
    if (zoneMode === 'closed' && o.zone === undefined) return fail('--zone', undefined, 'the zone the new pre-allocation goes to (zones are closed)', '新增财政预拨所属片区（片区封闭运行）');
    path = `funding.preAllocations[${list.length}].amount`;
    const start = (getAt(s, ['timeline', 'start']) as string | undefined) ?? '';
    input = {
      path,
      segments: ['funding', 'preAllocations', list.length, 'amount'],
      label: `new pre-allocation at ${start} (amount) / 新增财政预拨（${start}）`,
      shape: { kind: 'text', unit: '万元' },
      base: dec('0'),
      apply: <T>(sc: T, x: Decimal): T => setAt(sc, ['funding', 'preAllocations', list.length], { id: 'SOLVE-PA', date: start, amount: `${x.toFixed()}万元`, repay: 'fromCostRecovery', ...(o.zone ? { zone: o.zone } : {}) }),
    };
  }
  return {
    ok: true,
    solve: {
      input,
      spec: { input: { path, from: o.from ?? (k >= 0 ? moneyLike(dec('0'), list[k].amount as string) : '0万元'), to: o.to ?? (k >= 0 ? moneyLike(yuanOf(upper), list[k].amount as string) : upper) }, output: target.output, op: '<=', threshold: '0', find: 'min' },
      question: { en: `the smallest pre-allocation with ${target.en} (shortfall policy "${policy}")`, zh: `实现${target.zh}的最小财政预拨（缺口处理方式 "${policy}"）` },
    },
  };
}
