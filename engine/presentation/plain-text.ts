/**
 * Plain-text renderings of analysis results for terminals and files: aligned tables (CJK counts
 * two columns), CSV (RFC 4180), a shaded heat map, tornado bars and a progress bar. Pure string
 * functions; the CLI prints them, the notebook may offer the CSV for download.
 *
 *   heatMap(['0.8', '0.9'], ['50', '60'], [[1, 2], [3, 4]]) →
 *           50   60
 *     0.8   ░░   ▒▒
 *     0.9   ▓▓   ██
 */
import { csvText } from './csv';
import { displayWidth, padEnd, padStart } from './display-width';

const pad = (t: string, w: number, right: boolean) => (right ? padStart(t, w) : padEnd(t, w));

/** An aligned table; columns whose cells all look numeric are right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[\d,]*\.?\d*%?$|^$/.test(r[c] ?? '')));
  const line = (cells: readonly string[]) => cells.map((t, c) => pad(t ?? '', widths[c], numeric[c])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** CSV of a header and rows (no BOM, LF line ends): for files a script reads back. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvText([header, ...rows]);
}

const SHADES = [' ', '░', '▒', '▓', '█'];

/** A matrix as shaded cells, lightest for the lowest value; NaN cells print as "×". */
export function heatMap(rowLabels: readonly string[], columnLabels: readonly string[], values: readonly (readonly number[])[], cellWidth = 4): string {
  const finite = values.flat().filter((v) => Number.isFinite(v));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const shade = (v: number) => {
    if (!Number.isFinite(v)) return pad('×', cellWidth, true);
    const i = hi === lo ? 2 : 1 + Math.min(3, Math.floor(((v - lo) / (hi - lo)) * 4));
    return ' ' + SHADES[i].repeat(cellWidth - 1);
  };
  const lw = Math.max(...rowLabels.map(displayWidth));
  const cw = Math.max(cellWidth, ...columnLabels.map(displayWidth));
  const head = ' '.repeat(lw) + columnLabels.map((c) => '  ' + pad(c, cw, true)).join('');
  const body = rowLabels.map((r, i) => pad(r, lw, false) + values[i].map((v) => '  ' + pad(shade(v), cw, true)).join(''));
  return [head, ...body].join('\n');
}

/** A horizontal bar pair around a centre line: low side left, high side right. */
export function tornadoBars(rows: readonly { label: string; low: number; high: number }[], base: number, width = 24): string[] {
  const span = Math.max(1e-300, ...rows.flatMap((r) => [Math.abs(r.low - base), Math.abs(r.high - base)]).filter(Number.isFinite));
  const half = (v: number) => (Number.isFinite(v) ? Math.round((Math.abs(v - base) / span) * width) : 0);
  return rows.map((r) => {
    const left = Math.min(r.low, r.high) < base ? half(Math.min(r.low, r.high)) : 0;
    const right = Math.max(r.low, r.high) > base ? half(Math.max(r.low, r.high)) : 0;
    return ' '.repeat(width - left) + '█'.repeat(left) + '│' + '█'.repeat(right) + ' '.repeat(width - right);
  });
}

/** "[██████░░░░░░░░░░]  37%  3700/10000" */
export function progressBar(done: number, total: number, width = 30): string {
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(f * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${done}/${total}`;
}
