/**
 * Downloads: a chart as SVG (its Plot SVG with a title and legend drawn in, so the file stands
 * alone) or PNG (that SVG painted onto a canvas at twice the pixels); a table as CSV (the engine's
 * tableToCsv: exact 元, Chinese headers, BOM for Excel) or XLSX (one sheet, Chinese headers over
 * English ones, money as numbers formatted #,##0.00); the whole result as the engine's workbook.
 */
import { tableToCsv, type Table } from '../../engine/presentation/tables';
import type { Result } from '../../engine/report';

export interface LegendItem { label: string; color: string; dash?: boolean }

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** A safe file name from a scenario id and a table or chart name. */
export function fileName(...parts: string[]): string {
  return parts.filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of a Plot chart, with a title above and the legend below. */
export function chartSvg(svg: SVGSVGElement, title: string, legend: readonly LegendItem[]): { text: string; width: number; height: number } {
  const w = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  const top = title ? 28 : 4;
  const bottom = legend.length ? 26 : 4;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(h + top + bottom));
  out.setAttribute('viewBox', `0 0 ${w} ${h + top + bottom}`);
  out.setAttribute('font-family', 'system-ui, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  out.append(bg);
  if (title) {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', '19');
    t.setAttribute('font-size', '14');
    t.setAttribute('font-weight', '600');
    t.textContent = title;
    out.append(t);
  }
  const inner = svg.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(top));
  // Tips are interaction, not content.
  inner.querySelectorAll('[data-mark="tip"]').forEach((n) => n.remove());
  out.append(inner);
  let x = 8;
  for (const item of legend) {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('transform', `translate(${x},${h + top + 8})`);
    const sw = document.createElementNS(SVG_NS, 'rect');
    sw.setAttribute('width', '12');
    sw.setAttribute('height', '12');
    sw.setAttribute('fill', item.color);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', '16');
    label.setAttribute('y', '10');
    label.setAttribute('font-size', '12');
    label.textContent = item.label;
    g.append(sw, label);
    out.append(g);
    x += 28 + item.label.length * 12;
  }
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out), width: w, height: h + top + bottom };
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadCsv(table: Table, lang: 'zh' | 'en', name: string): void {
  downloadText(tableToCsv(table, lang), `${name}.csv`, 'text/csv;charset=utf-8');
}

/** One table as an XLSX workbook of one sheet (the workbook library is loaded on first use). */
export async function downloadTableXlsx(table: Table, name: string): Promise<void> {
  const { tableWorkbook, XLSX_MIME } = await import('../../engine/presentation/sheet-writer');
  const bytes = await tableWorkbook(table);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), `${name}.xlsx`);
}

/** The engine's workbook of a whole result (汇总, 分期现金流, 年度汇总, 宗地损益, 检查, 参数). */
export async function downloadResultXlsx(result: Result, name: string): Promise<void> {
  const [{ resultWorkbook }, { XLSX_MIME }] = await Promise.all([import('../../engine/presentation/workbook'), import('../../engine/presentation/sheet-writer')]);
  const bytes = await resultWorkbook(result);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), `${name}.xlsx`);
}
