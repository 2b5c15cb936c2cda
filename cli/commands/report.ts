/**
 * `lrsim report <scenario> --kind <balance|disclosure|card|bond-use|budget>`: a document a bureau
 * files, built from the run's result and ledger (engine/reports): text by default, --csv, --json
 * (the table model, money as 元 strings), --xlsx FILE a workbook with live formulas. The balance
 * plan runs the scenario again under the stress presets for its sensitivity block.
 */
import { prepare, report, run } from '../../engine/index';
import { buildReport, REPORT_KINDS, reportCsv, reportText, sensitivityRuns, type ReportKind } from '../../engine/reports/index';
import { reportWorkbook } from '../../engine/reports/report-workbook';
import { formatProblems } from '../../engine/presentation/problem-text';
import { loadScenario } from '../load-workbook';
import { writeFileAtomic } from '../write-file';
import type { Command } from '../io';
import { commandArguments, languageOf } from '../arguments';
import { REPORT_USAGE } from '../usage';

const KINDS = REPORT_KINDS.map((k) => k.kind);
export { REPORT_USAGE };

export const reportCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, { kind: { type: 'string' }, year: { type: 'string' }, date: { type: 'string' }, xlsx: { type: 'string' }, csv: { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, lang: { type: 'string', default: 'zh' } }, { usage: REPORT_USAGE });
  if (typeof opts === 'number') return opts;
  const { values, positionals } = opts;
  const kind = values.kind as ReportKind | undefined;
  const lang = languageOf(values.lang);
  const year = values.year === undefined ? undefined : /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
  const badDate = values.date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.date);
  if (!kind || !KINDS.includes(kind) || !lang || Number.isNaN(year) || badDate) {
    const why = !kind ? '--kind is required' : !KINDS.includes(kind) ? `unknown --kind "${kind}"; one of ${KINDS.join(', ')} / 报表种类应为 ${REPORT_KINDS.map((k) => `${k.kind}（${k.zh}）`).join('、')}` : Number.isNaN(year) ? `--year must be a year such as 2024, got "${values.year}"` : badDate ? `--date must be a month such as 2022-06, got "${values.date}" / 日期应为月份，如 2022-06` : !lang ? `--lang must be zh or en` : '';
    io.err(`${why ? why + '\n' : ''}usage: ${REPORT_USAGE}`);
    return 2;
  }
  const file = positionals[0];
  const composed = await loadScenario(file);
  const prepared = composed.ok ? prepare(composed.scenario) : null;
  if (!composed.ok || !prepared!.ok) {
    const problems = composed.ok ? (prepared as { problems: Parameters<typeof formatProblems>[0] }).problems : composed.problems;
    io.err(`${file}: ${problems.length} problem(s), nothing was run / 发现 ${problems.length} 个问题，未运行\n${formatProblems(problems)}`);
    return 1;
  }
  const result = report(run(prepared!.model), { postings: true });
  const doc = buildReport(kind, result, { year, until: values.date, sensitivity: kind === 'balance' ? sensitivityRuns(composed.scenario) : [] });
  if (doc.sections.length === 0) {
    io.err(`${file}: ${doc.notes.map((n) => `${n.en} / ${n.zh}`).join('; ')}`);
    return 1;
  }
  const text = values.json ? JSON.stringify(doc, null, 2) + '\n' : values.csv ? reportCsv(doc, lang) : reportText(doc, lang);
  if (values.xlsx) writeFileAtomic(values.xlsx, await reportWorkbook(doc));
  if (values.out) writeFileAtomic(values.out, text);
  else if (!values.xlsx || values.csv || values.json) io.out(text.replace(/\n$/, ''));
  return 0;
};
