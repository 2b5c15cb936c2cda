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

// Printable ASCII (one column) and Han, CJK punctuation and fullwidth forms (two): each character is
// its own grapheme and never an emoji, so labels in these scripts are counted without string-width,
// whose grapheme segmenter and emoji table take tens of milliseconds to load (a CLI start pays it).
// test/display-width.test.ts checks every one of these characters against string-width.
const PLAIN = /^[\x20-\x7e\u3001-\u3029\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*$/;

export function displayWidth(text: string): number {
  if (!PLAIN.test(text)) return stringWidth(text);
  let width = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) width++;
  return width;
}

/** The text followed by spaces up to `width` columns (never cut). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Spaces, then the text, up to `width` columns (never cut). */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
