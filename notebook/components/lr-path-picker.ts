/**
 * <lr-path-picker>: pick a scenario input or a result output by its label, or type any JSON path
 * ("parcels[2].sale.price", "zones[\"EAST\"].balance"). Emits `path-change` with the path ('' for
 * "none" when `optional`); the page checks the path with the engine and shows its problems.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L } from '../lib/format';
import type { Choice } from '../lib/analysis-catalog';

const CUSTOM = '__custom__';

export class LrPathPicker extends LangElement {
  static override properties = { choices: { attribute: false }, value: {}, label: {}, name: {}, optional: { type: Boolean }, _custom: { state: true } };
  choices: readonly Choice[] = [];
  value = '';
  label = '';
  name = '';
  optional = false;
  _custom = false;

  static override styles = [base, css`
    :host { display: inline-flex; flex-direction: column; gap: 0.15rem; font-size: 0.85rem; color: #3b3b37; }
    select { max-width: 22rem; padding: 0.15rem; }
    input { width: 22rem; max-width: 70vw; padding: 0.15rem 0.3rem; font-family: ui-monospace, monospace; font-size: 0.8rem; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('value') || changed.has('choices')) this._custom = !!this.value && !this.choices.some((c) => c.path === this.value);
  }

  private emit(path: string) {
    this.dispatchEvent(new CustomEvent('path-change', { bubbles: true, composed: true, detail: { name: this.name, path } }));
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const selected = this._custom ? CUSTOM : this.value;
    return html`
      <label for="s">${this.label}</label>
      <select id="s" data-picker=${this.name} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        if (v === CUSTOM) { this._custom = true; return; }
        this._custom = false;
        this.emit(v);
      }}>
        ${this.optional ? html`<option value="" ?selected=${selected === ''}>${T('（无）', '(none)')}</option>` : nothing}
        ${this.choices.map((c) => html`<option value=${c.path} ?selected=${c.path === selected}>${this.lang === 'en' ? c.en : c.zh}</option>`)}
        <option value=${CUSTOM} ?selected=${selected === CUSTOM}>${T('其他 JSON 路径…', 'Another JSON path…')}</option>
      </select>
      ${this._custom
        ? html`<input type="text" data-path=${this.name} .value=${this.value} spellcheck="false" placeholder=${T('如 parcels[0].sale.price', 'e.g. parcels[0].sale.price')}
            aria-label=${T(`${this.label}：JSON 路径`, `${this.label}: JSON path`)} @change=${(e: Event) => this.emit((e.target as HTMLInputElement).value.trim())} />`
        : nothing}
    `;
  }
}

customElements.define('lr-path-picker', LrPathPicker);

declare global {
  interface HTMLElementTagNameMap { 'lr-path-picker': LrPathPicker }
}
