/**
 * `lrsim run <scenario.json>`: run a scenario and print a summary (default), the whole result as
 * JSON (--json), a table as CSV (--csv [periods|years|parcels]), or write a workbook (--xlsx FILE).
 * A bad file prints every problem and exits 1; nothing is written.
 */
import { formatProblems, prepare, report, resultTables, run, tableToCsv } from '../../engine/index';
import { loadScenario } from '../load-workbook';
import { SUMMARY_VIEWS, formatSummary } from '../summary';
import { OutputError, writeFileAtomic } from '../write-file';
import type { CliIO, Command } from '../io';
import { commandArguments, languageOf } from '../arguments';
import { RUN_USAGE } from '../usage';

export const runCommand: Command = async (args, io) => {
  const opts = commandArguments(args, io, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    xlsx: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string', default: 'zh' },
    postings: { type: 'boolean' },
  }, { usage: RUN_USAGE, positionals: null });
  if (typeof opts === 'number') return opts;
  const { values, positionals } = opts;
  const lang = languageOf(values.lang);
  if (!lang) {
    io.err(`--lang must be zh or en, got "${values.lang}"\nusage: ${RUN_USAGE}`);
    return 2;
  }
  const tables = ['periods', 'quarters', 'years', 'parcels', 'checks'];
  const file = positionals[0];
  const tableName = values.csv ? positionals[1] ?? 'periods' : null;
  if (tableName && !tables.includes(tableName)) {
    io.err(`--csv: unknown table "${tableName}"; one of ${tables.join(', ')} / 表名应为 ${tables.join('、')} 之一\nusage: ${RUN_USAGE}`);
    return 2;
  }
  if (!file || positionals.length > (values.csv ? 2 : 1)) {
    io.err(`usage: ${RUN_USAGE}`);
    return 2;
  }
  // The summary alone needs no period or parcel rows: only its views are made.
  const summaryOnly = !values.json && !tableName && values.xlsx === undefined;
  const out = await loadAndRunOutput(file, io);
  if (!out) return 1;
  const result = summaryOnly ? null : report(out, { postings: !!values.postings });

  let text: string;
  if (!result) text = formatSummary(report(out, { views: SUMMARY_VIEWS }), lang);
  else if (values.json) text = JSON.stringify(result, null, 2);
  else if (tableName) text = tableToCsv(resultTables(result).find((t) => t.name === tableName)!, lang);
  else text = formatSummary(result, lang);

  try {
    // The workbook library is large: loaded only when a workbook is asked for.
    if (values.xlsx !== undefined && result) writeFileAtomic(values.xlsx, await (await import('../../engine/presentation/workbook')).resultWorkbook(result));
    if (values.out !== undefined) writeFileAtomic(values.out, text.endsWith('\n') ? text : text + '\n');
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(e.message);
    return 1;
  }
  if (values.out === undefined) io.out(text);
  return 0;
};

/** The run of a scenario file, or null (its problems printed). */
export async function loadAndRunOutput(file: string, io: CliIO) {
  const composed = await loadScenario(file);
  if (!composed.ok) {
    io.err(problemsHeader(file, composed.problems.length) + formatProblems(composed.problems));
    return null;
  }
  const prepared = prepare(composed.scenario);
  if (!prepared.ok) {
    io.err(problemsHeader(file, prepared.problems.length) + formatProblems(prepared.problems));
    return null;
  }
  return run(prepared.model);
}

function problemsHeader(file: string, n: number): string {
  return `${file}: ${n} problem(s), nothing was run / 发现 ${n} 个问题，未运行\n`;
}
