/**
 * <lr-evaluation-inputs>: the inputs of an evaluation's indicator formulas (计划投入资金, each
 * tranche of 实际到位资金 and 应到位资金 with its date, outputs, costs) as fields. Amounts are
 * text with their unit ("4205.07万元"; a bare number keeps the unit of the value it replaces).
 * Each change goes out as `input-edit` ({key, value}; value null to go back to the file's); the
 * engine's problems for a field are shown beside it.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L, tx } from '../lib/format';
import type { InputField } from '../lib/score-tree-view';

export class LrEvaluationInputs extends LangElement {
  static override properties = { fields: { attribute: false } };
  fields: readonly InputField[] = [];

  static override styles = [base, css`
    :host { display: block; }
    .grid { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: start; }
    label { display: flex; flex-direction: column; font-size: 0.82rem; color: #3b3b37; }
    input { width: 10rem; padding: 0.15rem 0.3rem; }
    input[type='date'] { width: 9.5rem; }
    input.edited { outline: 2px solid #d9a52b; }
    .orig { font-size: 0.72rem; color: #8a8a82; }
    .err { color: #a8201a; font-size: 0.75rem; max-width: 22ch; }
    button.reset { font-size: 0.72rem; padding: 0 0.3rem; margin-left: 0.3rem; }
  `];

  private emit(key: string, value: string | null) {
    this.dispatchEvent(new CustomEvent('input-edit', { bubbles: true, composed: true, detail: { key, value } }));
  }

  override render() {
    return html`<div class="grid">${this.fields.map((f) => this.field(f))}</div>`;
  }

  private field(f: InputField) {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const label = `${tx(f.label, this.lang)}${f.part ? ` ${tx(f.part, this.lang)}` : ''}${f.type === 'date' ? T('日期', ' date') : ''}`;
    return html`<label data-input=${f.key}>
      <span>${label}${f.edited ? html`<button class="reset linklike" title=${T('还原为原文数值', 'back to the source value')} @click=${(e: Event) => { e.preventDefault(); this.emit(f.key, null); }}>${T('还原', 'reset')}</button>` : nothing}</span>
      <input name=${f.key} type=${f.type} class=${f.edited ? 'edited' : ''} .value=${f.value} aria-invalid=${String(f.problems.length > 0)}
        @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v !== '') this.emit(f.key, v === f.original ? null : v); }}
        @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; this.emit(f.key, v === '' || v === f.original ? null : v); }} />
      ${f.edited ? html`<span class="orig">${T('原文', 'source')}：${f.original}</span>` : nothing}
      ${f.problems.map((p) => html`<span class="err" data-problem=${p.path}>${this.lang === 'en' ? p.message.en : p.message.zh}</span>`)}
    </label>`;
  }
}

customElements.define('lr-evaluation-inputs', LrEvaluationInputs);

declare global {
  interface HTMLElementTagNameMap { 'lr-evaluation-inputs': LrEvaluationInputs }
}
