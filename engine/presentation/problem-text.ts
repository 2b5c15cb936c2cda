/**
 * Problems as terminal text, one problem a line in English with its Chinese beneath and the hint:
 *
 *   ✗ [money.format] parcels[0].sale.price: found "3,000万元", expected an amount with its unit…
 *     parcels[0].sale.price：值为 "3,000万元"，应为带单位的金额字符串…
 */
import type { Problem } from '../problem';
import { terminalSafe } from './terminal-text';

/** A one-problem-a-line rendering for terminals: English, then Chinese. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines: string[] = [];
  for (const p of problems) {
    const where = p.file ? `${p.file}: ` : '';
    lines.push(`✗ [${p.code}] ${where}${p.message.en}`);
    lines.push(`  ${p.message.zh}`);
    if (p.hint) lines.push(`  hint: ${p.hint}`);
  }
  // A path or file name from the input may hold control characters: never to a terminal raw.
  return terminalSafe(lines.join('\n'));
}
