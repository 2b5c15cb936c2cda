/**
 * `lrsim solve <scenario.json> --input PATH --from V --to V [--step V] --output PATH
 *    (--at-least X | --at-most X | --above X | --below X) --find max|min [--json]`
 * `lrsim solve <scenario.json> --preset NAME [--parcel ID] [--bond ID] [--zone ID]
 *    [--pre-allocation ID] [--from V] [--to V] [--no-link] [--json]`
 *
 * Presets: max-acquisition-price (bond coverage at the floor, the extra cost financed by the bond;
 * --no-link keeps the bond as it is), min-sale-price (a zone balances), max-bond (coverage at the
 * floor), min-pre-allocation (no shortfall under the scenario's policy).
 *
 * Goal seek: the largest (--find max) or smallest (--find min) value of one scenario field, within
 * [from, to], at which the output still meets the condition; exact to one fen for money fields.
 *   lrsim solve scenarios/hainan-provincial.json --input 'parcels[0].sale.price' \
 *     --from 10000万元 --to 150000万元 --output 'parcels[0].unrecoveredCost' --at-most 0 --find min
 *   → the lowest sale price at which Sanya's parcel recovers its verified cost.
 * "No solution in range" prints the outputs at the scanned points and exits 0: it is an answer.
 */
import { problem, type Problem } from '../../engine/problem';
import { SOLVE_PRESETS, seek, solvePreset, type Comparison, type ResolvedInput, type SeekResult, type SeekSpec, type SolvePresetName } from '../../engine/analysis/index';
import { renderTable } from '../../engine/presentation/index';
import { failWith, loadForAnalysis, refuseUnknownOutputs } from './sweep';
import type { Command } from '../io';
import { commandArguments } from '../arguments';
import { SOLVE_USAGE } from '../usage';

const CONDITIONS: Record<string, Comparison> = { 'at-least': '>=', 'at-most': '<=', above: '>', below: '<' };

export function renderSeek(spec: SeekSpec, r: SeekResult): string {
  const cond = `${spec.output} ${spec.op} ${spec.threshold}`;
  const what = `${spec.find === 'max' ? 'largest' : 'smallest'} ${spec.input.path} in [${spec.input.from}, ${spec.input.to}] with ${cond}`;
  const whatZh = `${spec.input.path} 在 [${spec.input.from}, ${spec.input.to}] 内满足 ${cond} 的${spec.find === 'max' ? '最大' : '最小'}值`;
  switch (r.status) {
    case 'solved':
      return [
        `${what}:\n${whatZh}：`,
        `  ${r.value}   (${spec.output} = ${r.at.output})`,
        `  one step further / 再进一步: ${r.beyond.input} → ${r.beyond.output ?? `refused / 无法运行: ${r.beyond.problems[0]?.message.en ?? ''}\n    ${r.beyond.problems[0]?.message.zh ?? ''}`}`,
        `  ${r.evaluations} runs${r.monotone ? '' : '; the condition switches more than once in the range — the boundary nearest the range end asked for / 条件在区间内多次变化'}`,
      ].join('\n');
    case 'wholeRange':
      return `${what}:\n${whatZh}：\n  ${r.value} — the condition holds up to the end of the range; widen --from/--to to find the true limit\n  区间端点仍满足条件，请扩大区间 (${spec.output} = ${r.at.output})`;
    case 'noSolution':
      return [
        `no solution in range / 区间内无解: no ${spec.input.path} in [${spec.input.from}, ${spec.input.to}] gives ${cond}`,
        renderTable([spec.input.path, spec.output], r.scanned.map((p) => [String(p.input), p.output ?? `× ${p.problems[0]?.message.en ?? ''}`])),
      ].join('\n');
  }
}

export const solveCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, {
        input: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, step: { type: 'string' }, output: { type: 'string' },
        'at-least': { type: 'string' }, 'at-most': { type: 'string' }, above: { type: 'string' }, below: { type: 'string' },
        find: { type: 'string' }, json: { type: 'boolean' },
        preset: { type: 'string' }, parcel: { type: 'string' }, bond: { type: 'string' }, zone: { type: 'string' }, 'pre-allocation': { type: 'string' }, 'no-link': { type: 'boolean' },
  }, { usage: SOLVE_USAGE, exclusive: [] });
  if (typeof opts === 'number') return opts;
  const { values: v, positionals } = opts;
  if (v.preset !== undefined) {
    if (!(SOLVE_PRESETS as readonly string[]).includes(v.preset)) return failWith(io, [problem('schema.enum', '--preset', v.preset, { en: `one of ${SOLVE_PRESETS.join(', ')}`, zh: `以下之一：${SOLVE_PRESETS.join('、')}` })], 'solve');
    const scenario = await loadForAnalysis(positionals[0], io);
    if (scenario === null) return 1;
    const p = solvePreset(scenario, v.preset as SolvePresetName, { parcel: v.parcel, bond: v.bond, zone: v.zone, preAllocation: v['pre-allocation'], from: v.from, to: v.to, linkBond: !v['no-link'] });
    if (!p.ok) return failWith(io, p.problems, `solve --preset ${v.preset}`);
    return answer(io, scenario, p.solve.spec, !!v.json, p.solve.input, p.solve.question);
  }
  const problems: Problem[] = [];
  const need = (name: 'input' | 'from' | 'to' | 'output' | 'find', en: string, zh: string) => {
    if (v[name] === undefined) problems.push(problem('schema.required', `--${name}`, undefined, { en, zh }));
    return v[name] ?? '';
  };
  const input = need('input', 'the scenario field to solve for, e.g. --input parcels[0].sale.price', '求解的情景字段，如 --input parcels[0].sale.price');
  const from = need('from', 'the low end of the search range, e.g. --from 10000万元', '搜索区间下限，如 --from 10000万元');
  const to = need('to', 'the high end of the search range, e.g. --to 150000万元', '搜索区间上限，如 --to 150000万元');
  const output = need('output', 'the result figure to hold, e.g. --output totals.unrecoveredCost', '需满足条件的结果指标，如 --output totals.unrecoveredCost');
  const find = need('find', '--find max or --find min', '--find max 或 --find min');
  const conds = Object.keys(CONDITIONS).filter((k) => v[k as keyof typeof v] !== undefined);
  if (conds.length !== 1) problems.push(problem('schema.required', '--at-least', undefined, { en: 'exactly one condition: --at-least X, --at-most X, --above X or --below X', zh: '且仅一个条件：--at-least X、--at-most X、--above X 或 --below X' }));
  if (problems.length) return failWith(io, problems, 'solve');
  const scenario = await loadForAnalysis(positionals[0], io);
  if (scenario === null) return 1;
  const unknown = refuseUnknownOutputs(scenario, [output], io, 'solve');
  if (unknown !== null) return unknown;
  const spec: SeekSpec = {
    input: { path: input, from, to, ...(v.step !== undefined ? { step: v.step } : {}) },
    output,
    op: CONDITIONS[conds[0]],
    threshold: String(v[conds[0] as keyof typeof v]),
    find: find as 'max' | 'min',
  };
  return answer(io, scenario, spec, !!v.json);
};

function answer(io: Parameters<Command>[1], scenario: unknown, spec: SeekSpec, json: boolean, input?: ResolvedInput, question?: { en: string; zh: string }): number {
  const r = seek(scenario, spec, input);
  if (!r.ok) return failWith(io, r.problems, 'solve');
  if (json) io.out(JSON.stringify({ question, spec, ...r.result }, null, 2));
  else io.out((question ? `${question.en}\n${question.zh}\n\n` : '') + renderSeek(spec, r.result));
  return 0;
}
