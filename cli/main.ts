/**
 * The command-line entry: `lrsim <command> …`. A scenario path alone means `run`.
 * User mistakes print a message and exit non-zero; a broken engine invariant prints the check's
 * name as an internal error (exit 70); only another engine bug prints a stack trace.
 */
import { processIO, type CliIO, type Command } from './io';
import { InvariantError } from '../engine/assert';
import { MONTECARLO_USAGE, REPORT_USAGE, RUN_USAGE, SOLVE_USAGE, STRESS_USAGE, SWEEP_USAGE, TORNADO_USAGE, TRACE_USAGE, ZONES_USAGE } from './usage';

// Each command is loaded when it is run, so a start (and --help) loads only what it uses.
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  run: { load: async () => (await import('./commands/run')).runCommand, help: `${RUN_USAGE}\n      run a scenario: summary (万元), --json result, --csv table, --xlsx workbook` },
  report: { load: async () => (await import('./commands/report')).reportCommand, help: `${REPORT_USAGE}\n      a filed document from the run: 收益与融资平衡方案, 专项债券信息披露表, 项目信息卡, 债券资金使用情况, 年度土地储备资金收支预算（决算）表` },
  trace: { load: async () => (await import('./commands/trace')).traceCommand, help: `${TRACE_USAGE}\n      where a figure comes from: its postings, rules and parameters, e.g. totals.valueAdded, periods["2023-04"].saleRevenue, parcels["P1"].provisions` },
  validate: { load: async () => (await import('./commands/validate')).validateCommand, help: 'lrsim validate <scenario.json>…\n      check scenario files without running them' },
  stress: { load: async () => (await import('./commands/funding')).stressCommand, help: `${STRESS_USAGE}\n      the base case and each stress preset: coverage, shortfall, peak funding need` },
  zones: { load: async () => (await import('./commands/funding')).zonesCommand, help: `${ZONES_USAGE}\n      each zone closed (封闭运行) against one city-wide pool` },
  evaluate: { load: async () => (await import('./commands/evaluate')).evaluate, help: 'lrsim evaluate <evaluation.json> [--json]\n      score a programme (绩效评价), e.g. data/evaluation/xingning-2022.json' },
  sweep: { load: async () => (await import('./commands/sweep')).sweepCommand, help: `${SWEEP_USAGE}\n      data table: one or two scenario fields over a range → result figures (table, CSV, heat map)` },
  tornado: { load: async () => (await import('./commands/tornado')).tornadoCommand, help: `${TORNADO_USAGE}\n      each input at its low and high → the swing of one output, widest first` },
  montecarlo: { load: async () => (await import('./commands/montecarlo')).montecarloCommand, help: `${MONTECARLO_USAGE}\n      Monte Carlo on worker processes: percentiles, event probabilities, fan charts; reproducible from --seed` },
  solve: { load: async () => (await import('./commands/solve')).solveCommand, help: `${SOLVE_USAGE}\n      goal seek: the largest/smallest field value that keeps an output at a threshold` },
  stock: { load: async () => (await import('./commands/stock')).stock, help: 'lrsim stock [--plan plan.json] [--inventory inventory.json] [--idle cases.json [--as-of YYYY-MM-DD]] [--json | --csv]\n      stock-land inventory and disposal plan by county (盘活存量土地, seed 004) and idle land (令第53号)' },
};

export const USAGE = `lrsim — land reserve finance simulator (土地储备资金测算)

${Object.values(COMMANDS).map((c) => '  ' + c.help).join('\n')}

  lrsim <scenario.json> is short for lrsim run <scenario.json>`;

/** The arguments that ask for the usage (as does no argument at all). */
export const HELP_ARGUMENTS = ['--help', '-h', 'help'];

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || HELP_ARGUMENTS.includes(first)) {
    io.out(USAGE);
    return first ? 0 : 2;
  }
  // An own command only: `lrsim constructor` is a typo, not Object.prototype.constructor.
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command && !first.endsWith('.json')) {
    io.err(`unknown command "${first}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return command ? await (await command.load())(rest, io) : await (await COMMANDS.run.load())(argv, io);
  } catch (e) {
    // A broken engine invariant is the engine's bug: say which check, as an internal error (exit 70, EX_SOFTWARE).
    if (!(e instanceof InvariantError)) throw e;
    io.err(e.message);
    return 70;
  }
}
