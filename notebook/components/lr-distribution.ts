/**
 * <lr-distribution>: one Monte Carlo input and its distribution — on or off, which kind (uniform,
 * triangular, normal, lognormal), its parameters and an optional clamp. It takes the engine's text
 * form ("normal(0, 50) clamp(-150, 150) integer") and emits `distribution-change` with the new
 * text ('off' when switched off) once a field is committed; the page checks it and shows `error`.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L, type Text } from '../lib/format';
import { DIST_NAMES, DIST_PARAMS, distributionFields, fieldsText, switchKind, type DistFields, type DistKind } from '../lib/distribution-text';

export class LrDistribution extends LangElement {
  static override properties = { name: {}, label: {}, text: {}, on: { type: Boolean }, integer: { type: Boolean }, error: { attribute: false } };
  name = '';
  label = '';
  text = '';
  on = true;
  integer = false;
  error: Text | null = null;
  private fields: DistFields = distributionFields('');

  static override styles = [base, css`
    :host { display: grid; grid-template-columns: minmax(9rem, 13rem) 8.5rem minmax(18rem, 1fr) minmax(10rem, 17rem); gap: 0.2rem 0.6rem; align-items: start; padding: 0.3rem 0; border-bottom: 1px solid #eee; font-size: 0.85rem; }
    @media (max-width: 900px) { :host { grid-template-columns: 1fr 1fr; } }
    input[type='text'] { width: 5.2rem; padding: 0.1rem 0.25rem; font-variant-numeric: tabular-nums; }
    label.p { display: inline-flex; flex-direction: column; margin-right: 0.35rem; font-size: 0.75rem; color: #55554f; }
    .err { color: #a8201a; font-size: 0.8rem; display: block; }
    code { font-size: 0.75rem; color: #55554f; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('text')) this.fields = distributionFields(this.text);
  }

  private emit(text: string) {
    this.dispatchEvent(new CustomEvent('distribution-change', { bubbles: true, composed: true, detail: { name: this.name, text } }));
  }

  private put(f: DistFields) {
    this.fields = f;
    this.emit(fieldsText(f));
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const f = this.fields;
    const param = (label: string, value: string, set: (v: string) => DistFields, key: string) => html`<label class="p">${label}
      <input type="text" inputmode="decimal" data-param=${key} .value=${value} ?disabled=${!this.on} @change=${(e: Event) => this.put(set((e.target as HTMLInputElement).value.trim()))} /></label>`;
    return html`
      <div data-input=${this.name}><label><input type="checkbox" data-on .checked=${this.on} @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked ? fieldsText(f) : 'off')} /> ${this.label}</label></div>
      <div><select data-kind aria-label=${T(`${this.label}：分布`, `${this.label}: distribution`)} ?disabled=${!this.on} @change=${(e: Event) => this.put(switchKind(f, (e.target as HTMLSelectElement).value as DistKind))}>
        ${(Object.keys(DIST_PARAMS) as DistKind[]).map((k) => html`<option value=${k} ?selected=${k === f.kind}>${T(DIST_NAMES[k].zh, DIST_NAMES[k].en)}</option>`)}
      </select></div>
      <div>
        ${DIST_PARAMS[f.kind].map((p, i) => param(T(p.zh, p.en), f.args[i] ?? '', (v) => ({ ...f, args: f.args.map((a, j) => (j === i ? v : a)) }), p.key))}
        ${param(T('下限', 'floor'), f.clamp[0], (v) => ({ ...f, clamp: [v, f.clamp[1]] }), 'clamp-min')}
        ${param(T('上限', 'cap'), f.clamp[1], (v) => ({ ...f, clamp: [f.clamp[0], v] }), 'clamp-max')}
        ${this.on && this.error ? html`<span class="err" role="alert">${T(this.error.zh, this.error.en)}</span>` : nothing}
      </div>
      <div><code>${this.on ? this.text : T('不抽样（取基准值）', 'not drawn (base value)')}</code>${this.integer ? html`<br /><span class="muted">${T('取整', 'whole numbers')}</span>` : nothing}</div>
    `;
  }
}

customElements.define('lr-distribution', LrDistribution);

declare global {
  interface HTMLElementTagNameMap { 'lr-distribution': LrDistribution }
}
