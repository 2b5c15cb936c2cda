/**
 * How many terminal columns a text takes, for tables that line up in a terminal or a text file.
 * East Asian Wide and Fullwidth characters take two (中文 4, 全角，and Ａ 2 each), so do emoji
 * (👍 2, a family joined by zero-width joiners 👨‍👩‍👧 still 2); combining marks take none (e + ◌́ = é,
 * 1); halfwidth katakana and East Asian Ambiguous characters (— · →) take one.
 *
 * The widths come from `string-width`, which reads Unicode's EastAsianWidth data (through
 * get-east-asian-width) and segments by grapheme: a hand-written range list drifts with each
 * Unicode version and missed emoji and combining marks.
 *
 *   padEnd('出让收入', 10) → '出让收入  '    padStart('Ｑ1', 5) → '  Ｑ1'
 */
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  // Plain ASCII (most cells: figures, dates, ids) is one column a character.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

/** The text followed by spaces up to `width` columns (never cut). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Spaces, then the text, up to `width` columns (never cut). */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
