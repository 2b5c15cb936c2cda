/**
 * `lrsim trace <scenario.json> <figure-path>`: where a figure comes from — the postings that make
 * it, the rules that made them (with their DOMAIN.md references) and the parameters those rules
 * read (with their source documents), and whether the postings add up to the figure, to the fen.
 *
 *   lrsim trace scenarios/hainan-haikou.json totals.valueAdded
 *   lrsim trace scenarios/hainan-bonds.json 'parcels["HN-SY-01"].shares.province' --json
 */
import { figureQuery, formatProblems, prepare, report, run, traceFigure, money, type TraceAnswer } from '../../engine/index';
import { getAt, parsePath } from '../../engine/scenario/json-path';
import { loadScenario } from '../load-workbook';
import { commandArguments, languageOf } from '../arguments';
import type { Command } from '../io';
import { TRACE_USAGE } from '../usage';

export const traceCommand: Command = async (args, io) => {
  const a = commandArguments(args, io, { json: { type: 'boolean' }, limit: { type: 'string', default: '20' }, lang: { type: 'string' } }, { usage: TRACE_USAGE, positionals: null });
  if (typeof a === 'number') return a;
  const { values, positionals } = a;
  const limit = Number(values.limit);
  const lang = languageOf(values.lang);
  const wrong =
    positionals.length !== 2 ? `expected a scenario and a figure path, got ${positionals.length} argument(s) / 需要情景文件和数字路径两个参数`
    : !Number.isSafeInteger(limit) || limit < 0 ? `--limit: found "${values.limit}", expected a whole number ≥ 0 / --limit 应为不小于 0 的整数`
    : !lang ? `--lang: found "${values.lang}", expected zh or en / --lang 应为 zh 或 en`
    : null;
  if (wrong || !lang) {
    io.err(`${wrong}\nusage: ${TRACE_USAGE}`);
    return 2;
  }
  const [file, path] = positionals;
  const composed = await loadScenario(file);
  const prepared = composed.ok ? prepare(composed.scenario) : null;
  const problems = !composed.ok ? composed.problems : prepared && !prepared.ok ? prepared.problems : [];
  if (problems.length || !prepared?.ok) {
    io.err(`${file}: ${problems.length} problem(s), nothing was run / 发现 ${problems.length} 个问题，未运行\n${formatProblems(problems)}`);
    return 1;
  }
  const q = figureQuery(prepared.model, path);
  if (!q.ok) {
    io.err(formatProblems([q.problem]));
    return 1;
  }
  const out = run(prepared.model);
  // The figure as the Result shows it, to check the postings against (only the view that holds it).
  const section = parsePath(path)![0] as string;
  const view = section === 'zones' || section === 'bonds' ? section : section === 'parcels' ? 'parcels' : section === 'periods' || section === 'years' ? section : 'totals';
  const shown = getAt(report(out, { views: [view] as const }), resultPath(path, prepared.model));
  const answer = traceFigure(out, { ...q.query, ...(typeof shown === 'string' ? { value: shown } : {}) }, values.json ? Number.MAX_SAFE_INTEGER : limit);
  io.out(values.json ? JSON.stringify({ path, ...answer }, null, 2) : formatTrace(path, answer, lang));
  return 0;
};

/** The path with ids in place of indexes where the Result is an array keyed by id (parcels, zones, bonds, periods, years). */
function resultPath(path: string, model: Parameters<typeof figureQuery>[0]) {
  const segs = parsePath(path)!;
  const [section, index] = segs;
  if (section === 'totals' || typeof index !== 'string') return segs;
  const ids = section === 'parcels' ? model.parcels.map((p) => p.id) : section === 'zones' ? model.zones.map((z) => z.id) : section === 'bonds' ? model.bonds.map((b) => b.id) : section === 'periods' ? model.periodLabels : [...new Set(model.periodLabels.map((l) => l.slice(0, 4)))];
  return [section, ids.indexOf(index), ...segs.slice(2)];
}

export function formatTrace(path: string, a: TraceAnswer, lang: 'zh' | 'en'): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const wan = (yuan: string) => money.groupThousands(money.fenToWan(money.parseMoney(yuan)!));
  const lines = [`${path}  ${lang === 'zh' ? a.label.zh : a.label.en}`];
  if (a.derived) {
    lines.push(L(`由其他数字计算得出（无自身分录）：${a.derived.zh}`, `computed from other figures (no postings of its own): ${a.derived.en}`));
    if (a.derived.from.length) lines.push(`  ${L('组成', 'made of')}: ${a.derived.from.join(', ')}`);
    return lines.join('\n');
  }
  const check = a.agrees === null ? '' : a.agrees ? L('  ✓ 与结果一致，精确到分', '  ✓ equals the result, to the fen') : L(`  ✗ 与结果 ${a.query.value} 元不一致`, `  ✗ differs from the result's ${a.query.value} 元`);
  lines.push(`${L('分录合计', 'postings sum')} ${a.sum} 元 (${wan(a.sum)} 万元), ${a.count} ${L('笔', 'postings')}${check}`);
  lines.push('', L('规则：', 'Rules:'));
  for (const r of a.rules) lines.push(`  ${r.sign < 0 ? '−' : '+'} ${r.id}  ${lang === 'zh' ? r.zh : r.en}  [${r.ref}]  ${r.count} ${L('笔', 'postings')}, ${r.sum} 元`);
  if (a.parameters.length) {
    lines.push('', L('参数及来源：', 'Parameters and their sources:'));
    for (const p of a.parameters) lines.push(`  ${p.key} = ${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}  [${p.ref}]  ${p.source}${p.overridden ? L('（情景覆盖）', ' (scenario override)') : ''}`);
  }
  if (a.postings.length) {
    lines.push('', a.count > a.postings.length ? L(`分录（前 ${a.postings.length} 笔，共 ${a.count} 笔；--json 列出全部）：`, `Postings (first ${a.postings.length} of ${a.count}; --json lists all):`) : L('分录：', 'Postings:'));
    for (const p of a.postings) lines.push(`  ${p.period}  ${p.from} → ${p.to}  ${p.amount.padStart(16)}  ${p.rule}${p.parcel ? '  ' + p.parcel : ''}`);
  }
  return lines.join('\n');
}
