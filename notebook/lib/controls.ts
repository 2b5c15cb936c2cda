/**
 * The notebook's controls as scenario overrides. A control is a URL key with a small text value
 * (`price=90`, `ratio=7`, `prov=education,water`); `applyControls` turns the ones present into
 * JSON-path overrides of the scenario with the engine's setAt, never mutating it, and returns the
 * list it applied so the page can show them (and save them as a variant file).
 *
 *   price=90   → adjustments.salePriceFactor = "0.90"
 *   delay=6    → adjustments.saleDelayMonths = 6, timeline.months += 6 (the sales still settle)
 *   ratio=7    → split.ratios = {province: "7", city: "3"}   (two tiers: the first's weight out of 10)
 *   ratio=5:3:2 → split.ratios = {province: "5", city: "3", county: "2"}   (a weight per tier, any number)
 *   exc=0      → split.cases.paidStockRecovery = the default ratios (no exception)
 *   exc=city,county → split.cases.paidStockRecovery = the ratios with those tiers at 0 (they take no share)
 *   prov=a,b   → provisions = ["a", "b"]          (prov=none → [])
 *   bond=50000&issue=2021-06&rate=3.2&term=5 → bonds[0]
 *   pool=10000 → funding.pool.opening = "10000万元"
 *   mode=pooled → zoneMode = "pooled"; fee=3 → each zone's developer compensation rate "3%"
 * Values are integers or short decimals handled as text; no money arithmetic happens here.
 */
import { getAt, parsePath, setAt } from '../../engine/scenario/json-path';
import { scenarioDefaults } from '../../engine/scenario/scenario-defaults';
import { dec, fenToWan, parseMoney } from '../../engine/money';
import type { Params } from './url-state';
import type { Text } from './format';

export interface Applied {
  key: string;
  path: string;
  value: unknown;
  label: Text;
}

export interface Controlled {
  scenario: Record<string, unknown>;
  applied: Applied[];
  /** Controls present in the URL that this scenario or engine cannot take, with the reason. */
  ignored: { key: string; reason: Text }[];
}

export const CONTROL_KEYS = ['price', 'delay', 'cost', 'ratio', 'exc', 'prov', 'bond', 'issue', 'rate', 'term', 'shift', 'pool', 'mode', 'fee'] as const;

/** The control values of a view as one string: a run is needed when this changes. */
export function controlsKey(params: Params, prefix = '', except: readonly string[] = []): string {
  return CONTROL_KEYS.filter((k) => !except.includes(k)).map((k) => params[prefix + k] ?? '').join('|');
}

/** "90" (percent) → "0.90"; "105" → "1.05". Integers only; anything else is null. */
export function percentToFactor(text: string): string | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = text.padStart(3, '0');
  return `${String(Number(n.slice(0, -2)))}.${n.slice(-2)}`;
}

/** "6.5" → ["6.5", "3.5"]: a first-tier weight out of 10 and its complement, in tenths. */
export function ratioPair(text: string): [string, string] | null {
  const m = /^(\d{1,2})(?:\.(\d))?$/.exec(text);
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? '0');
  if (tenths < 0 || tenths > 100) return null;
  const show = (t: number) => (t % 10 === 0 ? String(t / 10) : `${Math.floor(t / 10)}.${t % 10}`);
  return [show(tenths), show(100 - tenths)];
}

const WEIGHT = /^\d{1,3}(?:\.\d{1,2})?$/;

/**
 * The `ratio` control as one weight per tier, in the scenario's tier order: "7" for two tiers
 * (the first out of 10, the second the rest), else "5:3:2" with a weight for every tier.
 */
export function ratioWeights(text: string, tierCount: number): string[] | null {
  if (tierCount === 2 && !text.includes(':')) return ratioPair(text);
  const parts = text.split(':');
  if (parts.length !== tierCount || !parts.every((w) => WEIGHT.test(w))) return null;
  return parts.every((w) => dec(w).isZero()) ? null : parts.map((w) => dec(w).toFixed());
}

type Scenario = Record<string, unknown>;

function set(s: Scenario, path: string, value: unknown): Scenario {
  return setAt(s, parsePath(path)!, value);
}

/** The scenario's tier ids (one tier "city" when it declares none), as the engine reads them. */
export function tierIds(s: Scenario): string[] {
  return scenarioDefaults(s).tiers.map((t) => t.id);
}

/** The split ratios a scenario uses when no control moves them: as the run uses them (engine/scenario/scenario-defaults.ts). */
export function defaultRatios(s: Scenario): Record<string, string> | null {
  const r = scenarioDefaults(s).ratios;
  return r ? { ...r } : null;
}

/**
 * The tiers that take no share of a paid stock recovery by default: those at 0 in the scenario's
 * paidStockRecovery case (Hainan: the city, 琼府〔2021〕7号); none when there is no such case.
 */
export function defaultExcluded(s: Scenario): string[] {
  const c = scenarioDefaults(s).cases.paidStockRecovery;
  if (!c) return [];
  return tierIds(s).filter((t) => !Object.hasOwn(c, t) || dec(String(c[t]).replace('%', '')).isZero());
}

export function hasPaidRecovery(s: Scenario): boolean {
  return Array.isArray(s.parcels) && s.parcels.some((p) => (p as { splitCase?: unknown })?.splitCase === 'paidStockRecovery');
}

function zoneIds(s: Scenario): string[] {
  return scenarioDefaults(s).zones.map((z) => z.id);
}

const PROVISIONS = ['landIncomeFund', 'agriDev', 'education', 'water', 'housing'];

export function applyControls(base: Scenario, params: Params, prefix = ''): Controlled {
  let s = base;
  const applied: Applied[] = [];
  const ignored: Controlled['ignored'] = [];
  const defaults = controlDefaults(base);
  // A control at the scenario's own value changes nothing (and shows no chip).
  const get = (k: string) => {
    const v = params[prefix + k];
    return v !== undefined && v !== defaults[k] ? v : undefined;
  };
  const put = (key: string, path: string, value: unknown, label: Text) => {
    s = set(s, path, value);
    applied.push({ key, path, value, label });
  };
  const no = (key: string, zh: string, en: string) => ignored.push({ key, reason: { zh, en } });

  const price = get('price');
  if (price !== undefined) {
    const f = percentToFactor(price);
    if (f) put('price', 'adjustments.salePriceFactor', f, { zh: `出让价格 × ${f}`, en: `sale prices × ${f}` });
    else if (!f) no('price', '价格系数应为整数百分比', 'the price factor must be a whole percent');
  }
  const cost = get('cost');
  if (cost !== undefined) {
    const f = percentToFactor(cost);
    if (f) put('cost', 'adjustments.costFactor', f, { zh: `成本 × ${f}`, en: `costs × ${f}` });
  }
  const delay = get('delay');
  if (delay !== undefined && /^\d{1,3}$/.test(delay)) {
    const months = Number(delay);
    put('delay', 'adjustments.saleDelayMonths', months, { zh: `出让推迟 ${months} 个月`, en: `sales ${months} months later` });
    const more = months - Number(defaults.delay);
    const tm = getAt(s, ['timeline', 'months']);
    if (typeof tm === 'number' && more > 0) put('delay', 'timeline.months', tm + more, { zh: `测算期延长至 ${tm + more} 个月`, en: `timeline extended to ${tm + more} months` });
  }

  const tiers = tierIds(s);
  const ratio = get('ratio');
  let ratios: Record<string, string> | null = null;
  if (ratio !== undefined) {
    const weights = ratioWeights(ratio, tiers.length);
    if (tiers.length < 2) no('ratio', '本情景只有一级政府，不分成', 'this scenario has one tier: nothing to split');
    else if (!weights) no('ratio', `分成比例应为每级一个权重（共 ${tiers.length} 级），如 ${tiers.map(() => '2').join(':')}`, `the split needs a weight per tier (${tiers.length} tiers), e.g. ${tiers.map(() => '2').join(':')}`);
    else {
      ratios = Object.fromEntries(tiers.map((t, i) => [t, weights[i]]));
      put('ratio', 'split.ratios', ratios, { zh: `分成 ${weights.join(':')}`, en: `split ${weights.join(':')}` });
    }
  }
  const exc = get('exc');
  if (exc !== undefined) {
    const r = ratios ?? defaultRatios(s);
    const excluded = exc === '0' ? [] : exc.split(',').filter((t) => tiers.includes(t));
    const kept = tiers.filter((t) => !excluded.includes(t) && r && !dec(String(r[t] ?? '0').replace('%', '')).isZero());
    if (!hasPaidRecovery(s)) no('exc', '本情景没有有偿收回的存量土地', 'no paid stock recovery in this scenario');
    else if (r && kept.length === 0) no('exc', '至少一级政府应参与有偿收回土地的分成', 'at least one tier must take a share of a paid recovery');
    else if (r) {
      const caseRatios = Object.fromEntries(tiers.map((t) => [t, excluded.includes(t) ? '0' : String(r[t] ?? '0')]));
      const who = excluded.length ? { zh: `${excluded.join('、')} 不参与`, en: `${excluded.join(', ')} take no share` } : { zh: '按一般比例分成', en: 'split like the rest' };
      put('exc', 'split.cases.paidStockRecovery', caseRatios, { zh: `有偿收回存量土地：${who.zh}`, en: `paid recovery: ${who.en}` });
    }
  }
  const prov = get('prov');
  if (prov !== undefined) {
    const list = prov === 'none' ? [] : prov.split(',').filter((k) => PROVISIONS.includes(k));
    put('prov', 'provisions', PROVISIONS.filter((k) => list.includes(k)), { zh: `计提：${list.length} 项`, en: `${list.length} provisions` });
  }

  const bond = get('bond');
  if (bond !== undefined || get('issue') !== undefined || get('rate') !== undefined || get('term') !== undefined) {
    const existing = Array.isArray(s.bonds) ? (s.bonds as Record<string, unknown>[]) : [];
    const b0 = existing[0] ?? { id: 'notebook-bond', name: { zh: '土地储备专项债券', en: 'Land reserve special bond' } };
    let next: Record<string, unknown> = { ...b0 };
    if (bond !== undefined && /^\d+(\.\d+)?$/.test(bond)) next = { ...next, principal: `${bond}万元` };
    const issue = get('issue');
    if (issue !== undefined && /^\d{4}-\d{2}$/.test(issue)) next = { ...next, issueDate: issue };
    const rate = get('rate');
    if (rate !== undefined && /^\d+(\.\d+)?$/.test(rate)) next = { ...next, couponRate: `${rate}%` };
    const term = get('term');
    if (term !== undefined && /^\d{1,2}$/.test(term)) next = { ...next, termYears: Number(term) };
    put('bond', 'bonds', [next, ...existing.slice(1)], { zh: `债券 ${String(next.principal ?? '')} ${String(next.couponRate ?? '')} ${String(next.termYears ?? '')}年`, en: `bond ${String(next.principal ?? '')} at ${String(next.couponRate ?? '')}, ${String(next.termYears ?? '')} years` });
  }
  const shift = get('shift');
  if (shift !== undefined && /^-?\d{1,4}$/.test(shift)) {
    put('shift', 'adjustments.rateShiftBp', Number(shift), { zh: `利率${Number(shift) >= 0 ? '上浮' : '下调'} ${Math.abs(Number(shift))} 基点`, en: `rates ${Number(shift) >= 0 ? '+' : '−'}${Math.abs(Number(shift))} bp` });
  }
  const pool = get('pool');
  if (pool !== undefined) {
    if (/^\d+(\.\d+)?$/.test(pool)) put('pool', 'funding.pool.opening', `${pool}万元`, { zh: `资金池期初 ${pool} 万元`, en: `pool opening ${pool} 万元` });
  }
  const mode = get('mode');
  if (mode === 'closed' || mode === 'pooled') {
    put('mode', 'zoneMode', mode, { zh: mode === 'closed' ? '片区封闭运行' : '全市统筹', en: mode === 'closed' ? 'zones closed' : 'zones pooled' });
  }
  const fee = get('fee');
  if (fee !== undefined && /^\d+(\.\d+)?$/.test(fee)) {
    const zones = zoneIds(s);
    if (zones.length === 0) no('fee', '本情景没有片区', 'this scenario has no zones');
    else {
      if (!Array.isArray(s.zones)) s = set(s, 'zones', zones.map((id) => ({ id })));
      // The zones that have a 做地 developer take the rate; if none has one, every zone gets one.
      const list = s.zones as Record<string, unknown>[];
      const withDev = list.map((z, i) => (z && typeof z === 'object' && 'developer' in z ? i : -1)).filter((i) => i >= 0);
      const targets = withDev.length ? withDev : list.map((_, i) => i);
      for (const i of targets) put('fee', `zones[${i}].developer.compensationRate`, `${fee}%`, { zh: `${zones[i]} 做地补偿 ${fee}%`, en: `${zones[i]} developer fee ${fee}%` });
    }
  }
  return { scenario: s, applied, ignored };
}

/** A variant file of the current view: the base file and the overrides as JSON-path `set`. */
export function variantFile(baseFile: string, baseId: string, applied: readonly Applied[]): Record<string, unknown> {
  const setMap: Record<string, unknown> = {};
  for (const a of applied) setMap[a.path] = a.value;
  return {
    id: `${baseId}-variant`,
    base: baseFile,
    description: { zh: `由笔记本生成的变体：${applied.map((a) => a.label.zh).join('；')}`, en: `Variant saved from the notebook: ${applied.map((a) => a.label.en).join('; ')}` },
    set: setMap,
  };
}

/**
 * What each control shows when the URL does not set it: the scenario's own value. A scenario is
 * never changed in place (a control makes a new one), so its defaults are worked out once: a moved
 * slider asks for them several times and they need the scenario's resolved parameters.
 */
export function controlDefaults(s: Scenario): Record<string, string> {
  let known = defaultsOf.get(s);
  if (!known) {
    known = defaultsFrom(s);
    defaultsOf.set(s, known);
  }
  return { ...known };
}

const defaultsOf = new WeakMap<Scenario, Record<string, string>>();

function defaultsFrom(s: Scenario): Record<string, string> {
  const out: Record<string, string> = { price: '100', delay: '0', cost: '100', shift: '0' };
  const adj = (s.adjustments ?? {}) as { salePriceFactor?: string; saleDelayMonths?: number; costFactor?: string; rateShiftBp?: number };
  if (typeof adj.rateShiftBp === 'number') out.shift = String(adj.rateShiftBp);
  const pct = (f: string | undefined) => (f && /^\s*\d+(\.\d+)?\s*$/.test(f) ? dec(f.trim()).times(100).toFixed(0) : null);
  out.price = pct(adj.salePriceFactor) ?? out.price;
  out.cost = pct(adj.costFactor) ?? out.cost;
  if (typeof adj.saleDelayMonths === 'number') out.delay = String(adj.saleDelayMonths);
  const wan = (m: unknown) => {
    const fen = typeof m === 'string' ? parseMoney(m) : null;
    return fen === null ? null : fenToWan(fen, 2).replace(/\.00$/, '');
  };
  const b0 = Array.isArray(s.bonds) ? (s.bonds[0] as Record<string, unknown> | undefined) : undefined;
  if (b0) {
    out.bond = wan(b0.principal) ?? '';
    if (typeof b0.issueDate === 'string') out.issue = b0.issueDate.slice(0, 7);
    if (typeof b0.couponRate === 'string') out.rate = b0.couponRate.replace('%', '').trim();
    if (b0.termYears !== undefined) out.term = String(b0.termYears);
  }
  const pool = getAt(s, ['funding', 'pool', 'opening']) ?? getAt(s, ['pool', 'opening']);
  const pw = wan(pool);
  if (pw !== null) out.pool = pw;
  if (s.zoneMode === 'closed' || s.zoneMode === 'pooled') out.mode = s.zoneMode;
  const zones = Array.isArray(s.zones) ? (s.zones as { developer?: { compensationRate?: string } }[]) : [];
  const rate = zones.find((z) => z?.developer?.compensationRate)?.developer?.compensationRate;
  if (rate) out.fee = rate.replace('%', '').trim();
  out.exc = defaultExcluded(s).join(',') || '0';
  return out;
}

/** One tier as the split page's controls show it: its weight (a slider) and whether it sits out a paid recovery. */
export interface TierControl {
  readonly id: string;
  readonly name: Text;
  /** The weight as the slider holds it (steps of 0.5 out of 10 for the defaults). */
  readonly weight: string;
  /** Its share of the total, in percent to one place, for the label. */
  readonly percent: string;
  /** Takes no share of a paid stock recovery (the exception case). */
  readonly excluded: boolean;
}

/**
 * The split page's controls for any number of tiers: a weight per tier (the URL's `ratio`, else
 * the ratios the run uses, scaled to 10 and put on the slider's half steps) and the tiers that
 * sit out a paid stock recovery (`exc`, else the scenario's exception case). `prefix` reads another
 * view's controls (`b.ratio` on the compare page).
 */
export function splitControls(s: Scenario, params: Params, prefix = ''): TierControl[] {
  const d = scenarioDefaults(s);
  const ids = d.tiers.map((t) => t.id);
  const ratio = params[prefix + 'ratio'];
  const exc = params[prefix + 'exc'];
  const fromUrl = ratio !== undefined ? ratioWeights(ratio, ids.length) : null;
  const weights = fromUrl ?? scaledToTen(ids.map((t) => String(d.ratios?.[t] ?? '0').replace('%', '')));
  const total = weights.reduce((a, w) => a.plus(dec(w)), dec('0'));
  const excluded = exc === '0' ? [] : exc !== undefined ? exc.split(',') : defaultExcluded(s);
  return d.tiers.map((t, i) => ({
    id: t.id,
    name: t.name,
    weight: weights[i],
    percent: total.isZero() ? '0' : dec(weights[i]).times(100).div(total).toFixed(1),
    excluded: excluded.includes(t.id),
  }));
}

/** Weights scaled to sum to 10, each on a half step: 60 : 40 → 6 : 4, 1 : 1 : 1 → 3.5 : 3.5 : 3.5. */
function scaledToTen(weights: string[]): string[] {
  const total = weights.reduce((a, w) => a.plus(dec(w)), dec('0'));
  if (total.isZero()) return weights.map(() => '0');
  return weights.map((w) => dec(w).times(20).div(total).toDecimalPlaces(0).div(2).toFixed());
}

/** The `ratio` value with one tier's weight moved: "7" for two tiers (the first), "5:3:2" otherwise. */
export function movedRatio(tiers: readonly TierControl[], id: string, weight: string): string {
  const next = tiers.map((t) => (t.id === id ? weight : t.weight));
  if (tiers.length === 2 && id === tiers[0].id) return ratioPair(weight)?.[0] ?? next.join(':');
  return next.join(':');
}

/** The `exc` value with one tier in or out of a paid recovery's split: null at the scenario's default, "0" for none. */
export function movedExclusion(s: Scenario, tiers: readonly TierControl[], id: string, excluded: boolean): string | null {
  const next = tiers.filter((t) => (t.id === id ? excluded : t.excluded)).map((t) => t.id);
  const key = next.join(',') || '0';
  return key === (defaultExcluded(s).join(',') || '0') ? null : key;
}
