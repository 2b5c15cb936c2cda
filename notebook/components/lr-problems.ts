/**
 * <lr-problems>: a scenario's problems as the engine states them — the field's JSON path, the
 * value found, what was expected — in the chosen language. A path is a button that emits
 * `focus-path`, so the editor can take you to the field. Text only: nothing from the scenario is
 * ever read as HTML.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L } from '../lib/format';
import type { Problem } from '../../engine/problem';

export class LrProblems extends LangElement {
  static override properties = { problems: { attribute: false }, heading: {}, error: {} };
  problems: readonly Problem[] = [];
  heading = '';
  /** An engine failure that is not a scenario problem (shown as is). */
  error = '';

  static override styles = [
    base,
    css`
      :host { border: 1px solid #e6b4b0; background: #fff6f5; border-radius: 8px; padding: 0.6rem 0.8rem; }
      h3 { margin: 0 0 0.3rem; font-size: 1rem; color: #a8201a; }
      ol { margin: 0; padding-left: 1.4rem; }
      li { margin: 0.25rem 0; font-size: 0.9rem; }
      code { font-size: 0.8rem; background: #fbe9e7; padding: 0 0.25rem; border-radius: 3px; }
      .hint { color: #55554f; font-size: 0.82rem; }
    `,
  ];

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    return html`
      <h3 role="alert">${this.heading || (this.error && this.problems.length === 0
        ? T('引擎内部错误（引擎缺陷，并非情景有误）', 'Internal engine error (a bug in the engine, not in the scenario)')
        : T(`情景有 ${this.problems.length} 处问题，未能运行`, `The scenario has ${this.problems.length} problem(s) and did not run`))}</h3>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      <ol data-problems>
        ${this.problems.map(
          (p) => html`<li data-problem-path=${p.path} data-code=${p.code}>
            ${p.path
              ? html`<button class="linklike" @click=${() => this.dispatchEvent(new CustomEvent('focus-path', { bubbles: true, composed: true, detail: p.path }))}><code>${p.path}</code></button>`
              : html`<code>${p.file ?? T('（整个文件）', '(whole file)')}</code>`}
            ${this.lang === 'en' ? p.message.en : p.message.zh}
            ${p.hint ? html`<div class="hint">${p.hint}</div>` : nothing}
          </li>`,
        )}
      </ol>
    `;
  }
}

customElements.define('lr-problems', LrProblems);

declare global {
  interface HTMLElementTagNameMap { 'lr-problems': LrProblems }
}
