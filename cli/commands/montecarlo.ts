/**
 * `lrsim montecarlo <scenario.json> [--runs N] [--seed S] [--threads T] [--dist PATH=DIST]…
 *   [--corr PATH_A,PATH_B=RHO]… [--output PATH]… [--series PATH]… [--event PATH<X]… [--json | --csv]`
 *
 *   DIST   triangular(0.8,1,1.1) | normal(3,3) clamp(0,12) integer | lognormal(1,0.1) | uniform(0.9,1.2)
 *          prefix x to scale the field's value: parcels[0].sale.price=xnormal(1,0.05)
 *   EVENT  totals.unrecoveredCost>0, min(periods[*].reserveFundBalance)<0 (threshold in 元 for money)
 *
 * Without --dist: sale price index triangular(0.8,1,1.1), cost overrun triangular(0.95,1,1.2),
 * sale delay uniform(0,6) whole months, coupon shift normal(0,50) bp. Without --output/--event: the
 * scenario's key figures and P(coverage < floor), P(pool shortfall), P(zone deficit), P(cost not
 * recovered) — those that apply to it. Percentiles P5/P10/P50/P90/P95; the same seed gives the
 * same numbers on any number of threads (default: every core from 500 runs, else one): this thread
 * and T − 1 worker processes (engine/analysis/pool.ts, thisThreadRuns). A progress bar runs on
 * stderr; Ctrl-C cancels cleanly.
 */
import { availableParallelism } from 'node:os';
import { problem, type Problem } from '../../engine/problem';
import { SCENARIO_SCHEMA } from '../../engine/index';
import { defaultEvents, defaultOutputs, monteCarlo, type McEventSpec, type McInputSpec, type McResult } from '../../engine/analysis/index';
import { progressBar, renderTable, toCsv } from '../../engine/presentation/index';
import { fenToWan } from '../../engine/money';
import { nodeSpawner } from '../analysis-worker';
import { failWith, loadForAnalysis, refuseUnknownOutputs, splitAssignment } from './sweep';
import { processIO, type CliIO, type Command } from '../io';
import { commandArguments } from '../arguments';
import { MONTECARLO_USAGE } from '../usage';

export function defaultMcInputs(): McInputSpec[] {
  const known = Object.keys((SCENARIO_SCHEMA as { properties: { adjustments?: { properties?: object } } }).properties.adjustments?.properties ?? {});
  const all: McInputSpec[] = [
    { path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
    { path: 'adjustments.costFactor', distribution: 'triangular(0.95, 1, 1.2)' },
    { path: 'adjustments.saleDelayMonths', distribution: 'uniform(0, 6) integer' },
    { path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) clamp(-150, 150) integer' },
  ];
  return all.filter((i) => known.includes(i.path.split('.')[1]));
}

function parseDist(text: string): McInputSpec | Problem {
  const a = splitAssignment(text, 'dist');
  if ('code' in a) return a;
  const scale = a.value.startsWith('x');
  return { path: a.path, distribution: scale ? a.value.slice(1) : a.value, scale };
}

function parseCorr(text: string): { a: string; b: string; rho: number } | Problem {
  const s = splitAssignment(text, 'corr');
  if ('code' in s) return s;
  const paths = s.path.split(',').map((p) => p.trim());
  const rho = Number(s.value);
  if (paths.length !== 2 || !Number.isFinite(rho)) return problem('schema.format', '--corr', text, { en: 'PATH_A,PATH_B=RHO, e.g. adjustments.salePriceFactor,adjustments.saleDelayMonths=-0.4', zh: '路径A,路径B=相关系数，如 adjustments.salePriceFactor,adjustments.saleDelayMonths=-0.4' });
  return { a: paths[0], b: paths[1], rho };
}

function parseEvent(text: string): McEventSpec | Problem {
  const m = /^(.*?)(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return problem('schema.format', '--event', text, { en: 'PATH<X, PATH<=X, PATH>X or PATH>=X, e.g. totals.unrecoveredCost>0', zh: '路径<X、路径<=X、路径>X 或 路径>=X，如 totals.unrecoveredCost>0' });
  return { output: m[1].trim(), op: m[2] as McEventSpec['op'], threshold: m[3] };
}

function int(text: string | undefined, fallback: number, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number | Problem {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  return max === Number.MAX_SAFE_INTEGER
    ? problem('schema.range', `--${option}`, text, { en: `a whole number ≥ ${min}`, zh: `不小于 ${min} 的整数` })
    : problem('schema.range', `--${option}`, text, { en: `a whole number from ${min} to ${max} (this machine's cores)`, zh: `${min} 至 ${max} 的整数（本机核数）` });
}

/** A live bar on a terminal; elsewhere one line per tenth. */
function progressReporter(io: CliIO, quiet: boolean): { update: (done: number, total: number) => void; end: () => void } {
  if (quiet) return { update: () => {}, end: () => {} };
  const live = io === processIO && !!process.stderr.isTTY;
  let last = -1;
  return {
    update: (done, total) => {
      const step = live ? Math.floor((done / total) * 200) : Math.floor((done / total) * 10);
      if (step === last) return;
      last = step;
      if (live) process.stderr.write(`\r${progressBar(done, total)} runs`);
      else io.err(`${progressBar(done, total)} runs`);
    },
    end: () => { if (live) process.stderr.write('\n'); },
  };
}

function money(kind: 'money' | 'number', text: string, value?: number): string {
  return kind === 'money' && value !== undefined && Number.isSafeInteger(value) ? fenToWan(value) : text;
}

export function renderMc(r: McResult): string {
  const pcts = r.outputs[0]?.percentiles.map((p) => `P${p.p}`) ?? [];
  const out: string[] = [`${r.runs} runs, seed ${r.seed}${r.failed ? `; ${r.failed} refused by the engine / ${r.failed} 次无法运行` : ''}  (money in 万元 / 金额单位万元)\n`];
  out.push(renderTable(['output 输出', 'mean 均值', ...pcts], r.outputs.map((o) => [o.path, money(o.kind, o.mean, o.meanValue), ...o.percentiles.map((p) => money(o.kind, p.text, p.value))])));
  if (r.events.length) out.push('\n' + renderTable(['event 事件', 'probability 概率', 'count'], r.events.map((e) => [e.label, `${(e.probability * 100).toFixed(1)}%`, `${e.count}/${e.n}`])));
  if (r.inputs.length) out.push('\n' + renderTable(['input drawn 输入抽样', ...pcts], r.inputs.map((i) => [i.label, ...i.percentiles.map((p) => String(Number(p.value.toPrecision(6))))])));
  for (const s of r.series) {
    const yearEnds = s.periods.map((p, i) => ({ p, i })).filter(({ p, i }) => p.endsWith('-12') || i === s.periods.length - 1);
    out.push(`\n${s.path} — fan chart at year ends (万元) / 年末分位数`);
    out.push(renderTable(['period', ...s.bands.map((b) => `P${b.p}`)], yearEnds.map(({ p, i }) => [p, ...s.bands.map((b) => (b.texts[i] === null ? '×' : money('money', b.texts[i]!, b.values[i])))])));
  }
  if (r.failures.length) out.push(`\nfirst refusals / 首批无法运行:\n${r.failures.map((f) => `  run ${f.run} [${f.inputs.join(', ')}]: ${f.message}`).join('\n')}`);
  return out.join('\n');
}

export const montecarloCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, {
    runs: { type: 'string' }, seed: { type: 'string' }, threads: { type: 'string' },
    dist: { type: 'string', multiple: true }, corr: { type: 'string', multiple: true },
    output: { type: 'string', multiple: true }, series: { type: 'string', multiple: true }, event: { type: 'string', multiple: true },
    json: { type: 'boolean' }, csv: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' },
  }, { usage: MONTECARLO_USAGE });
  if (typeof opts === 'number') return opts;
  const { values: v, positionals } = opts;
  const runs = int(v.runs, 1000, 'runs', 1);
  const seed = int(v.seed, 1, 'seed', 0);
  // Workers (child processes) pay off from a few hundred runs; below that one starts faster.
  // At most one thread a core: each worker holds a copy of the scenario and its runs (100 threads took 3.3 GB).
  const threads = int(v.threads, (typeof runs === 'number' && runs >= 500) ? Math.min(8, availableParallelism()) : 1, 'threads', 1, availableParallelism());
  const inputs = v.dist?.length ? v.dist.map(parseDist) : defaultMcInputs();
  const correlations = (v.corr ?? []).map(parseCorr);
  const events = (v.event ?? []).map(parseEvent);
  const bad = [runs, seed, threads, ...inputs, ...correlations, ...events].filter((x): x is Problem => typeof x === 'object' && 'code' in x);
  if (bad.length) return failWith(io, bad, 'montecarlo');
  const scenario = await loadForAnalysis(positionals[0], io);
  if (scenario === null) return 1;
  const typed = [...(v.output ?? []), ...(v.series ?? []), ...(events as McEventSpec[]).map((e) => e.output)];
  const unknown = refuseUnknownOutputs(scenario, typed, io, 'montecarlo');
  if (unknown !== null) return unknown;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (io === processIO) process.once('SIGINT', onSigint);
  const bar = progressReporter(io, !!v.quiet);
  try {
    const outcome = await monteCarlo(
      {
        scenario,
        runs: runs as number,
        seed: seed as number,
        inputs: inputs as McInputSpec[],
        correlations: correlations as { a: string; b: string; rho: number }[],
        outputs: v.output?.length ? v.output : defaultOutputs(scenario),
        series: v.series ?? [],
        events: events.length ? (events as McEventSpec[]) : defaultEvents(scenario),
      },
      { threads: threads as number, spawn: nodeSpawner(), thisThreadRuns: true, onProgress: bar.update, signal: controller.signal },
    );
    bar.end();
    if (!outcome.ok) {
      if (outcome.cancelled) { io.err('cancelled / 已取消'); return 130; }
      return failWith(io, outcome.problems, 'montecarlo');
    }
    const r = outcome.result;
    if (v.json) io.out(JSON.stringify(r, null, 2));
    else if (v.csv) io.out(toCsv(['output', 'kind', 'n', 'mean', ...(r.outputs[0]?.percentiles.map((p) => `P${p.p}`) ?? [])], r.outputs.map((o) => [o.path, o.kind, String(o.n), o.mean, ...o.percentiles.map((p) => p.text)])));
    else io.out(renderMc(r));
    return 0;
  } finally {
    if (io === processIO) process.removeListener('SIGINT', onSigint);
  }
};
