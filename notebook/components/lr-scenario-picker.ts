/**
 * <lr-scenario-picker>: the scenarios the notebook knows, grouped — the bundled files, their
 * variants and stress tests, and the ones saved in this browser — with the current one selected.
 * A choice goes out as `pick` with the scenario's ref; a ref that is not here (a link to another
 * browser's scenario) is shown as not found rather than silently replaced.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L, tx } from '../lib/format';
import type { LibraryEntry } from '../lib/library';

export class LrScenarioPicker extends LangElement {
  static override properties = { entries: { attribute: false }, selected: {}, ready: { type: Boolean } };
  entries: LibraryEntry[] = [];
  selected = '';
  ready = false;

  static override styles = [base, css`
    :host { display: inline-block; }
    label { font-size: 0.85rem; }
    select { max-width: 26rem; padding: 0.15rem; }
  `];

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const option = (x: LibraryEntry) => html`<option value=${x.ref} ?selected=${x.ref === this.selected}>${tx(x.name, this.lang)}</option>`;
    const group = (label: string, list: LibraryEntry[]) => (list.length ? html`<optgroup label=${label}>${list.map(option)}</optgroup>` : nothing);
    const bundled = this.entries.filter((x) => x.source === 'bundled');
    return html`<label>${T('情景', 'Scenario')}
      <select data-picker @change=${(e: Event) => this.dispatchEvent(new CustomEvent('pick', { detail: (e.target as HTMLSelectElement).value }))}>
        ${group(T('内置情景', 'Bundled'), bundled.filter((x) => !x.ref.includes('/')))}
        ${group(T('变体与压力测试', 'Variants and stress tests'), bundled.filter((x) => x.ref.includes('/')))}
        ${group(T('本浏览器保存', 'Saved in this browser'), this.entries.filter((x) => x.source === 'user'))}
        ${this.ready && !this.entries.some((x) => x.ref === this.selected) ? html`<option value=${this.selected} selected>${this.selected}（${T('未找到', 'not found')}）</option>` : nothing}
      </select></label>`;
  }
}

customElements.define('lr-scenario-picker', LrScenarioPicker);

declare global {
  interface HTMLElementTagNameMap { 'lr-scenario-picker': LrScenarioPicker }
}
