/**
 * The command-line entry: `lrsim <command> …`. A scenario path alone means `run`.
 * User mistakes print a message and exit non-zero; only an engine bug prints a stack trace.
 */
import { processIO, type CliIO, type Command } from './io';
import { runCommand, RUN_USAGE } from './commands/run';
import { validateCommand } from './commands/validate';
import { evaluate } from './commands/evaluate';
import { stock } from './commands/stock';
import { sweepCommand, SWEEP_USAGE } from './commands/sweep';
import { tornadoCommand, TORNADO_USAGE } from './commands/tornado';
import { montecarloCommand, MONTECARLO_USAGE } from './commands/montecarlo';
import { solveCommand, SOLVE_USAGE } from './commands/solve';
import { stressCommand, STRESS_USAGE, zonesCommand, ZONES_USAGE } from './commands/funding';
import { reportCommand, REPORT_USAGE } from './commands/report';

const COMMANDS: Record<string, { run: Command; help: string }> = {
  run: { run: runCommand, help: `${RUN_USAGE}\n      run a scenario: summary (万元), --json result, --csv table, --xlsx workbook` },
  report: { run: reportCommand, help: `${REPORT_USAGE}\n      a filed document from the run: 收益与融资平衡方案, 专项债券信息披露表, 项目信息卡, 债券资金使用情况, 年度土地储备资金收支预算（决算）表` },
  validate: { run: validateCommand, help: 'lrsim validate <scenario.json>…\n      check scenario files without running them' },
  stress: { run: stressCommand, help: `${STRESS_USAGE}\n      the base case and each stress preset: coverage, shortfall, peak funding need` },
  zones: { run: zonesCommand, help: `${ZONES_USAGE}\n      each zone closed (封闭运行) against one city-wide pool` },
  evaluate: { run: evaluate, help: 'lrsim evaluate <evaluation.json> [--json]\n      score a programme (绩效评价), e.g. data/evaluation/xingning-2022.json' },
  sweep: { run: sweepCommand, help: `${SWEEP_USAGE}\n      data table: one or two scenario fields over a range → result figures (table, CSV, heat map)` },
  tornado: { run: tornadoCommand, help: `${TORNADO_USAGE}\n      each input at its low and high → the swing of one output, widest first` },
  montecarlo: { run: montecarloCommand, help: `${MONTECARLO_USAGE}\n      Monte Carlo on worker threads: percentiles, event probabilities, fan charts; reproducible from --seed` },
  solve: { run: solveCommand, help: `${SOLVE_USAGE}\n      goal seek: the largest/smallest field value that keeps an output at a threshold` },
  stock: { run: stock, help: 'lrsim stock [--plan plan.json] [--inventory inventory.json] [--json | --csv]\n      stock-land inventory and disposal plan by county (盘活存量土地, seed 004)' },
};

export const USAGE = `lrsim — land reserve finance simulator (土地储备资金测算)

${Object.values(COMMANDS).map((c) => '  ' + c.help).join('\n')}

  lrsim <scenario.json> is short for lrsim run <scenario.json>`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(USAGE);
    return first ? 0 : 2;
  }
  const command = COMMANDS[first];
  if (command) return command.run(rest, io);
  if (first.endsWith('.json')) return runCommand(argv, io);
  io.err(`unknown command "${first}"\n\n${USAGE}`);
  return 2;
}
