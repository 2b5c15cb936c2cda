/**
 * A disposal plan file (`stock --plan plan.json`): the plan's fields, each optional over a base plan
 * (the seed's, in data/qinzhou-stock-2020.json), plus actual disposals per county and quarter and an
 * assumed achievement for the rest. Every bad field is reported with its JSON path.
 *
 * Worked example: {"annualRates": {"suspectedIdle": "20%"}, "disposals": {"qinbei":
 * {"suspectedIdle": ["1", "1.5", "2", "2"]}}} keeps 批而未供 at 18 %, sets idle land to 20 %, and gives
 * 钦北区 6.5 ha of idle-land disposal against its task of 20 % × 26.2522 = 5.25044 ha.
 */
import { dec, type Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { isObject, path, readArray, readHectares, readObject, rateText, type Json } from '../evaluation/fields';
import { CATEGORY_LABELS, STOCK_CATEGORIES, type StockCategory, type StockInventory } from './inventory';
import type { QuotaRule } from './quota';
import { parseAreaMu } from './area-mu';
import { assumeDisposals, type DisposalPlan, type Disposals, type Quarterly } from './disposal-plan';

const ZERO = dec('0');

/** A plan read from JSON with the disposals that came with it. */
export interface PlanInput {
  readonly plan: DisposalPlan;
  readonly disposals: Disposals;
  /** Where each county/category's disposal came from. */
  readonly disposalSource: Readonly<Record<string, Partial<Record<StockCategory, 'actual' | 'assumed'>>>>;
}

/**
 * Reads a plan. With a base plan, every field is optional and overrides the base (a variant of the
 * seed's plan); without one, year, annualRates, quarterlyCumulative and quota are required.
 * `disposals` gives actual hectares per quarter; `assume.achievement` ("100%", or per county with
 * a "default") fills the county/categories not given.
 */
export function parseDisposalPlan(value: unknown, inventory: StockInventory, base: DisposalPlan | null, at = ''): { input: PlanInput | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const obj = readObject(value, at, problems);
  if (!obj) return { input: null, problems };
  const ids = new Set(inventory.counties.map((c) => c.id));
  const idList = [...ids].join(' | ');
  const year = obj.year === undefined && base ? base.year : readYear(obj, at, problems);
  const annualRates = readRates(obj, at, base, problems);
  const quarterlyCumulative = readQuarterlyTargets(obj, at, base, problems);
  const quota = readQuota(obj, at, base, problems);
  const baseQuotaMu: Record<string, Decimal> = { ...(base?.baseQuotaMu ?? {}) };
  if (obj.baseQuota !== undefined) {
    const bq = readObject(obj.baseQuota, path(at, 'baseQuota'), problems) ?? {};
    for (const [k, v] of Object.entries(bq)) {
      const p = path(at, 'baseQuota', k);
      if (!ids.has(k)) problems.push(problem('ref.unknown', p, k, { en: `a county id: ${idList}`, zh: `县区编号：${idList}` }));
      const mu = typeof v === 'string' ? parseAreaMu(v) : null;
      if (mu === null) problems.push(problem('area.format', p, v, { en: 'an area with its unit, e.g. "1000亩" or "66.6667公顷"', zh: '带单位的面积，如 "1000亩" 或 "66.6667公顷"' }));
      else baseQuotaMu[k] = mu;
    }
  }
  const actual = readDisposals(obj, at, inventory, problems);
  const achievement = readAchievement(obj, at, ids, problems);
  if (problems.length > 0 || year === null || !annualRates || !quarterlyCumulative || !quota) return { input: null, problems };
  const plan: DisposalPlan = { year, annualRates, quarterlyCumulative, quota, baseQuotaMu };
  const assumed = achievement ? assumeDisposals(inventory, plan, achievement.byCounty, achievement.fallback) : {};
  const disposals: Record<string, Partial<Record<StockCategory, Quarterly<Decimal>>>> = {};
  const disposalSource: Record<string, Partial<Record<StockCategory, 'actual' | 'assumed'>>> = {};
  for (const id of ids) {
    disposals[id] = {};
    disposalSource[id] = {};
    for (const cat of STOCK_CATEGORIES) {
      const a = actual[id]?.[cat];
      const s = assumed[id]?.[cat];
      if (a) { disposals[id][cat] = a; disposalSource[id][cat] = 'actual'; }
      else if (s) { disposals[id][cat] = s; disposalSource[id][cat] = 'assumed'; }
    }
  }
  return { input: { plan, disposals, disposalSource }, problems };
}

function readYear(obj: Json, at: string, problems: Problem[]): number | null {
  const v = obj.year;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100) return v;
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.range', path(at, 'year'), v, { en: 'a year such as 2022', zh: '年份，如 2022' }));
  return null;
}

function readRates(obj: Json, at: string, base: DisposalPlan | null, problems: Problem[]): Partial<Record<StockCategory, Decimal>> | null {
  if (obj.annualRates === undefined && base) return base.annualRates;
  const ro = readObject(obj.annualRates, path(at, 'annualRates'), problems);
  if (!ro) return null;
  const out: Partial<Record<StockCategory, Decimal>> = { ...(base?.annualRates ?? {}) };
  for (const [k, v] of Object.entries(ro)) {
    const p = path(at, 'annualRates', k);
    if (!(STOCK_CATEGORIES as readonly string[]).includes(k)) {
      problems.push(problem('schema.unknownField', p, k, { en: `a category: ${STOCK_CATEGORIES.join(' | ')}`, zh: '类别：approvedUnsupplied（批而未供）、suspectedIdle（涉嫌闲置）、inefficientUrban（城镇低效）' }));
      continue;
    }
    if (v === null) { delete out[k as StockCategory]; continue; }
    const r = typeof v === 'string' ? rateText(v) : null;
    if (r === null || r.isNegative() || r.gt(1)) problems.push(problem('rate.format', p, v, { en: 'a rate from "0%" to "100%", or null for no task', zh: '0% 至 100% 的比率，或 null 表示不设任务' }));
    else out[k as StockCategory] = r;
  }
  return out;
}

function readQuarterlyTargets(obj: Json, at: string, base: DisposalPlan | null, problems: Problem[]): Quarterly<Decimal> | null {
  if (obj.quarterlyCumulative === undefined && base) return base.quarterlyCumulative;
  const p = path(at, 'quarterlyCumulative');
  const list = readArray(obj.quarterlyCumulative, p, problems);
  if (!list) return null;
  if (list.length !== 4) {
    problems.push(problem('schema.range', p, list, { en: 'four cumulative shares, one per quarter, e.g. ["15%","40%","75%","100%"]', zh: '四个季度累计进度，如 ["15%","40%","75%","100%"]' }));
    return null;
  }
  const before = problems.length;
  const out: Decimal[] = [];
  list.forEach((v, q) => {
    const r = typeof v === 'string' ? rateText(v) : null;
    const prev = q > 0 ? out[q - 1] : ZERO;
    if (r === null || r.gt(1) || r.lt(prev) || (q === 3 && !r.eq(1))) {
      const en = q === 3 ? '"100%": the whole task is due by the end of Q4' : `a share from the previous quarter's (${list[q - 1] ?? '0%'}) to "100%": cumulative progress never falls`;
      const zh = q === 3 ? '"100%"：第四季度末须完成全部任务' : `不低于上一季度（${list[q - 1] ?? '0%'}）且不超过 100% 的累计进度`;
      problems.push(problem('schema.range', path(p, q), v, { en, zh }));
    }
    out.push(r ?? prev);
  });
  return problems.length > before ? null : [out[0], out[1], out[2], out[3]];
}

function readQuota(obj: Json, at: string, base: DisposalPlan | null, problems: Problem[]): QuotaRule | null {
  if (obj.quota === undefined && base) return base.quota;
  const qo = readObject(obj.quota, path(at, 'quota'), problems);
  if (!qo) return null;
  const read = (key: 'reward' | 'penalty'): Decimal | null => {
    const v = qo[key];
    if (v === undefined && base) return base.quota[key];
    const r = typeof v === 'string' ? rateText(v) : null;
    if (r === null || r.isNegative() || r.gt(1)) {
      problems.push(problem('rate.format', path(at, 'quota', key), v, { en: 'a rate from "0%" to "100%", e.g. "10%"', zh: '0% 至 100% 的比率，如 "10%"' }));
      return null;
    }
    return r;
  };
  const reward = read('reward');
  const penalty = read('penalty');
  return reward && penalty ? { reward, penalty } : null;
}

function readDisposals(obj: Json, at: string, inventory: StockInventory, problems: Problem[]): Disposals {
  const out: Record<string, Partial<Record<StockCategory, Quarterly<Decimal>>>> = {};
  if (obj.disposals === undefined) return out;
  const dp = path(at, 'disposals');
  const dobj = readObject(obj.disposals, dp, problems) ?? {};
  const byId = new Map(inventory.counties.map((c) => [c.id, c]));
  for (const [id, row] of Object.entries(dobj)) {
    const cp = path(dp, id);
    const county = byId.get(id);
    if (!county) {
      problems.push(problem('ref.unknown', cp, id, { en: `a county id: ${[...byId.keys()].join(' | ')}`, zh: `县区编号：${[...byId.keys()].join(' | ')}` }));
      continue;
    }
    const ro = readObject(row, cp, problems) ?? {};
    out[id] = {};
    for (const [cat, qs] of Object.entries(ro)) {
      const qp = path(cp, cat);
      if (!(STOCK_CATEGORIES as readonly string[]).includes(cat)) {
        problems.push(problem('schema.unknownField', qp, cat, { en: `a category: ${STOCK_CATEGORIES.join(' | ')}`, zh: '类别：approvedUnsupplied、suspectedIdle、inefficientUrban' }));
        continue;
      }
      const list = readArray(qs, qp, problems);
      if (!list) continue;
      if (list.length !== 4) {
        problems.push(problem('schema.range', qp, list, { en: 'four hectare amounts, one per quarter (not cumulative), e.g. ["10","20","30","5.5"]', zh: '四个季度各自的处置面积（公顷，非累计），如 ["10","20","30","5.5"]' }));
        continue;
      }
      const ha = list.map((v, q) => readHectares(v, path(qp, q), problems));
      if (ha.some((h) => h === null)) continue;
      const total = (ha as Decimal[]).reduce((s, h) => s.plus(h), ZERO);
      const stock = county.areaHa[cat as StockCategory];
      if (total.gt(stock)) {
        problems.push(problem('schema.range', qp, list, {
          en: `disposals totalling at most the stock, ${stock.toString()} ha of ${CATEGORY_LABELS[cat as StockCategory].en} in ${county.name} (found ${total.toString()} ha)`,
          zh: `合计不超过${county.name}${CATEGORY_LABELS[cat as StockCategory].zh}存量 ${stock.toString()} 公顷的处置面积（现为 ${total.toString()} 公顷）`,
        }));
        continue;
      }
      out[id][cat as StockCategory] = [ha[0]!, ha[1]!, ha[2]!, ha[3]!];
    }
  }
  return out;
}

function readAchievement(obj: Json, at: string, ids: Set<string>, problems: Problem[]): { byCounty: Record<string, Decimal>; fallback: Decimal } | null {
  if (obj.assume === undefined) return null;
  const ap = path(at, 'assume');
  const ao = readObject(obj.assume, ap, problems);
  if (!ao) return null;
  const v = ao.achievement;
  const bad = (p: string, x: unknown) =>
    problems.push(problem('rate.format', p, x, { en: 'an achievement rate ≥ 0 such as "100%" (on plan) or "80%"', zh: '不小于 0 的完成比例，如 "100%"（按计划）或 "80%"' }));
  const one = (p: string, x: unknown): Decimal | null => {
    const r = typeof x === 'string' ? rateText(x) : null;
    if (r === null || r.isNegative()) { bad(p, x); return null; }
    return r;
  };
  if (typeof v === 'string') {
    const r = one(path(ap, 'achievement'), v);
    return r ? { byCounty: {}, fallback: r } : null;
  }
  if (!isObject(v)) { bad(path(ap, 'achievement'), v); return null; }
  const byCounty: Record<string, Decimal> = {};
  let fallback = dec('1');
  for (const [k, x] of Object.entries(v)) {
    const p = path(ap, 'achievement', k);
    if (k !== 'default' && !ids.has(k)) {
      problems.push(problem('ref.unknown', p, k, { en: `a county id or "default": ${[...ids].join(' | ')}`, zh: '县区编号或 "default"' }));
      continue;
    }
    const r = one(p, x);
    if (r === null) continue;
    if (k === 'default') fallback = r;
    else byCounty[k] = r;
  }
  return { byCounty, fallback };
}
