/** `lrsim validate <scenario.json>…`: check files without running them; exit 1 if any has a problem. */
import { formatProblems, prepare } from '../../engine/index';
import { loadScenario } from '../load-workbook';
import type { Command } from '../io';

export const validateCommand: Command = async (args, io) => {
  if (args.length === 0 || args.some((a) => a.startsWith('-'))) {
    io.err('usage: lrsim validate <scenario.json> [more.json…]');
    return 2;
  }
  let bad = 0;
  for (const file of args) {
    const composed = await loadScenario(file);
    const problems = composed.ok ? (() => { const p = prepare(composed.scenario); return p.ok ? [] : p.problems; })() : composed.problems;
    if (problems.length === 0) io.out(`✓ ${file}`);
    else {
      bad++;
      io.err(`✗ ${file}: ${problems.length} problem(s) / ${problems.length} 个问题\n${formatProblems(problems)}`);
    }
  }
  return bad === 0 ? 0 : 1;
};
