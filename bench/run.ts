/**
 * `npm run bench`: how fast the engine answers, measured side by side with the spreadsheet way.
 *
 *   1. simulate on generated portfolios (500 × 120, 1 000 × 240, 10 000 × 240): medians of
 *      prepare (validation and conversion to fen, decimal.js), run (the integer hot path),
 *      metrics (figures read from the ledger), report (the full Result as strings), and simulate()
 *      itself on the scenario (a new model each call, so more than its parts timed on one); the peak
 *      RSS of one simulate() of 10 000 × 240 in a process of its own (bench/simulate-rss.ts).
 *   2. the same model as a HyperFormula workbook (bench/spreadsheet.ts) at 100 × 60 and
 *      1 000 × 240: build time; for four edits (split ratio, sale price factor, bond rate, sale
 *      delay) the workbook's recalculation against the incremental model's edit + metrics
 *      (engine/incremental) and against set + prepare + run + metrics; and whether the workbook's
 *      floating-point totals agree with the engine to the fen.
 *   3. Monte Carlo: 10 000 runs of a 200-parcel portfolio, in process through the engine's API (1
 *      thread), then as a user waits for them, `lrsim montecarlo` on 1 and 2 threads from the shell
 *      (bench/mc-cli.ts: the built CLI, its worker processes the built code), with what one draw
 *      costs: an edit of the four adjustments on the incremental model, and its parts.
 *   4. the CLI's start: wall time of `lrsim run scenarios/xingning-buyback.json` and `lrsim --help`
 *      as separate processes (bench/cli-start.ts), beside a bare `node -e 0`.
 *
 * The last line is one line of key ratios. Medians only; nothing here is a pass/fail test.
 * Environment: BENCH_MC_RUNS (default 10000), BENCH_SKIP=sheet,mc,cli,rss to leave parts out.
 */
import { availableParallelism, cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { prepare, run, report, setAt, parsePath, simulate } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { monteCarlo, parseOutputs, evaluator } from '../engine/analysis/index';
import { adjust, prepareBase } from '../engine/scenario/adjust';
import { nodeSpawner } from '../cli/analysis-worker';
import { portfolio } from './portfolio';
import { metrics, prepared } from './analysis-reads';
import { mcPlan } from './mc-plan';
import { buildSpreadsheet, comparedOutputs, fenDifference, type SheetInput, type SpreadsheetTotals } from './spreadsheet';
import { fmtMs, medianMs, onceMs } from './timing';
import { cliStartMs, ensureBuiltCli, nodeStartMs } from './cli-start';
import { mcCliSeconds } from './mc-cli';

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()));
const MC_RUNS = Number(process.env.BENCH_MC_RUNS ?? 10000);
const say = (s = '') => process.stdout.write(s + '\n');

interface EngineFigures { prepare: number; run: number; metrics: number; report: number; simulate: number; simulateRead: number; postings: number }

function benchEngine(parcels: number, months: number, iterations: number): EngineFigures {
  const scenario = portfolio({ parcels, months, seed: 1 });
  const model = prepared(scenario);
  const out = run(model);
  const f: EngineFigures = {
    prepare: medianMs('prepare', () => prepare(scenario), Math.max(3, Math.round(iterations / 5)), 1),
    // The hot path is warmed until the JIT has optimised it (a notebook session runs it thousands of times).
    run: medianMs('run', () => run(model), iterations, Math.max(3, Math.round(iterations / 2))),
    metrics: medianMs('metrics', () => metrics(out), iterations, Math.max(3, Math.round(iterations / 2))),
    report: medianMs('report', () => report(out), Math.max(3, Math.round(iterations / 5)), 1),
    // simulate() itself, as a caller meets it: a new model each time, so its event layout, its
    // checks' texts and its ledger's size are made again, which the parts above (timed on one
    // model and one run) make only once.
    simulate: medianMs('simulate', () => simulate(scenario), Math.max(3, Math.round(iterations / 5)), Math.max(1, Math.round(iterations / 10))),
    // simulate() makes its largest views when first read (report-lazy.ts): the same call with
    // every field of its Result read, which is what a caller that uses the whole Result pays.
    simulateRead: medianMs('simulate, every view read', () => readAll(simulate(scenario)), Math.max(3, Math.round(iterations / 5)), Math.max(1, Math.round(iterations / 10))),
    postings: out.ledger.length,
  };
  say(`  ${String(parcels).padStart(6)} × ${String(months).padEnd(4)} ${String(f.postings).padStart(8)} postings   prepare ${fmtMs(f.prepare).padStart(6)} ms   run ${fmtMs(f.run).padStart(6)} ms   metrics ${fmtMs(f.metrics).padStart(5)} ms   report ${fmtMs(f.report).padStart(6)} ms   │ engine (run+metrics) ${fmtMs(f.run + f.metrics)} ms   simulate() ${fmtMs(f.simulate)} ms, with every view read ${fmtMs(f.simulateRead)} ms (its parts' medians add to ${fmtMs(simulateMs(f))} ms)`);
  return f;
}


/** Reads every field of a Result, so that the views it makes when first read are made. */
function readAll(result: object): number {
  let n = 0;
  const r = result as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] !== undefined) n++;
  return n;
}

/** prepare + run + report from the medians of the parts: less than simulate(), whose model is new each time. */
function simulateMs(f: EngineFigures): number {
  return f.prepare + f.run + f.report;
}

/** One edit timed both ways: the spreadsheet's recalculation, the incremental model's edit + metrics, and set + prepare + run + metrics. */
interface EditFigures { sheet: number; engine: number; full: number }

interface SheetFigures { build: number; edits: Record<EditName, EditFigures>; diffs: Record<string, number>; fenDiffs: Record<string, number> | null }

type EditName = 'split ratio' | 'sale price factor' | 'bond rate' | 'sale delay';

/** Each edit as the spreadsheet's input cell and the scenario field, with two values to alternate. */
const EDITS: Record<EditName, { input: SheetInput; sheetValues: [number, number]; path: string; values: [unknown, unknown] }> = {
  'split ratio': { input: 'provinceWeight', sheetValues: [7, 6], path: 'split.ratios', values: [{ province: '7', city: '3' }, { province: '6', city: '4' }] },
  'sale price factor': { input: 'salePriceFactor', sheetValues: [0.9, 1], path: 'adjustments.salePriceFactor', values: ['0.9', '1'] },
  'bond rate': { input: 'bondRate', sheetValues: [0.035, 0.032], path: 'bonds[0].couponRate', values: ['3.5%', '3.2%'] },
  'sale delay': { input: 'saleDelayMonths', sheetValues: [3, 0], path: 'adjustments.saleDelayMonths', values: [3, 0] },
};
const EDIT_NAMES = Object.keys(EDITS) as EditName[];

function benchSheet(parcels: number, months: number, recalcs: number, checkFen: boolean): SheetFigures {
  // Sales end six months early so that a delay keeps them on the timeline.
  const scenario = portfolio({ parcels, months, seed: 2, bond: true, headroomMonths: 6 });
  // The engine first (before the workbook fills the heap): its exact figures and its recalculation.
  const paths = comparedOutputs(months);
  const outs = parseOutputs(Object.values(paths));
  if (!outs.ok) throw new Error('bad output paths');
  const evaluate = evaluator(outs.outputs);
  const e = evaluate(scenario);
  if (!e.ok) throw new Error('engine refused the portfolio');
  const created = IncrementalModel.create(scenario);
  if (!created.ok) throw new Error('engine refused the portfolio');
  const model = created.model;
  const engine = {} as Record<EditName, { engine: number; full: number }>;
  for (const name of EDIT_NAMES) {
    const { path, values } = EDITS[name];
    const segments = parsePath(path)!;
    let k = 0;
    const full = medianMs(`engine ${name} full`, () => evaluate(setAt(scenario, segments, values[k++ % 2])), recalcs, 2);
    const inc = medianMs(`engine ${name}`, () => {
      const r = model.edit({ path, value: values[k++ % 2] });
      if (!r.ok) throw new Error(`${name}: ${r.problems[0]?.message.en}`);
      return metrics(model.output);
    }, recalcs * 10, recalcs * 5);
    model.edit({ path, value: values[1] });
    engine[name] = { engine: inc, full };
  }

  const { ms: build, value: sheet } = onceMs(() => buildSpreadsheet(scenario));
  const keys = Object.keys(paths) as (keyof SpreadsheetTotals)[];
  const totals = sheet.totals();
  const diffs = Object.fromEntries(keys.map((key, i) => [key, fenDifference(totals[key], e.texts[i]!)]));
  const edits = {} as Record<EditName, EditFigures>;
  for (const name of EDIT_NAMES) {
    const { input, sheetValues } = EDITS[name];
    let k = 0;
    const recalc = medianMs(`sheet ${name}`, () => sheet.set(input, sheetValues[k++ % 2]), recalcs, 2);
    sheet.set(input, sheetValues[1]);
    edits[name] = { sheet: recalc, ...engine[name] };
  }
  const formulas = sheet.formulas;
  sheet.destroy();
  let fenDiffs: Record<string, number> | null = null;
  if (checkFen) {
    const exact = buildSpreadsheet(scenario, { unit: 'fen' });
    const t = exact.totals();
    fenDiffs = Object.fromEntries(keys.map((key, i) => [key, fenDifference(t[key], e.texts[i]!)]));
    exact.destroy();
  }
  const pad = ' '.repeat(14);
  say(`  ${String(parcels).padStart(6)} × ${String(months).padEnd(4)} ${String(formulas).padStart(7)} formulas   build ${fmtMs(build)} ms (the engine from the scenario: ${fmtMs(engine['split ratio'].full)} ms)`);
  for (const name of EDIT_NAMES) {
    const f = edits[name];
    say(`${pad}${name.padEnd(18)} spreadsheet recalc ${fmtMs(f.sheet).padStart(7)} ms   engine edit + metrics ${fmtMs(f.engine).padStart(6)} ms (incremental), set + prepare + run + metrics ${fmtMs(f.full).padStart(6)} ms   → spreadsheet/engine ${ratio(f.sheet, f.engine)} (incremental), ${ratio(f.sheet, f.full)} (with prepare)`);
  }
  const shown = (d: Record<string, number>) => Object.entries(d).map(([key, v]) => `${key} ${v === 0 ? '=' : (v > 0 ? '+' : '') + v}`).join(', ');
  const off = Object.values(diffs).filter((v) => v !== 0).length;
  say(`${pad}floats (元, ROUND to 2 places) − engine, in fen: ${shown(diffs)} — ${off === 0 ? 'all agree to the fen' : `${off} of ${keys.length} totals differ`}`);
  if (fenDiffs) say(`${pad}the same workbook in whole fen with exact rate ratios: ${Object.values(fenDiffs).every((v) => v === 0) ? `all ${keys.length} totals agree to the fen` : shown(fenDiffs)}`);
  return { build, edits, diffs, fenDiffs };
}

function ratio(a: number, b: number): string {
  const r = a / b;
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

async function benchMc(runs: number, threads: number): Promise<{ seconds: number; p50: string; json: string }> {
  let last = 0;
  const t0 = performance.now();
  const outcome = await monteCarlo(mcPlan(runs), {
    threads,
    spawn: nodeSpawner(),
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== last && process.stderr.isTTY) process.stderr.write(`\r    ${threads} thread(s): ${tenth * 10}%`);
      last = tenth;
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r' + ' '.repeat(30) + '\r');
  const seconds = (performance.now() - t0) / 1000;
  if (!outcome.ok) throw new Error(`Monte Carlo failed: ${outcome.cancelled ? 'cancelled' : outcome.problems.map((p) => p.message.en).join('; ')}`);
  const r = outcome.result;
  const p50 = r.outputs[0].percentiles.find((p) => p.p === 50)!.text;
  say(`  ${runs} runs on ${threads} thread(s): ${seconds.toFixed(1)} s (${((seconds * 1000) / runs).toFixed(2)} ms a run), ${r.failed} refused; value added P50 ${p50} 元, coverage P5–P95 ${r.outputs[2].percentiles[0]?.text}–${r.outputs[2].percentiles[4]?.text}, P(coverage < 1.2) ${(r.events[0].probability * 100).toFixed(1)}%, P(budget pays debt service) ${(r.events[1].probability * 100).toFixed(1)}%`);
  return { seconds, p50, json: JSON.stringify(r) };
}

/** Peak RSS in MB of a process that simulates one portfolio (bench/simulate-rss.ts). */
function simulatePeakRssMb(parcels: number, months: number): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/simulate-rss.ts', String(parcels), String(months)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`simulate-rss exited ${r.status}: ${r.stderr}`);
  return Number(r.stdout.trim());
}

async function main(): Promise<void> {
  say(`lrsim benchmark — Node ${process.version}, ${availableParallelism()} core(s), ${cpus()[0]?.model ?? 'unknown CPU'}`);
  say('');
  say('1. simulate on generated portfolios (medians)');
  const e500 = benchEngine(500, 120, 200);
  benchEngine(1000, 240, 100);
  const e10k = benchEngine(10000, 240, 12);
  const rss = skip.has('rss') ? NaN : simulatePeakRssMb(10000, 240);
  if (Number.isFinite(rss)) say(`  simulate() 10 000 × 240 in a process of its own: peak RSS ${rss.toFixed(0)} MB (target ≤ 400 MB)`);
  say(`  targets: run + metrics 10 000 × 240 ≤ 60 ms → ${fmtMs(e10k.run + e10k.metrics)} ms; simulate() 500 × 120 ≤ 10 ms → ${fmtMs(e500.simulate)} ms (${fmtMs(e500.simulateRead)} ms with every view read), 10 000 × 240 ≤ 300 ms → ${fmtMs(e10k.simulate)} ms (${fmtMs(e10k.simulateRead)} ms)`);

  let ratios: Record<EditName, number> | null = null;
  if (!skip.has('sheet')) {
    say('');
    say('2. the same model as a spreadsheet (HyperFormula, floats in 元) — recalculation after one input changes');
    benchSheet(100, 60, 20, true);
    const big = benchSheet(1000, 240, 6, true);
    ratios = Object.fromEntries(EDIT_NAMES.map((n) => [n, big.edits[n].sheet / big.edits[n].engine])) as Record<EditName, number>;
    const target: Record<EditName, number> = { 'split ratio': 1000, 'sale price factor': 300, 'bond rate': 30, 'sale delay': 30 };
    say(`  targets (spreadsheet recalc / engine edit, 1 000 × 240): ${EDIT_NAMES.map((n) => `${n} ≥ ${target[n]}× → ${ratio(big.edits[n].sheet, big.edits[n].engine)}`).join('; ')}`);
  }

  let mc1 = NaN;
  let mc2 = NaN;
  if (!skip.has('mc')) {
    say('');
    say(`3. Monte Carlo: ${MC_RUNS} runs of a 200-parcel, 120-month portfolio with a bond (price, cost, delay, coupon; price and delay correlated; 4 outputs, a fan, 2 events)`);
    const plan = mcPlan(1);
    const model = prepared(plan.scenario);
    const adjusted = setAt(plan.scenario, parsePath('adjustments.salePriceFactor')!, '0.95');
    const mcBase = prepareBase(plan.scenario);
    const created = IncrementalModel.create(plan.scenario);
    if (!created.ok) throw new Error('the Monte Carlo portfolio was refused');
    const draws = [
      { salePriceFactor: '0.9371', costFactor: '1.0523', saleDelayMonths: 4, rateShiftBp: 23 },
      { salePriceFactor: '1.0412', costFactor: '0.9811', saleDelayMonths: 1, rateShiftBp: -31 },
    ].map((a) => Object.entries(a).map(([k, v]) => ({ path: `adjustments.${k}`, value: v })));
    let d = 0;
    const parts = {
      prepare: medianMs('mc prepare', () => prepare(adjusted), 30, 3),
      adjust: medianMs('mc adjust', () => adjust(mcBase, (adjusted as { adjustments?: unknown }).adjustments), 30, 3),
      run: medianMs('mc run', () => run(model), 60),
      metrics: medianMs('mc metrics', () => metrics(run(model)), 60) - medianMs('mc run again', () => run(model), 60),
      draw: medianMs('mc draw', () => { created.model.editAll(draws[d++ % 2]); return metrics(created.model.output); }, 60, 10),
    };
    say(`  a draw of the four adjustments on the incremental model: ${fmtMs(parts.draw)} ms (edit + metrics) — adjust ${fmtMs(parts.adjust)} ms on a base prepared once, run ${fmtMs(parts.run)} ms, metrics ${fmtMs(Math.max(0, parts.metrics))} ms; prepare alone would be ${fmtMs(parts.prepare)} ms`);
    const api = await benchMc(MC_RUNS, 1);
    if (await ensureBuiltCli()) say('  (the built CLI was older than the sources: built again first)');
    const plan10k = mcPlan(MC_RUNS);
    const cli = [1, 2].map((threads) => {
      const c = mcCliSeconds(plan10k, threads);
      const p50 = c.result.outputs[0].percentiles.find((p) => p.p === 50)!.text;
      say(`  lrsim montecarlo --runs ${MC_RUNS} --threads ${threads} (the built CLI, from the shell): ${c.seconds.toFixed(1)} s (${((c.seconds * 1000) / MC_RUNS).toFixed(2)} ms a run); value added P50 ${p50} 元${JSON.stringify(c.result) === api.json ? ', every figure as in process' : ` — RESULTS DIFFER from the run in process (value added P50 ${api.p50} 元)`}`);
      return c.seconds;
    });
    [mc1, mc2] = cli;
    const scaled = (s: number) => ((s * 10000) / MC_RUNS).toFixed(1);
    say(`  targets (lrsim montecarlo, scaled to 10 000 runs): ≤ 8 s on 1 thread → ${scaled(mc1)} s; ≤ 5 s on 2 threads → ${scaled(mc2)} s`);
  }
  let cliRun = NaN;
  let cliHelp = NaN;
  if (!skip.has('cli')) {
    say('');
    say('4. the CLI\'s start, a new process each time (median wall time of 15 starts)');
    if (await ensureBuiltCli()) say('  (the built CLI was older than the sources: built again first)');
    const bare = nodeStartMs(['-e', '0'], 15);
    cliRun = cliStartMs(['run', 'scenarios/xingning-buyback.json'], 15);
    cliHelp = cliStartMs(['--help'], 15);
    say(`  node -e 0 ${fmtMs(bare)} ms (Node's own start); lrsim run scenarios/xingning-buyback.json ${fmtMs(cliRun)} ms; lrsim --help ${fmtMs(cliHelp)} ms`);
    say(`  targets: run ≤ 300 ms → ${fmtMs(cliRun)} ms; --help ≤ 150 ms → ${fmtMs(cliHelp)} ms`);
  }
  say('');
  say(`engine 500x120 median ${fmtMs(e500.run + e500.metrics)} ms; 10000x240 ${fmtMs(e10k.run + e10k.metrics)} ms; simulate 500x120 ${fmtMs(e500.simulate)} ms (read ${fmtMs(e500.simulateRead)}), 10000x240 ${fmtMs(e10k.simulate)} ms (read ${fmtMs(e10k.simulateRead)})${Number.isFinite(rss) ? ` (peak RSS ${rss.toFixed(0)} MB)` : ''}; spreadsheet/engine 1000x240 recalc ${ratios ? EDIT_NAMES.map((n) => `${ratios![n].toFixed(0)}x (${n})`).join(', ') : 'skipped'}; MC ${MC_RUNS} runs ${Number.isFinite(mc1) ? mc1.toFixed(1) + ' s (1 thread), ' + mc2.toFixed(1) + ' s (2 threads)' : 'skipped'}; cli ${Number.isFinite(cliRun) ? `${fmtMs(cliRun)} ms (run), ${fmtMs(cliHelp)} ms (--help)` : 'skipped'}`);
}

await main();
