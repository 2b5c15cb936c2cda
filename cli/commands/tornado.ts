/**
 * `lrsim tornado <scenario.json> [--output PATH] [--input PATH=LOW,HIGH | PATH=x0.9,1.1]… [--json | --csv]`
 *
 * Each input at its low and high (the others at base) → the swing of one output, widest first.
 * Without --output: the lowest bond coverage if the scenario has bonds, else the peak funding need.
 * `x0.9,1.1` scales the field's own value (±10 %). Without --input, the stress adjustments:
 * sale price index 0.8/1.2, cost factor 0.9/1.2, sale delay 0/12 months (and the rate shift
 * ±100 bp once the scenario format has it).
 */
import { problem, type Problem } from '../../engine/problem';
import { defaultOutputs, defaultTornadoInputs, tornado, type TornadoInput } from '../../engine/analysis/index';
import { renderTable, toCsv, tornadoBars } from '../../engine/presentation/index';
import { display, failWith, loadForAnalysis, outputHeader, refuseUnknownOutputs, splitAssignment } from './sweep';
import type { Command } from '../io';
import { commandArguments } from '../arguments';
import { TORNADO_USAGE } from '../usage';

function parseInput(text: string): TornadoInput | Problem {
  const a = splitAssignment(text, 'input');
  if ('code' in a) return a;
  const scale = a.value.startsWith('x') || a.value.startsWith('×');
  const parts = (scale ? a.value.slice(1) : a.value).split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    return problem('schema.format', `--input ${a.path}`, a.value, { en: 'LOW,HIGH (e.g. 0.8,1.2) or xLOW,HIGH to scale the field (e.g. x0.9,1.1)', zh: '低值,高值（如 0.8,1.2），或 x低,高 按比例缩放（如 x0.9,1.1）' });
  }
  return scale ? { path: a.path, scale: [parts[0], parts[1]] } : { path: a.path, low: parts[0], high: parts[1] };
}

export const tornadoCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, { output: { type: 'string' }, input: { type: 'string', multiple: true }, json: { type: 'boolean' }, csv: { type: 'boolean' } }, { usage: TORNADO_USAGE });
  if (typeof opts === 'number') return opts;
  const { values: v, positionals } = opts;
  const inputs = v.input?.length ? v.input.map(parseInput) : defaultTornadoInputs();
  const bad = inputs.filter((i): i is Problem => 'code' in i);
  if (bad.length) return failWith(io, bad, 'tornado');
  const scenario = await loadForAnalysis(positionals[0], io);
  if (scenario === null) return 1;
  const unknown = refuseUnknownOutputs(scenario, v.output ? [v.output] : [], io, 'tornado');
  if (unknown !== null) return unknown;
  const r = tornado(scenario, { output: v.output ?? defaultOutputs(scenario)[0], inputs: inputs as TornadoInput[] });
  if (!r.ok) return failWith(io, r.problems, 'tornado');
  const { output, base, bars } = r.result;
  if (v.json) { io.out(JSON.stringify({ output: output.path, kind: output.kind, base: base.text, bars }, null, 2)); return 0; }
  if (v.csv) {
    io.out(toCsv(['input', 'low', 'high', 'output at low', 'output at high', 'swing', 'problems'], bars.map((b) => [b.path, String(b.low.input), String(b.high.input), b.low.text ?? '', b.high.text ?? '', b.swingText ?? '', [...b.low.problems, ...b.high.problems].map((p) => p.message.en).join('; ')])));
    return 0;
  }
  const pictures = tornadoBars(bars.map((b) => ({ label: b.label, low: b.low.value, high: b.high.value })), base.value);
  io.out(`${outputHeader(output)} — base 基准 ${display(output, base.text, base.value)}\n`);
  io.out(renderTable(['input 输入', 'low 低', 'high 高', 'at low', 'at high', 'swing 摆幅', ''], bars.map((b, i) => [b.label, String(b.low.input), String(b.high.input), display(output, b.low.text, b.low.value), display(output, b.high.text, b.high.value), b.swingText === null ? '×' : display(output, b.swingText, b.swing), pictures[i]])));
  const refused = bars.flatMap((b) => [...b.low.problems, ...b.high.problems]);
  if (refused.length) io.out(`\n× refused by the engine / 无法运行:\n${refused.slice(0, 5).map((p) => `  ${p.message.en}\n  ${p.message.zh}`).join('\n')}`);
  return 0;
};
