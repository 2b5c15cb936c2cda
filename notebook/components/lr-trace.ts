/**
 * <lr-trace>: the trace of a clicked figure — the postings behind it (period, from → to, amount,
 * rule, parcel), the rules with their references, and the parameter values those rules read with
 * their sources and confidence — and whether the postings add up to the figure shown, to the fen.
 * A side panel; Escape or the close button emits `close`.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { base } from '../lib/styles';
import { formatMoney, L, unitShort, type Lang, type MoneyUnit } from '../lib/format';
import { downloadCsv } from '../lib/export';
import type { TraceAnswer } from '../lib/trace';
import type { PostingRow } from '../../engine/report';
import type { Column, Table } from '../../engine/presentation/tables';

export class LrTrace extends LitElement {
  static override properties = { answer: { attribute: false }, loading: { type: Boolean }, error: {}, lang: {}, unit: {}, accounts: { attribute: false } };
  declare answer: TraceAnswer | null;
  declare loading: boolean;
  declare error: string;
  declare lang: Lang;
  declare unit: MoneyUnit;
  /** Account names by id, from the result, for readable from → to columns. */
  declare accounts: Map<string, { zh: string; en: string }>;

  constructor() {
    super();
    this.answer = null;
    this.loading = false;
    this.error = '';
    this.lang = 'zh';
    this.unit = 'wan';
    this.accounts = new Map();
  }

  static override styles = [
    base,
    css`
      :host { position: fixed; top: 0; right: 0; bottom: 0; width: min(44rem, 100vw); background: #fff; box-shadow: -6px 0 24px rgba(0,0,0,0.15); z-index: 20; overflow: auto; padding: 0.8rem 1rem 2rem; }
      header { display: flex; justify-content: space-between; align-items: start; gap: 1rem; }
      h2 { font-size: 1.15rem; }
      table { border-collapse: collapse; font-size: 0.82rem; width: 100%; }
      th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
      th { background: #fafaf7; position: sticky; top: 0; }
      .ok { color: #216e39; font-weight: 600; }
      .bad { color: #a8201a; font-weight: 600; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; font-size: 0.88rem; }
      dt { color: #55554f; }
      code { font-size: 0.8rem; }
    `,
  ];

  override firstUpdated() {
    (this.renderRoot.querySelector('button.close') as HTMLButtonElement | null)?.focus();
    this.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('answer') && this.answer) (this.renderRoot.querySelector('button.close') as HTMLButtonElement | null)?.focus();
  }

  private close() {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }

  private acct(id: string): string {
    const n = this.accounts.get(id);
    return n ? (this.lang === 'en' ? n.en : n.zh) : id;
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const a = this.answer;
    const q = a?.query;
    const scope = q ? [q.period, q.year !== undefined ? `${q.year}${T('年', '')}` : '', q.parcel, q.zone].filter(Boolean).join(' · ') : '';
    return html`
      <header>
        <h2 id="trace-title">${T('数字溯源', 'Trace')}${a ? html`：${this.lang === 'en' ? a.label.en : a.label.zh}` : nothing}</h2>
        <button class="close" @click=${() => this.close()} aria-label=${T('关闭', 'Close')}>✕</button>
      </header>
      ${this.loading ? html`<p class="muted">${T('正在查找分录…', 'Finding the postings…')}</p>` : nothing}
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${a ? this.body(a, scope) : nothing}
    `;
  }

  private body(a: TraceAnswer, scope: string) {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    if (!a.known) return html`<p class="note">${T('这个数字还没有对应的分录规则。', 'This figure is not traced to postings yet.')}</p>`;
    if (a.derived) return html`<p class="note" data-derived>${T('这个数字由其他数字计算得出，没有自己的分录：', 'This figure is computed from others and has no postings of its own: ')}${this.lang === 'en' ? a.derived.en : a.derived.zh}${a.derived.from.length ? html` <span class="muted">(${a.derived.from.join(', ')})</span>` : nothing}</p>`;
    const table: Table = {
      name: 'trace', zh: '溯源分录', en: 'Trace postings',
      columns: [
        { key: 'period', zh: '期间', en: 'Period', kind: 'text', get: (r) => (r as PostingRow).period },
        { key: 'from', zh: '付出账户', en: 'From', kind: 'text', get: (r) => (r as PostingRow).from },
        { key: 'to', zh: '收入账户', en: 'To', kind: 'text', get: (r) => (r as PostingRow).to },
        { key: 'amount', zh: '金额（元）', en: 'Amount (yuan)', kind: 'money', get: (r) => (r as PostingRow).amount },
        { key: 'rule', zh: '规则', en: 'Rule', kind: 'text', get: (r) => (r as PostingRow).rule },
        { key: 'parcel', zh: '宗地', en: 'Parcel', kind: 'text', get: (r) => (r as PostingRow).parcel ?? '' },
        { key: 'zone', zh: '片区', en: 'Zone', kind: 'text', get: (r) => (r as PostingRow).zone ?? '' },
      ] as Column<unknown>[],
      rows: a.postings,
    };
    return html`
      <dl>
        <dt>${T('范围', 'Scope')}</dt><dd>${scope || T('全部期间', 'whole timeline')}</dd>
        <dt>${T('显示数字', 'Figure shown')}</dt><dd class="num" style="text-align:left">${a.query.value ?? '—'} 元</dd>
        <dt>${T('分录合计', 'Postings sum')}</dt><dd style="text-align:left" data-trace-sum=${a.sum}>${a.sum} 元 (${formatMoney(a.sum, this.unit)} ${unitShort(this.unit)})
          ${a.agrees === null ? nothing : a.agrees ? html`<span class="ok" data-agrees="true">✓ ${T('与显示数字一致，精确到分', 'equals the figure, to the fen')}</span>` : html`<span class="bad" data-agrees="false">✗ ${T('与显示数字不一致', 'differs from the figure')}</span>`}</dd>
        <dt>${T('分录笔数', 'Postings')}</dt><dd>${a.count}${a.count > a.postings.length ? T(`（显示前 ${a.postings.length} 笔）`, ` (first ${a.postings.length} shown)`) : ''}</dd>
      </dl>
      <h3>${T('规则', 'Rules')}</h3>
      <ul>${a.rules.map((r) => html`<li><code>${r.id}</code> ${r.sign < 0 ? '−' : '+'} ${this.lang === 'en' ? r.en : r.zh} <span class="muted">（${r.ref}）</span></li>`)}</ul>
      <h3>${T('参数及来源', 'Parameters and their sources')}</h3>
      ${a.parameters.length === 0
        ? html`<p class="muted">${T('这些规则不读取政策参数（金额直接来自情景输入）。', 'These rules read no policy parameter (the amounts come from the scenario inputs).')}</p>`
        : html`<table>
            <thead><tr><th>${T('参数', 'Parameter')}</th><th>${T('取值', 'Value')}</th><th>${T('来源', 'Source')}</th><th>${T('可信度', 'Confidence')}</th></tr></thead>
            <tbody>${a.parameters.map((p) => html`<tr data-parameter=${p.key}><td><code>${p.key}</code></td><td>${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}</td><td>${p.source}${p.from ? html` <span class="muted">(${T('自', 'from')} ${p.from})</span>` : nothing}</td><td>${p.confidence}${p.overridden ? T('（情景覆盖）', ' (scenario override)') : ''}</td></tr>`)}</tbody>
          </table>`}
      <h3>${T('分录', 'Postings')} <button @click=${() => downloadCsv(table, this.lang, `trace-${a.query.metric}`)} data-export="csv">CSV</button></h3>
      <table data-postings>
        <thead><tr><th>${T('期间', 'Period')}</th><th>${T('付出 → 收入', 'From → to')}</th><th class="num">${T('金额', 'Amount')}（${unitShort(this.unit)}）</th><th>${T('规则', 'Rule')}</th><th>${T('宗地', 'Parcel')}</th></tr></thead>
        <tbody>${a.postings.map((p) => html`<tr><td>${p.period}</td><td>${this.acct(p.from)} → ${this.acct(p.to)}</td><td class="num" title="${p.amount} 元">${formatMoney(p.amount, this.unit)}</td><td><code>${p.rule}</code></td><td>${p.parcel ?? ''}</td></tr>`)}</tbody>
      </table>
    `;
  }
}

customElements.define('lr-trace', LrTrace);

declare global {
  interface HTMLElementTagNameMap { 'lr-trace': LrTrace }
}
