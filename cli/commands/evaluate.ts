/**
 * `evaluate <file.json> [--json]`: scores a performance evaluation (绩效评价).
 *
 * An indicator-tree file (data/evaluation/xingning-2022.json) prints the score table — 一级/二级/三级
 * 指标, 分值, 得分, 得分率, level subtotals, the total and the grade on each scale — then the
 * indicators computed from the inputs and how the figures compare with the document's own
 * (Xingning: 13 + 22 + 53 = 88 → 良). A target-table file (data/evaluation/jiangmen-2022.json)
 * prints each target against its actual. `--json` prints the result as JSON (money in 元 as
 * decimal strings). Bad input → every problem with its JSON path, in English and Chinese, exit 1.
 */
import { readLimited } from '../load';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../engine/limits';
import type { CliIO, Command } from '../io';
import { commandArguments } from '../arguments';
import { fenToYuan, fenToWan } from '../../engine/money';
import { problem, type Problem } from '../../engine/problem';
import { formatProblems } from '../../engine/presentation/problem-text';
import { displayWidth, padEnd, padStart } from '../../engine/presentation/display-width';
import {
  evaluateSpec,
  evaluateTargetTable,
  formatPercent,
  formatPoints,
  INDICATOR_LABELS,
  INDICATOR_NAMES,
  isTargetTableFile,
  LEVEL_LABELS,
  parseEvaluationSpec,
  parseTargetTable,
  showQuantity,
  type EvaluationResult,
  type ReportedCheck,
  type ScoredNode,
  type TargetTableResult,
} from '../../engine/evaluation';

const USAGE = `evaluate <file.json> [--json]
  file.json  an indicator tree with inputs (data/evaluation/xingning-2022.json)
             or a target table (data/evaluation/jiangmen-2022.json)
  --json     print the result as JSON`;

export const evaluate: Command = async (args, io) => {
  const parsed = commandArguments(args, io, { json: { type: 'boolean' } }, { usage: USAGE });
  if (typeof parsed === 'number') return parsed;
  const file = parsed.positionals[0];
  const loaded = await readJsonFile(file);
  if ('problems' in loaded) return fail(io, loaded.problems, file);
  if (isTargetTableFile(loaded.json)) {
    const { table, problems } = parseTargetTable(loaded.json);
    if (!table) return fail(io, problems, file);
    const result = evaluateTargetTable(table);
    io.out(parsed.values.json ? JSON.stringify(targetTableJson(result), null, 2) : renderTargetTable(result));
    return 0;
  }
  const { spec, problems } = parseEvaluationSpec(loaded.json);
  if (!spec) return fail(io, problems, file);
  const { result, problems: scoring } = evaluateSpec(spec);
  if (!result) return fail(io, scoring, file);
  io.out(parsed.values.json ? JSON.stringify(evaluationJson(result), null, 2) : renderEvaluation(result));
  return 0;
};

/** Reads and parses a JSON file; a missing or malformed file is a problem, never a stack trace. */
export async function readJsonFile(file: string): Promise<{ json: unknown } | { problems: Problem[] }> {
  // The scenario reader's limits: a regular file within MAX_FILE_BYTES, JSON within MAX_JSON_DEPTH.
  const text = readLimited(file);
  if (text === null || typeof text === 'object') {
    const what = text === null ? 'file.notFound' : text.code ?? 'file.unreadable';
    const why = text === null ? 'ENOENT' : text.error;
    return { problems: [problem(what, '', file, { en: 'a readable JSON file', zh: '可读取的 JSON 文件' }, { en: `cannot read ${file}: ${why}`, zh: `无法读取文件 ${file}（${why}）` })] };
  }
  try {
    const json: unknown = JSON.parse(text);
    if (nestsDeeperThan(json, MAX_JSON_DEPTH)) return { problems: [problem('limit.depth', '', file, { en: `JSON nested at most ${MAX_JSON_DEPTH} levels deep`, zh: `嵌套不超过 ${MAX_JSON_DEPTH} 层的 JSON` })] };
    return { json };
  } catch (e) {
    const msg = (e as Error).message;
    return { problems: [problem('file.json', '', file, { en: 'valid JSON', zh: '合法的 JSON' }, { en: `${file} is not valid JSON: ${msg}`, zh: `${file} 不是合法的 JSON：${msg}` }, 'check commas, quotes and brackets near the position given')] };
  }
}

export function fail(io: CliIO, problems: readonly Problem[], file: string): number {
  io.err(formatProblems(problems.map((p) => ({ ...p, file }))));
  return 1;
}

function renderEvaluation(r: EvaluationResult): string {
  const lines: string[] = [`${r.title}  (${r.id})`, ''];
  const nameW = 40;
  lines.push(`${padEnd(`${LEVEL_LABELS.join(' / ')}`, nameW)}${padStart('分值', 8)}${padStart('得分', 8)}${padStart('得分率', 10)}`);
  const walk = (nodes: readonly ScoredNode[]) =>
    nodes.forEach((n) => {
      const label = '  '.repeat(n.level - 1) + n.name;
      lines.push(`${padEnd(label, nameW)}${padStart(formatPoints(n.weight), 8)}${padStart(formatPoints(n.score), 8)}${padStart(formatPercent(n.rate), 10)}${n.trace ? '   ' + n.trace : ''}`);
      walk(n.children);
    });
  walk(r.levels);
  lines.push(`${padEnd('合计 total', nameW)}${padStart(formatPoints(r.weight), 8)}${padStart(formatPoints(r.score), 8)}${padStart(formatPercent(r.rate), 10)}`);
  lines.push('');
  lines.push(`评价等级 grade: ${r.grades.map((g) => `${g.grade} (${g.scaleName})`).join('; ')}`);
  if (r.indicators) {
    const ind = r.indicators;
    lines.push('', '指标计算 indicators:');
    lines.push(`  计划投入 planned ${fenToWan(ind.plannedFen)}万元; 实际到位 received ${fenToWan(ind.receivedFen)}万元` +
      (ind.dueFen !== null ? `; 应到位 due ${fenToWan(ind.dueFen)}万元, 及时到位 timely ${fenToWan(ind.timelyFen ?? 0)}万元` : '') +
      (ind.spentFen !== null ? `; 实际支出 spent ${fenToWan(ind.spentFen)}万元` : ''));
    for (const name of INDICATOR_NAMES) {
      const v = ind[name];
      if (v !== null) lines.push(`  ${padEnd(INDICATOR_LABELS[name].zh, 12)} ${padStart(formatPercent(v, 4), 10)}   ${INDICATOR_LABELS[name].en}`);
    }
  }
  lines.push(...renderChecks(r.checks));
  return lines.join('\n');
}

function renderChecks(checks: readonly ReportedCheck[]): string[] {
  if (checks.length === 0) return [];
  const bad = checks.filter((c) => !c.ok);
  const out = ['', `与原文核对 checks against the document: ${checks.length - bad.length} of ${checks.length} agree ${bad.length === 0 ? '✓' : '✗'}`];
  for (const c of bad) out.push(`  ✗ ${c.what}: document ${c.reported}, computed ${c.computed}`);
  return out;
}

function renderTargetTable(r: TargetTableResult): string {
  const lines: string[] = [`${r.title}  (${r.id})`, ''];
  lines.push(`${padEnd('指标 indicator', 34)}${padEnd('预期 target', 30)}${padEnd('实际 actual', 22)}${padEnd('达成', 6)}完成率`);
  let group = '';
  for (const row of r.rows) {
    if (row.row.group !== group) {
      group = row.row.group;
      lines.push(`【${group}】`);
    }
    const op = row.row.op === '>=' ? '≥' : row.row.op === '<=' ? '≤' : row.row.op;
    const target = row.row.target ? `${op} ${showQuantity(row.row.target)}` : row.row.targetText;
    const met = row.met === null ? '—' : row.met ? '✓' : '✗';
    lines.push(`${padEnd(clip(row.row.name, 32), 34)}${padEnd(clip(target, 28), 30)}${padEnd(clip(row.actualShown, 20), 22)}${padEnd(met, 6)}${row.achievement ? formatPercent(row.achievement) : ''}`);
  }
  if (r.grades.length > 0) lines.push('', `自评等级 grade: ${r.grades.map((g) => `${g.grade} (${g.scaleName})`).join('; ')}`);
  lines.push(...renderChecks(r.checks));
  return lines.join('\n');
}

function clip(text: string, w: number): string {
  if (displayWidth(text) <= w) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}

function nodeJson(n: ScoredNode): unknown {
  return { id: n.id, name: n.name, level: n.level, weight: formatPoints(n.weight), score: formatPoints(n.score), rate: formatPercent(n.rate), trace: n.trace, children: n.children.map(nodeJson) };
}

function evaluationJson(r: EvaluationResult): unknown {
  const ind = r.indicators;
  return {
    id: r.id,
    title: r.title,
    weight: formatPoints(r.weight),
    score: formatPoints(r.score),
    rate: formatPercent(r.rate),
    grades: r.grades,
    levels: r.levels.map(nodeJson),
    indicators: ind && {
      plannedYuan: fenToYuan(ind.plannedFen),
      receivedYuan: fenToYuan(ind.receivedFen),
      dueYuan: ind.dueFen === null ? null : fenToYuan(ind.dueFen),
      timelyYuan: ind.timelyFen === null ? null : fenToYuan(ind.timelyFen),
      spentYuan: ind.spentFen === null ? null : fenToYuan(ind.spentFen),
      ...Object.fromEntries(INDICATOR_NAMES.map((n) => [n, ind[n] === null ? null : formatPercent(ind[n]!, 4)])),
    },
    checks: r.checks,
  };
}

function targetTableJson(r: TargetTableResult): unknown {
  return {
    id: r.id,
    title: r.title,
    rows: r.rows.map((x) => ({
      id: x.row.id,
      group: x.row.group,
      name: x.row.name,
      targetText: x.row.targetText,
      actualText: x.row.actualText,
      op: x.row.op,
      target: x.row.target ? showQuantity(x.row.target) : null,
      actual: x.row.actual ? showQuantity(x.row.actual) : null,
      met: x.met,
      achievement: x.achievement ? formatPercent(x.achievement) : null,
      note: x.row.note,
    })),
    grades: r.grades,
    checks: r.checks,
  };
}
