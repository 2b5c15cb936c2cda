/**
 * <lr-kpis>: a row of headline figures. Each figure is a button that asks for its trace; a
 * figure the engine does not produce yet shows "—" with the reason beneath.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { formatMoney, unitShort, L, type MoneyUnit } from '../lib/format';
import type { TraceQuery } from '../lib/trace';

export interface Kpi {
  key: string;
  label: string;
  /** 元 string; null when the engine has no such figure (yet). */
  value: string | null;
  /** Shown instead of a money figure (a ratio, a count). */
  text?: string;
  hint?: string;
  trace?: TraceQuery | null;
  tone?: 'good' | 'bad' | null;
}

export class LrKpis extends LangElement {
  static override properties = { items: { attribute: false }, unit: {} };
  items: Kpi[] = [];
  unit: MoneyUnit = 'wan';

  static override styles = [
    base,
    css`
      ul { list-style: none; margin: 0.4rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr)); gap: 0.5rem; }
      li { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.45rem 0.7rem; }
      .label { font-size: 0.82rem; color: #55554f; }
      .value { font-size: 1.25rem; font-weight: 620; font-variant-numeric: tabular-nums; }
      .value button { border: none; background: none; padding: 0; font: inherit; color: inherit; cursor: pointer; text-decoration: underline dotted #9ab; text-underline-offset: 3px; }
      .value button:hover { color: #1f5f8b; }
      .u { font-size: 0.78rem; color: #6b6b66; margin-left: 0.2rem; }
      .hint { font-size: 0.75rem; color: #8a6d1f; }
      .good .value { color: #216e39; }
      .bad .value { color: #a8201a; }
    `,
  ];

  override render() {
    return html`<ul>${this.items.map((k) => this.card(k))}</ul>`;
  }

  private card(k: Kpi) {
    const shown = k.text ?? formatMoney(k.value, this.unit);
    const unit = k.text !== undefined || k.value === null ? '' : unitShort(this.unit);
    const trace = k.trace && k.value !== null ? k.trace : null;
    return html`<li class=${k.tone ?? ''} data-kpi=${k.key}>
      <div class="label">${k.label}</div>
      <div class="value">
        ${trace
          ? html`<button title="${k.value} 元 · ${L(this.lang, '点击查看来源', 'click for its trace')}"
              @click=${() => this.dispatchEvent(new CustomEvent('trace', { bubbles: true, composed: true, detail: { ...trace, value: k.value } }))}>${shown}</button>`
          : html`<span title=${k.value ? `${k.value} 元` : ''}>${shown}</span>`}<span class="u">${unit}</span>
      </div>
      ${k.hint ? html`<div class="hint">${k.hint}</div>` : nothing}
    </li>`;
  }
}

customElements.define('lr-kpis', LrKpis);

declare global {
  interface HTMLElementTagNameMap { 'lr-kpis': LrKpis }
}
