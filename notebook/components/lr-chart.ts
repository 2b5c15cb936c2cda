/**
 * <lr-chart>: an Observable Plot chart with a title, an HTML legend, Plot's pointer tips, and
 * downloads as PNG, SVG and its data as CSV. It only draws: the page derives `options` (marks
 * and scales, without width) and `table` (the data behind it, columns with Chinese headers);
 * the chart measures its own width and redraws on resize.
 *
 * Each draw increments `renderCount` and fires `chart-rendered` (for the latency measurement).
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { LangElement } from './lang-element';
import * as Plot from '@observablehq/plot';
import { base } from '../lib/styles';
import { chartSvg, downloadBlob, downloadCsv, downloadText, svgToPng, type LegendItem } from '../lib/export';
import { L } from '../lib/format';
import type { Table } from '../../engine/presentation/tables';

export class LrChart extends LangElement {
  static override properties = { options: { attribute: false }, legend: { attribute: false }, table: { attribute: false }, heading: {}, name: {}, note: {}, height: { type: Number }, _width: { state: true } };

  options: Plot.PlotOptions | null = null;
  legend: LegendItem[] = [];
  table: Table | null = null;
  heading = '';
  name = 'chart';
  note = '';
  height = 300;
  _width = 0;
  renderCount = 0;
  /** Keeps what Plot redraws (its tip) as unlabelled as the rest of the chart. */
  private labels: MutationObserver | null = null;
  private observer?: ResizeObserver;

  static override styles = [
    base,
    css`
      :host { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.6rem 0.8rem 0.4rem; min-width: 0; }
      header { display: flex; align-items: baseline; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; }
      h3 { margin: 0; font-size: 1rem; }
      .tools { display: flex; gap: 0.3rem; }
      .tools button { font-size: 0.8rem; padding: 0.1rem 0.45rem; }
      .plot { min-height: 60px; position: relative; }
      .plot svg { max-width: 100%; height: auto; overflow: visible; }
      ul.legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; margin: 0.3rem 0 0; padding: 0; font-size: 0.85rem; }
      ul.legend li { display: flex; align-items: center; gap: 0.3rem; }
      .sw { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
      .sw.dash { height: 3px; border-radius: 0; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0 && Math.abs(w - this._width) > 4) this._width = w;
    });
    this.observer.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const drawable = !!this.options && !this.note;
    return html`
      <header>
        <h3>${this.heading}</h3>
        <div class="tools" role="group" aria-label=${T('下载', 'Download')}>
          <button ?disabled=${!drawable} @click=${() => this.downloadPng()} title=${T('下载 PNG 图片', 'Download PNG')} data-export="png">PNG</button>
          <button ?disabled=${!drawable} @click=${() => this.downloadSvg()} title=${T('下载 SVG 矢量图', 'Download SVG')} data-export="svg">SVG</button>
          <button ?disabled=${!this.table} @click=${() => this.downloadCsv()} title=${T('下载图表数据 CSV', 'Download the data as CSV')} data-export="csv">CSV</button>
        </div>
      </header>
      ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
      <div class="plot" part="plot" ?hidden=${!drawable}></div>
      ${drawable && this.legend.length
        ? html`<ul class="legend">${this.legend.map((l) => html`<li><span class="sw ${l.dash ? 'dash' : ''}" style="background:${l.color}"></span>${l.label}</li>`)}</ul>`
        : nothing}
    `;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('heading')) {
      this.setAttribute('role', 'figure');
      this.setAttribute('aria-label', this.heading);
    }
    if (changed.has('options') || changed.has('_width') || changed.has('note') || changed.has('height')) this.draw();
  }

  private draw() {
    const host = this.renderRoot.querySelector('.plot') as HTMLElement | null;
    if (!host) return;
    this.labels?.disconnect();
    this.labels = null;
    host.replaceChildren();
    if (!this.options || this.note) return;
    const width = this._width > 0 ? this._width - 4 : 640;
    const figure = Plot.plot({ height: this.height, ...this.options, width, style: { fontSize: '11px', overflow: 'visible' } });
    host.append(figure);
    this.labels = labelAsImage(figure, this.heading);
    this.renderCount++;
    this.dataset.renderCount = String(this.renderCount);
    this.dispatchEvent(new CustomEvent('chart-rendered', { bubbles: true, composed: true, detail: { name: this.name, at: performance.now() } }));
  }

  /** The chart's SVG element (the legend's swatches are drawn in SVGs of their own). */
  private svg(): SVGSVGElement | null {
    const host = this.renderRoot.querySelector('.plot');
    return (host?.querySelector('svg:not(.plot-swatches svg)') as SVGSVGElement | null) ?? null;
  }

  private downloadSvg() {
    const svg = this.svg();
    if (!svg) return;
    downloadText(chartSvg(svg, this.heading, this.legend).text, `${this.name}.svg`, 'image/svg+xml');
  }

  private async downloadPng() {
    const svg = this.svg();
    if (!svg) return;
    const { text, width, height } = chartSvg(svg, this.heading, this.legend);
    downloadBlob(await svgToPng(text, width, height), `${this.name}.png`);
  }

  private downloadCsv() {
    if (this.table) downloadCsv(this.table, this.lang, this.name);
  }
}

customElements.define('lr-chart', LrChart);

declare global {
  interface HTMLElementTagNameMap { 'lr-chart': LrChart }
}

/**
 * A chart reads as one image named by its heading: Plot labels its inner groups ("line", "bar", "tip"),
 * which ARIA does not allow on elements without a role and which say nothing a reader needs (kept as
 * data-mark); the numbers themselves are in the table and the CSV beside every chart. Plot redraws
 * its tip as the pointer moves, so what it adds later is treated the same way; returns the observer.
 */
function labelAsImage(figure: Element, heading: string): MutationObserver {
  const svgs = figure instanceof SVGSVGElement ? [figure] : [...figure.querySelectorAll('svg')];
  for (const svg of svgs) {
    // A legend's colour swatches sit beside their text labels: nothing to announce on their own.
    if (svg.closest('.plot-swatches')) {
      svg.setAttribute('aria-hidden', 'true');
      continue;
    }
    svg.setAttribute('role', 'img');
    if (heading) svg.setAttribute('aria-label', heading);
  }
  const unlabel = (root: Element) => {
    for (const el of [root, ...root.querySelectorAll('[aria-label], [aria-description]')]) {
      if (el instanceof SVGSVGElement && el.getAttribute('role') === 'img') continue;
      // Plot's name for the mark stays, for styles and exports: data-mark="tip", "y-axis tick label".
      const mark = el.getAttribute('aria-label');
      if (mark) el.setAttribute('data-mark', mark);
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
  };
  for (const svg of svgs) for (const child of svg.children) unlabel(child);
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) unlabel(n);
  });
  observer.observe(figure, { childList: true, subtree: true });
  return observer;
}
