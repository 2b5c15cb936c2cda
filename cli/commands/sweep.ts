/**
 * `lrsim sweep <scenario.json> --x PATH=SPEC [--y PATH=SPEC] [--output PATH]… [--json | --csv | --heatmap]`
 * `lrsim sweep <scenario.json> --stress [--output PATH]… [--json | --csv]`
 *
 * A data table: one or two scenario fields over a range, any result figures at every point.
 *   SPEC  FROM:TO:STEPS   e.g. adjustments.salePriceFactor=0.8:1.2:5, parcels[0].sale.price=120000万元:180000万元:4
 *         V1,V2,…         e.g. split.sharePercent.province=50,60,70
 * --stress lines up the base case and the stress presets (price −10/−20 %, sales 6/12 months late,
 * coupons +100 bp, costs +10 %) in one table. Without --output: the scenario's own key figures
 * (lowest bond coverage, peak funding need, the shortfall, the worst zone, value added).
 * Money shows in 万元 in the table; --json and --csv keep the Result's exact 元 strings.
 * This file also holds the helpers the other analysis commands share (loading, problems, values).
 */
import { formatProblems, prepare, report, run } from '../../engine/index';
import { fenToWan } from '../../engine/money';
import { problem, type Problem } from '../../engine/problem';
import { unknownOutputs } from '../../engine/analysis/output';
import { defaultOutputs, stressOutputs, sweep, sweepMatrix, sweepRows, type OutputRef, type SweepAxis } from '../../engine/analysis/index';
import { heatMap, renderTable, toCsv } from '../../engine/presentation/index';
import { loadScenario } from '../load-workbook';
import type { CliIO, Command } from '../io';
import { commandArguments } from '../arguments';
import { SWEEP_USAGE } from '../usage';

/** Loads a scenario and checks that it runs; prints its problems and returns null if not. */
export async function loadForAnalysis(file: string, io: CliIO): Promise<unknown | null> {
  const composed = await loadScenario(file);
  const problems = composed.ok ? (() => { const p = prepare(composed.scenario); return p.ok ? [] : p.problems; })() : composed.problems;
  if (problems.length > 0 || !composed.ok) {
    io.err(`${file}: ${problems.length} problem(s), nothing was run / 发现 ${problems.length} 个问题，未运行\n${formatProblems(problems)}`);
    return null;
  }
  return composed.scenario;
}

/**
 * The outputs a person typed, checked against the scenario's own result: a path that leads to no
 * number is refused with the nearest known path. Returns the exit code 1 after printing, or null.
 */
export function refuseUnknownOutputs(scenario: unknown, paths: readonly string[], io: CliIO, what: string): number | null {
  if (paths.length === 0) return null;
  const prepared = prepare(scenario);
  if (!prepared.ok) return null;
  const problems = unknownOutputs(report(run(prepared.model)), paths);
  return problems.length ? failWith(io, problems, what) : null;
}

/** Prints problems (English, then Chinese) and returns exit code 1. */
export function failWith(io: CliIO, problems: readonly Problem[], what: string): number {
  io.err(`${what}: ${problems.length} problem(s) / ${problems.length} 个问题\n${formatProblems(problems)}`);
  return 1;
}

/** "PATH=VALUE" → its parts, or a problem naming the option. */
export function splitAssignment(text: string, option: string): { path: string; value: string } | Problem {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    return problem('schema.format', `--${option}`, text, { en: `PATH=VALUE, e.g. --${option} adjustments.salePriceFactor=0.8:1.2:5`, zh: `路径=取值，如 --${option} adjustments.salePriceFactor=0.8:1.2:5` });
  }
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** A figure for the terminal: money in 万元 (2 decimals), other numbers as they are. */
export function display(out: OutputRef, text: string | null, value?: number): string {
  if (text === null) return '×';
  if (out.kind === 'money' && value !== undefined && Number.isSafeInteger(value)) return fenToWan(value);
  return text;
}

/** Column header for an output: its path, with (万元) for money. */
export function outputHeader(out: OutputRef): string {
  return out.kind === 'money' ? `${out.path} (万元)` : out.path;
}

export function parseAxis(text: string, option: string): SweepAxis | Problem {
  const a = splitAssignment(text, option);
  if ('code' in a) return a;
  const range = a.value.split(':');
  if (range.length === 3) {
    const steps = Number(range[2]);
    if (!Number.isInteger(steps) || steps < 1) return problem('schema.range', `--${option} ${a.path}`, range[2], { en: 'a whole number of points after the second colon, e.g. 0.8:1.2:5', zh: '第二个冒号后为整数点数，如 0.8:1.2:5' });
    return { path: a.path, from: range[0], to: range[1], steps };
  }
  if (range.length !== 1) return problem('schema.format', `--${option} ${a.path}`, a.value, { en: 'FROM:TO:STEPS or V1,V2,…', zh: '起:止:点数 或 值1,值2,…' });
  return { path: a.path, values: a.value.split(',').map((v) => v.trim()) };
}

export const sweepCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, { x: { type: 'string' }, y: { type: 'string' }, stress: { type: 'boolean' }, output: { type: 'string', multiple: true }, json: { type: 'boolean' }, csv: { type: 'boolean' }, heatmap: { type: 'boolean' } }, { usage: SWEEP_USAGE, exclusive: ['json', 'csv', 'heatmap'] });
  if (typeof opts === 'number') return opts;
  const { values: v, positionals } = opts;
  if ((!v.x) === (!v.stress) || (v.stress && (v.y || v.heatmap))) {
    io.err(`usage: ${SWEEP_USAGE}`);
    return 2;
  }
  if (v.stress) return stressTableCommand(positionals[0], v.output ?? [], !!v.json, !!v.csv, io);
  const axes = [parseAxis(v.x!, 'x'), ...(v.y ? [parseAxis(v.y, 'y')] : [])];
  const bad = axes.filter((a): a is Problem => 'code' in a);
  if (bad.length) return failWith(io, bad, 'sweep');
  if (v.heatmap && !v.y) return failWith(io, [problem('schema.required', '--y', undefined, { en: 'a second axis (--y) for a heat map', zh: '热力图需要第二个维度（--y）' })], 'sweep');
  const scenario = await loadForAnalysis(positionals[0], io);
  if (scenario === null) return 1;
  const unknown = refuseUnknownOutputs(scenario, v.output ?? [], io, 'sweep');
  if (unknown !== null) return unknown;
  const outputs = v.output?.length ? v.output : defaultOutputs(scenario);
  const r = sweep(scenario, { axes: axes as [SweepAxis] | [SweepAxis, SweepAxis], outputs });
  if (!r.ok) return failWith(io, r.problems, 'sweep');
  const res = r.result;
  if (v.json) {
    io.out(JSON.stringify({ axes: res.axes, outputs: res.outputs.map((o) => ({ path: o.path, kind: o.kind })), cells: res.cells.map((c) => ({ inputs: c.inputs, ok: c.ok, outputs: c.texts, problems: c.problems })) }, null, 2));
    return 0;
  }
  const { header, rows } = sweepRows(res);
  if (v.csv) { io.out(toCsv(header, rows)); return 0; }
  if (v.heatmap) {
    const m = sweepMatrix(res, 0);
    io.out(`${res.outputs[0].path}: ${res.axes[0].path} → columns, ${res.axes[1].path} ↓ rows (lighter = lower)\n`);
    io.out(heatMap(m.rows.map(String), m.columns.map(String), m.values));
    io.out('\n' + renderTable([res.axes[1].path + ' \\ ' + res.axes[0].path, ...m.columns.map(String)], m.rows.map((row, j) => [String(row), ...m.texts[j].map((t, i) => display(res.outputs[0], t, m.values[j][i]))])));
    return 0;
  }
  const refusedCells = res.cells.filter((c) => !c.ok).length;
  io.out(renderTable([...res.axes.map((a) => a.path), ...res.outputs.map(outputHeader)], res.cells.map((c) => [...c.inputs.map(String), ...c.texts.map((t, i) => display(res.outputs[i], t, c.values[i]))])));
  if (refusedCells) io.out(`\n× ${refusedCells} point(s) refused by the engine / ${refusedCells} 个点无法运行:\n${res.cells.filter((c) => !c.ok).slice(0, 5).map((c) => `  ${c.inputs.join(', ')}: ${c.problems[0]?.message.en}\n    ${c.problems[0]?.message.zh}`).join('\n')}`);
  return 0;
};

/** `--stress`: the base case and every stress preset, one row each, the chosen outputs across. */
async function stressTableCommand(file: string, paths: readonly string[], json: boolean, csv: boolean, io: CliIO): Promise<number> {
  const scenario = await loadForAnalysis(file, io);
  if (scenario === null) return 1;
  const unknown = refuseUnknownOutputs(scenario, paths, io, 'sweep --stress');
  if (unknown !== null) return unknown;
  const r = stressOutputs(scenario, paths.length ? paths : defaultOutputs(scenario));
  if (!r.ok) return failWith(io, r.problems, 'sweep --stress');
  if (json) {
    io.out(JSON.stringify({ outputs: r.outputs.map((o) => ({ path: o.path, kind: o.kind })), rows: r.rows.map((row) => ({ id: row.id, name: row.name, adjustments: row.adjustments, outputs: row.texts, problems: row.problems })) }, null, 2));
    return 0;
  }
  if (csv) {
    io.out(toCsv(['preset', 'name', ...r.outputs.map((o) => o.path), 'problems'], r.rows.map((row) => [row.id, row.name.en, ...row.texts.map((t) => t ?? ''), row.problems.map((p) => p.message.en).join('; ')])));
    return 0;
  }
  io.out(renderTable(['preset 压力情景', ...r.outputs.map(outputHeader)], r.rows.map((row) => [`${row.name.zh} ${row.name.en}`, ...row.texts.map((t, i) => display(r.outputs[i], t, row.values[i]))])));
  const refused = r.rows.filter((row) => row.problems.length);
  if (refused.length) io.out(`\n× refused by the engine / 无法运行:\n${refused.map((row) => `  ${row.id}: ${row.problems[0].message.en}\n    ${row.problems[0].message.zh}`).join('\n')}`);
  return 0;
}
