/**
 * One CSV cell, safe to open in Excel or WPS. RFC 4180 quoting, and OWASP's CSV-injection
 * guidance: a text cell that starts with = + - @, a tab or a carriage return would be read as a
 * formula (`=HYPERLINK("http://evil.example/","x")`, `@SUM(1+1)*cmd|' /C calc'!A0`), so it gets a
 * leading ' and is quoted. Numbers keep their sign: "-1234.56" is a figure, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?%?$/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return safe !== text || /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
