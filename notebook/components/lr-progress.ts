/**
 * <lr-progress>: how far a long computation in a worker has come, and a way to stop it. While
 * `running`, it shows a progress bar (indeterminate until `total` is known) with "done / total"
 * and a Cancel button that emits `cancel`; otherwise it shows `note` (how long the last run took,
 * or that it was cancelled). It only draws; the page owns the run.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L } from '../lib/format';

export class LrProgress extends LangElement {
  static override properties = { running: { type: Boolean, reflect: true }, done: { type: Number }, total: { type: Number }, what: {}, note: {} };
  running = false;
  done = 0;
  total = 0;
  /** What is counted ("次" / "runs"), shown after the numbers. */
  what = '';
  note = '';

  static override styles = [base, css`
    :host { display: flex; align-items: center; gap: 0.6rem; min-height: 1.9rem; font-size: 0.85rem; color: #55554f; flex-wrap: wrap; }
    progress { width: min(22rem, 60vw); height: 0.9rem; accent-color: #1f5f8b; }
    .count { font-variant-numeric: tabular-nums; }
  `];

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    if (!this.running) return this.note ? html`<span data-note>${this.note}</span>` : nothing;
    const known = this.total > 0;
    const pct = known ? Math.floor((this.done / this.total) * 100) : 0;
    return html`
      ${known
        ? html`<progress data-progress max=${this.total} .value=${this.done} aria-label=${T('进度', 'Progress')}></progress>
            <span class="count" data-count>${T(`已完成 ${this.done} / ${this.total} ${this.what}（${pct}%）`, `${this.done} of ${this.total} ${this.what} (${pct}%)`)}</span>`
        : html`<progress data-progress aria-label=${T('正在计算', 'Computing')}></progress><span>${T('正在计算…', 'Computing…')}</span>`}
      <button data-cancel @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${T('取消', 'Cancel')}</button>
    `;
  }
}

customElements.define('lr-progress', LrProgress);

declare global {
  interface HTMLElementTagNameMap { 'lr-progress': LrProgress }
}
