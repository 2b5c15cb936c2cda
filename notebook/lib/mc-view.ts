/**
 * The Monte Carlo tab as URL state, a plan for the engine, and tables of its answer. The standard
 * uncertain inputs and their distributions are the CLI's defaults, in the CLI's order, so the same
 * seed gives the same numbers as `lrsim montecarlo`:
 *
 *   a.d.price = triangular(0.8, 1, 1.1)        sale price index
 *   a.d.cost  = triangular(0.95, 1, 1.2)       cost overrun
 *   a.d.delay = uniform(0, 6) integer          sale delay (months)
 *   a.d.rate  = normal(0, 50) clamp(-150, 150) integer   interest rate shift (bp)
 *   a.n = 1000 runs, a.seed = 1, a.corr = price,delay,-0.4 (optional), a.f = cumulativeNet (fan chart)
 *
 * A distribution is kept as the engine's text form and read back with its parser; "off" leaves
 * an input at its base value.
 */
import type { McEventSpec, McPlan, McResult } from '../../engine/analysis/index';
import { distributionError } from './distribution-text';
import type { Column, Table } from '../../engine/presentation/tables';
import { labelOf, type Choice } from './analysis-catalog';
import { numberText } from './analysis-figures';
import type { Lang, Text } from './format';
import type { Params } from './url-state';

export interface McInputDef { readonly key: string; readonly path: string; readonly dist: string; readonly integer: boolean }

export const MC_INPUTS: readonly McInputDef[] = [
  { key: 'price', path: 'adjustments.salePriceFactor', dist: 'triangular(0.8, 1, 1.1)', integer: false },
  { key: 'cost', path: 'adjustments.costFactor', dist: 'triangular(0.95, 1, 1.2)', integer: false },
  { key: 'delay', path: 'adjustments.saleDelayMonths', dist: 'uniform(0, 6) integer', integer: true },
  { key: 'rate', path: 'adjustments.rateShiftBp', dist: 'normal(0, 50) clamp(-150, 150) integer', integer: true },
];

export const MC_SERIES: readonly { key: string; zh: string; en: string }[] = [
  { key: 'cumulativeNet', zh: '累计净现金流', en: 'Cumulative net cash' },
  { key: 'poolBalance', zh: '资金池余额', en: 'Pool balance' },
  { key: 'reserveFundBalance', zh: '储备资金余额', en: 'Reserve fund balance' },
  { key: 'treasuryBalance', zh: '国库结存', en: 'Treasury balance' },
];

export const DEFAULT_RUNS = 1000;
export const MAX_RUNS = 100_000;

export interface McInputState extends McInputDef { readonly text: string; readonly on: boolean; readonly error: Text | null }

export interface McView {
  readonly inputs: readonly McInputState[];
  readonly runs: number;
  readonly seed: number;
  readonly corr: { readonly a: string; readonly b: string; readonly rho: number } | null;
  readonly series: string;
}

const int = (text: string | undefined, fallback: number, min: number, max: number) => {
  const n = Number(text);
  return text !== undefined && Number.isSafeInteger(n) && n >= min && n <= max ? n : fallback;
};

export function mcViewOf(params: Params): McView {
  const inputs = MC_INPUTS.map((def) => {
    const raw = params[`a.d.${def.key}`];
    const on = raw !== 'off';
    const text = raw && raw !== 'off' ? raw : def.dist;
    return { ...def, text, on, error: on ? distributionError(text) : null };
  });
  const c = /^(\w+),(\w+),(-?\d*\.?\d+)$/.exec(params['a.corr'] ?? '');
  const keys = MC_INPUTS.map((i) => i.key);
  const corr = c && keys.includes(c[1]) && keys.includes(c[2]) && c[1] !== c[2] && Math.abs(Number(c[3])) <= 1 ? { a: c[1], b: c[2], rho: Number(c[3]) } : null;
  const series = MC_SERIES.some((s) => s.key === params['a.f']) ? params['a.f'] : 'cumulativeNet';
  return { inputs, runs: int(params['a.n'], DEFAULT_RUNS, 1, MAX_RUNS), seed: int(params['a.seed'], 1, 0, Number.MAX_SAFE_INTEGER), corr, series };
}

/** The engine's plan, or null while a distribution is malformed. */
export function mcPlan(v: McView, scenario: unknown, outputs: readonly string[], events: readonly McEventSpec[]): McPlan | null {
  const on = v.inputs.filter((i) => i.on);
  if (on.some((i) => i.error)) return null;
  const path = (key: string) => MC_INPUTS.find((i) => i.key === key)!.path;
  const corr = v.corr && on.some((i) => i.key === v.corr!.a) && on.some((i) => i.key === v.corr!.b) ? [{ a: path(v.corr.a), b: path(v.corr.b), rho: v.corr.rho }] : [];
  return {
    scenario,
    runs: v.runs,
    seed: v.seed,
    inputs: on.map((i) => ({ path: i.path, distribution: i.text })),
    ...(corr.length ? { correlations: corr } : {}),
    outputs: [...outputs],
    series: [`periods[*].${v.series}`],
    events: [...events],
  };
}

/** Worker threads for a run: every core from 200 runs (below that one worker starts sooner). */
export function mcThreads(runs: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return runs >= 200 ? Math.min(8, Math.max(2, cores)) : 1;
}

/** The same run from the command line (for a bundled scenario with no control moved). */
export function mcCommand(ref: string, v: McView): string {
  const q = (s: string) => `'${s}'`;
  const dists = v.inputs.filter((i) => i.on).map((i) => `--dist ${q(`${i.path}=${i.text}`)}`);
  const corr = v.corr ? [`--corr ${q(`${MC_INPUTS.find((i) => i.key === v.corr!.a)!.path},${MC_INPUTS.find((i) => i.key === v.corr!.b)!.path}=${v.corr.rho}`)}`] : [];
  return ['node bin/lrsim.mjs montecarlo', `scenarios/${ref}.json`, `--runs ${v.runs}`, `--seed ${v.seed}`, ...dists, ...corr, `--series ${q(`periods[*].${v.series}`)}`].join(' ');
}

const col = (key: string, zh: string, en: string, kind: Column<unknown>['kind'], get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind, get });

/** Rows mean, P5 … P95, min, max; a column per output (money exact in 元, ratios as numbers). */
export function percentileTable(r: McResult, outputs: readonly Choice[], lang: Lang): Table {
  const stats = [
    { stat: 'mean', zh: '均值', en: 'Mean', pick: (o: McResult['outputs'][number]) => o.mean },
    ...(r.outputs[0]?.percentiles ?? []).map((p, i) => ({ stat: `P${p.p}`, zh: `P${p.p}`, en: `P${p.p}`, pick: (o: McResult['outputs'][number]) => o.percentiles[i]?.text ?? '' })),
    { stat: 'min', zh: '最小值', en: 'Min', pick: (o: McResult['outputs'][number]) => o.min },
    { stat: 'max', zh: '最大值', en: 'Max', pick: (o: McResult['outputs'][number]) => o.max },
  ];
  return {
    name: 'monte-carlo-percentiles', zh: `蒙特卡洛分位数（${r.runs} 次，种子 ${r.seed}）`, en: `Monte Carlo percentiles (${r.runs} runs, seed ${r.seed})`, rows: stats,
    columns: [
      col('stat', '统计量', 'Statistic', 'text', (s) => (lang === 'en' ? s.en : s.zh)),
      ...r.outputs.map((o, k) => col(`out${k}`, labelOf(outputs, o.path, 'zh'), labelOf(outputs, o.path, 'en'), o.kind, (s) => (o.kind === 'money' ? s.pick(o) : numberText(s.pick(o))))),
    ],
  };
}

const EVENT_NAMES: Record<string, (t: string) => Text> = {
  'min(bonds[*].coverageRatio)': (t) => ({ zh: `本息覆盖倍数低于下限 ${t}`, en: `P(coverage < ${t})` }),
  'totals.fiscalTopUp': () => ({ zh: '资金池缺口：需要财政补足', en: 'P(pool shortfall: fiscal top-up)' }),
  'totals.bridges': () => ({ zh: '资金池缺口：需要过桥资金', en: 'P(pool shortfall: bridge)' }),
  'pool.shortfall': () => ({ zh: '资金池缺口：出现负余额', en: 'P(pool shortfall: below zero)' }),
  'count(pool.delays[*].amount)': () => ({ zh: '资金池缺口：有款项延付', en: 'P(pool shortfall: payments wait)' }),
  'min(zones[*].balance)': () => ({ zh: '有片区收不抵支', en: 'P(zone deficit)' }),
  'totals.unrecoveredCost': () => ({ zh: '成本未能全部回收', en: 'P(cost not recovered)' }),
};

export function eventLabel(e: { output: string; op: string; threshold: string; label: string }, lang: Lang): string {
  const n = EVENT_NAMES[e.output]?.(e.threshold);
  return n ? (lang === 'en' ? n.en : n.zh) : e.label;
}

/** Each event's probability as a percentage with one decimal, and its count of runs. */
export function eventsTable(r: McResult, lang: Lang): Table {
  return {
    name: 'monte-carlo-events', zh: '事件概率', en: 'Event probabilities', rows: r.events,
    columns: [
      col('event', '事件', 'Event', 'text', (e) => eventLabel(e, lang)),
      col('condition', '条件', 'Condition', 'text', (e) => `${e.output} ${e.op} ${e.threshold}`),
      col('probability', '概率', 'Probability', 'number', (e) => (Number.isFinite(e.probability) ? `${(e.probability * 100).toFixed(1)}%` : '—')),
      col('count', '次数', 'Runs', 'number', (e) => `${e.count} / ${e.n}`),
    ],
  };
}

/** The inputs drawn, as percentiles: a check that the draws follow the distributions asked for. */
export function drawsTable(r: McResult, inputs: readonly Choice[], lang: Lang): Table {
  const pcts = r.inputs[0]?.percentiles.map((p) => p.p) ?? [];
  return {
    name: 'monte-carlo-draws', zh: '输入抽样分位数', en: 'Inputs drawn (percentiles)', rows: r.inputs,
    columns: [col('input', '输入', 'Input', 'text', (i) => labelOf(inputs, i.path, lang)), ...pcts.map((p, k) => col(`P${p}`, `P${p}`, `P${p}`, 'number', (i) => numberText(i.percentiles[k]?.text)))],
  };
}

