/**
 * What an analysis can move and what it can read, for the scenario on show: the inputs a person
 * picks from (the four stress adjustments, each tier's share, each bond's size and coupon, each
 * parcel's prices, the pool's opening balance) and the outputs (coverage, peak funding need, the
 * shortfall, each tier's share, each zone's balance …), each with a label and its JSON path — the
 * same paths the CLI takes, so any other field can be typed in as a path too.
 *
 *   outputChoices(hainanBondsResult, scenario)[0] → { path: 'min(bonds[*].coverageRatio)', zh: '最低本息覆盖倍数', kind: 'number' }
 *   defaultRange(scenario, 'bonds[0].principal')  → { from: '64000万元', to: '96000万元', steps: 5 }   (±20 %)
 */
import { dec, Decimal } from '../../engine/money';
import { KNOWN_INPUTS, SHORTFALL_MEASURE, defaultEvents, defaultOutputs, formatInput, parseOutput, resolveInput, type McEventSpec } from '../../engine/analysis/index';
import { tx, type Lang, type Text } from './format';
import type { Result } from '../../engine/report';

export interface Choice extends Text {
  readonly path: string;
}

export interface OutputChoice extends Choice {
  readonly kind: 'money' | 'number';
}

type Scenario = Record<string, unknown>;
type Raw = Record<string, unknown>;

const name = (n: unknown, fallback: string): Text => (n && typeof n === 'object' ? { zh: tx(n as Text, 'zh') || fallback, en: tx(n as Text, 'en') || fallback } : typeof n === 'string' ? { zh: n, en: n } : { zh: fallback, en: fallback });

const SHORTFALL_NAMES: Record<string, Text> = {
  'totals.fiscalTopUp': { zh: '财政补足', en: 'Fiscal top-up' },
  'totals.bridges': { zh: '过桥资金', en: 'Bridge advances' },
  'pool.shortfall': { zh: '资金池透支', en: 'Pool overdraft' },
  'count(pool.delays[*].amount)': { zh: '延付笔数', en: 'Payments left waiting' },
};

/** The outputs of this scenario a person is likely to ask about, most asked first. */
export function outputChoices(r: Result | null, s: Scenario | null): OutputChoice[] {
  const out: { path: string; zh: string; en: string }[] = [];
  const add = (path: string, zh: string, en: string) => { if (!out.some((o) => o.path === path)) out.push({ path, zh, en }); };
  const bonds = r?.bonds.filter((b) => !b.rolloverOf) ?? [];
  if (bonds.length) add('min(bonds[*].coverageRatio)', '最低本息覆盖倍数', 'Lowest debt service coverage');
  if (bonds.length > 1) for (const b of bonds) { const n = name(b.name, b.id); add(`bonds[${JSON.stringify(b.id)}].coverageRatio`, `${n.zh} 覆盖倍数`, `${n.en} coverage`); }
  add('totals.peakFundingNeed', '峰值资金需求', 'Peak funding need');
  const policy = ((s?.funding as Raw | undefined)?.shortfall as string | undefined) ?? 'fiscalTopUp';
  const shortfall = SHORTFALL_MEASURE[policy] ?? 'totals.fiscalTopUp';
  add(shortfall, SHORTFALL_NAMES[shortfall]?.zh ?? shortfall, SHORTFALL_NAMES[shortfall]?.en ?? shortfall);
  const zones = r?.zones.filter((z) => typeof z.balance === 'string') ?? [];
  if (zones.length) {
    add('min(zones[*].balance)', '最差片区收支差额', 'Worst zone balance');
    for (const z of zones) { const n = name(z.name, z.id); add(`zones[${JSON.stringify(z.id)}].balance`, `片区${n.zh}收支差额`, `Zone ${n.en} balance`); }
  }
  add('totals.valueAdded', '增值收益', 'Value added');
  for (const t of r?.tiers ?? []) add(`totals.shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`);
  add('totals.unrecoveredCost', '未回收成本', 'Cost not recovered');
  add('totals.fiscalTopUp', '财政补足', 'Fiscal top-up');
  add('totals.saleRevenue', '出让收入', 'Sale revenue');
  if (bonds.length) add('totals.financingCost', '融资成本', 'Financing cost');
  add('pool.minBalance', '资金池最低余额', 'Pool low point');
  add('min(periods[*].cumulativeNet)', '累计净现金流最低点', 'Lowest cumulative net cash');
  return out.map((o) => ({ ...o, kind: kindOf(o.path) }));
}

/** Money (元, exact to the fen) or a plain number, as the engine reads the path. */
export function kindOf(path: string): 'money' | 'number' {
  const p = parseOutput(path);
  return p.ok ? p.output.kind : 'number';
}

// defaultOutputs and defaultEvents prepare the scenario; a page asks often, so once per scenario object.
const outputsOf = new WeakMap<object, string[]>();
const eventsOf = new WeakMap<object, McEventSpec[]>();

/** The outputs the CLI reads when none is named (coverage, peak need, shortfall, worst zone, value added) plus each tier's share. */
export function standardOutputs(r: Result | null, s: Scenario): string[] {
  let d = outputsOf.get(s);
  if (!d) outputsOf.set(s, (d = defaultOutputs(s)));
  return [...new Set([...d, ...(r?.tiers ?? []).map((t) => `totals.shares.${t.id}`)])];
}

/** The CLI's Monte Carlo events for this scenario: coverage below its floor, a shortfall, a zone deficit, cost not recovered. */
export function standardEvents(s: Scenario): McEventSpec[] {
  let e = eventsOf.get(s);
  if (!e) eventsOf.set(s, (e = defaultEvents(s)));
  return e;
}

const resolves = (s: Scenario, path: string) => resolveInput(s, path).ok;

/** The inputs a sweep can move on this scenario, each one a field the engine can set. */
export function inputChoices(s: Scenario | null, r: Result | null): Choice[] {
  const out: Choice[] = Object.entries(KNOWN_INPUTS).map(([path, k]) => ({ path, zh: k.zh, en: k.en }));
  if (!s) return out;
  const tiers = r?.tiers ?? [];
  if (tiers.length >= 2) for (const t of tiers) if (resolves(s, `split.sharePercent.${t.id}`)) out.push({ path: `split.sharePercent.${t.id}`, zh: `${t.name.zh}分成比例（%）`, en: `${t.name.en} share (%)` });
  const bonds = Array.isArray(s.bonds) ? (s.bonds as Raw[]) : [];
  bonds.forEach((b, i) => {
    const n = name(b.name, String(b.id ?? i));
    if (resolves(s, `bonds[${i}].principal`)) out.push({ path: `bonds[${i}].principal`, zh: `${n.zh} 发行额`, en: `${n.en} principal` });
    if (resolves(s, `bonds[${i}].couponRate`)) out.push({ path: `bonds[${i}].couponRate`, zh: `${n.zh} 票面利率`, en: `${n.en} coupon` });
  });
  const parcels = Array.isArray(s.parcels) ? (s.parcels as Raw[]) : [];
  parcels.slice(0, 16).forEach((p, i) => {
    const id = String(p.id ?? i);
    for (const [part, zh, en] of [['sale', '出让', 'sale'], ['acquisition', '收储', 'acquisition']] as const) {
      const o = p[part] as Raw | undefined;
      const field = o?.price !== undefined ? 'price' : o?.unitPrice !== undefined ? 'unitPrice' : null;
      if (field && resolves(s, `parcels[${i}].${part}.${field}`)) out.push({ path: `parcels[${i}].${part}.${field}`, zh: `宗地 ${id} ${zh}${field === 'price' ? '价格' : '单价'}`, en: `${id} ${en} ${field === 'price' ? 'price' : 'unit price'}` });
    }
  });
  if (resolves(s, 'funding.pool.opening')) out.push({ path: 'funding.pool.opening', zh: '资金池期初余额', en: 'Pool opening balance' });
  const pre = ((s.funding as Raw | undefined)?.preAllocations as Raw[] | undefined) ?? [];
  pre.forEach((p, i) => { if (resolves(s, `funding.preAllocations[${i}].amount`)) out.push({ path: `funding.preAllocations[${i}].amount`, zh: `财政预拨 ${String(p.id ?? i)}`, en: `Pre-allocation ${String(p.id ?? i)}` }); });
  return out;
}

/** The label of a path among choices, or the path itself (a typed-in JSON path). */
export function labelOf(choices: readonly Choice[], path: string, lang: Lang): string {
  const c = choices.find((x) => x.path === path);
  return c ? (lang === 'en' ? c.en : c.zh) : path;
}

export interface Range { readonly from: string; readonly to: string; readonly steps: number }

const KNOWN_RANGES: Record<string, Range> = {
  'adjustments.salePriceFactor': { from: '0.8', to: '1.2', steps: 5 },
  'adjustments.costFactor': { from: '0.9', to: '1.2', steps: 4 },
  'adjustments.saleDelayMonths': { from: '0', to: '12', steps: 5 },
  'adjustments.rateShiftBp': { from: '-100', to: '100', steps: 5 },
};

/** A first range for an input: the stress ranges for the adjustments, ±20 % of the field's value otherwise. */
export function defaultRange(s: Scenario, path: string): Range | null {
  if (KNOWN_RANGES[path]) return KNOWN_RANGES[path];
  const r = resolveInput(s, path);
  if (!r.ok) return null;
  const input = r.input;
  if (path.startsWith('split.sharePercent.')) return { from: '40', to: '80', steps: 5 };
  const at = (f: string) => String(formatInput(input, input.base.times(dec(f)).toDecimalPlaces(6, Decimal.ROUND_HALF_UP)));
  if (input.base.isZero()) return { from: String(formatInput(input, dec('0'))), to: String(formatInput(input, dec('1'))), steps: 5 };
  return { from: at('0.8'), to: at('1.2'), steps: 5 };
}

/** "0.8:1.2:5" ⇄ a range (values keep the field's form: "64000万元:96000万元:5"). */
export function parseRange(text: string | undefined): Range | null {
  if (!text) return null;
  const parts = text.split(':');
  if (parts.length !== 3) return null;
  const steps = Number(parts[2]);
  if (!Number.isInteger(steps) || steps < 1) return null;
  return { from: parts[0].trim(), to: parts[1].trim(), steps };
}

export function rangeText(r: Range): string {
  return `${r.from}:${r.to}:${r.steps}`;
}
