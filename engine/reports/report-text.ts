/**
 * A report as text for a terminal (columns aligned, money in the report's unit, half-up) and as
 * CSV (money in exact 元 decimal strings, one block per section). Formatting only: the figures
 * are the table model's.
 */
import { fenToWan, fenToYi, groupThousands } from '../money';
import { csvText } from '../presentation/csv';
import { displayWidth, padEnd, padStart } from '../presentation/display-width';
import { fen, UNIT_TEXT, type Cell, type Report, type ReportUnit } from './report-table';

type Lang = 'zh' | 'en';

export function cellText(cell: Cell, unit: ReportUnit): string {
  switch (cell.t) {
    case 'text': return cell.v;
    case 'blank': return '';
    case 'ratio': return cell.v ?? '—';
    case 'money': {
      const f = fen(cell.v);
      return groupThousands(unit === 'yi' ? fenToYi(f, 4) : unit === 'wan' ? fenToWan(f, 2) : cell.v);
    }
  }
}

const pad = (s: string, w: number, right: boolean) => (right ? padStart(s, w) : padEnd(s, w));

export function reportText(report: Report, lang: Lang): string {
  const out: string[] = [`${report.title[lang]} — ${report.subtitle[lang]}`, lang === 'zh' ? `单位：${UNIT_TEXT[report.unit].zh}` : `Unit: ${UNIT_TEXT[report.unit].en}`];
  for (const n of report.notes) out.push(n[lang]);
  for (const s of report.sections) {
    out.push('', `■ ${s.title[lang]}`);
    if (s.note) out.push(`  ${s.note[lang]}`);
    const rows = [[lang === 'zh' ? '项目' : 'Item', ...s.head.map((h) => h[lang])], ...s.rows.map((r) => [(r.level ? '  ' : '') + r.label[lang], ...r.cells.map((c) => cellText(c, report.unit))])];
    const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ''))));
    for (const r of rows) out.push(r.map((c, j) => pad(c ?? '', widths[j], j > 0)).join('  ').trimEnd());
  }
  return out.join('\n') + '\n';
}

/** CSV: money as exact 元 strings, ratios as decimals; a section title line before each block. */
export function reportCsv(report: Report, lang: Lang): string {
  const lines: string[][] = [];
  for (const s of report.sections) {
    if (lines.length) lines.push([]);
    lines.push([s.title[lang]]);
    lines.push([lang === 'zh' ? '项目' : 'Item', ...s.head.map((h) => h[lang])]);
    for (const r of s.rows) lines.push([r.label[lang], ...r.cells.map((c) => (c.t === 'money' ? c.v : cellText(c, 'yuan')))]);
  }
  return csvText(lines, { bom: true });
}
