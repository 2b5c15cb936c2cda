/**
 * <lr-slider>: a labelled range input with its value written beside it. Keyboard-usable (it is a
 * native range input with a <label>); emits `value-input` with the new value as text on every
 * move, so the page can ask the worker at once (the worker client keeps only the latest).
 */
import { LitElement, html, css, nothing } from 'lit';
import { base } from '../lib/styles';

export class LrSlider extends LitElement {
  static override properties = { name: {}, label: {}, min: { type: Number }, max: { type: Number }, step: { type: Number }, value: { type: Number }, valueText: { attribute: 'value-text' }, disabled: { type: Boolean, reflect: true }, note: {} };
  name = '';
  label = '';
  min = 0;
  max = 100;
  step = 1;
  value = 0;
  valueText = '';
  disabled = false;
  note = '';

  static override styles = [
    base,
    css`
      :host { display: inline-block; min-width: 14rem; }
      :host([disabled]) { opacity: 0.55; }
      label { display: block; font-size: 0.85rem; color: #3b3b37; }
      .row { display: flex; align-items: center; gap: 0.5rem; }
      input[type='range'] { flex: 1; accent-color: #1f5f8b; min-width: 9rem; }
      output { font-variant-numeric: tabular-nums; min-width: 4.5rem; font-weight: 600; }
      .note { font-size: 0.75rem; margin: 0.2rem 0 0; padding: 0.15rem 0.4rem; }
    `,
  ];

  override render() {
    return html`
      <label for="r">${this.label}</label>
      <div class="row">
        <input id="r" type="range" name=${this.name} data-control=${this.name} .min=${String(this.min)} .max=${String(this.max)} .step=${String(this.step)}
          .value=${String(this.value)} ?disabled=${this.disabled} aria-valuetext=${this.valueText || String(this.value)}
          @input=${(e: Event) => this.emit((e.target as HTMLInputElement).value)} />
        <output for="r" aria-live="off">${this.valueText || String(this.value)}</output>
      </div>
      ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
    `;
  }

  private emit(value: string) {
    this.dispatchEvent(new CustomEvent('value-input', { bubbles: true, composed: true, detail: { name: this.name, value } }));
  }
}

customElements.define('lr-slider', LrSlider);

declare global {
  interface HTMLElementTagNameMap { 'lr-slider': LrSlider }
}
