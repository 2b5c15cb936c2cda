/**
 * <lr-checks>: every check of a run — invariants (the ledger balances, funds stay non-negative,
 * sources equal uses, splits are exact) and rule checks (fees over caps, leases over two years) —
 * failures first; information notes (unverified default parameters) folded away.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L } from '../lib/format';
import type { Check } from '../../engine/check';

export class LrChecks extends LangElement {
  static override properties = { checks: { attribute: false } };
  checks: readonly Check[] = [];

  static override styles = [
    base,
    css`
      :host { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.6rem 0.8rem; }
      h3 { margin: 0 0 0.3rem; font-size: 1rem; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: grid; grid-template-columns: 1.4rem 1fr; gap: 0.3rem; padding: 0.2rem 0; border-bottom: 1px solid #f1f1ec; font-size: 0.88rem; }
      .ok { color: #216e39; }
      .fail { color: #a8201a; font-weight: 700; }
      .info { color: #6b6b66; }
      code { font-size: 0.78rem; color: #55554f; }
      summary { cursor: pointer; font-size: 0.85rem; color: #55554f; margin-top: 0.3rem; }
    `,
  ];

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const main = this.checks.filter((c) => c.severity !== 'info');
    const info = this.checks.filter((c) => c.severity === 'info');
    const failed = main.filter((c) => !c.ok);
    const sorted = [...failed, ...main.filter((c) => c.ok)];
    return html`
      <h3>${T('检查', 'Checks')} <span class="muted">${T(`${main.length} 项，${failed.length} 项未通过`, `${main.length} checks, ${failed.length} failed`)}</span></h3>
      <ul data-checks>${sorted.map((c) => this.item(c))}</ul>
      ${info.length ? html`<details><summary>${T(`另有 ${info.length} 条提示`, `${info.length} notes`)}</summary><ul>${info.map((c) => this.item(c))}</ul></details>` : nothing}
    `;
  }

  private item(c: Check) {
    const mark = c.severity === 'info' ? 'ℹ' : c.ok ? '✓' : '✗';
    const cls = c.severity === 'info' ? 'info' : c.ok ? 'ok' : 'fail';
    return html`<li data-check=${c.id} data-ok=${String(c.ok)}><span class=${cls} aria-label=${c.ok ? 'ok' : 'failed'}>${mark}</span>
      <span>${this.lang === 'en' ? c.message : c.messageZh} <code>${c.id}${c.ref ? ` · ${c.ref}` : ''}</code></span></li>`;
  }
}

customElements.define('lr-checks', LrChecks);

declare global {
  interface HTMLElementTagNameMap { 'lr-checks': LrChecks }
}
