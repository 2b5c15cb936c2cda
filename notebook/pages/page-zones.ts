import { html } from 'lit';
import { NotebookPage } from './page-base';
export class Pagezones extends NotebookPage {
  static override properties = { user: { attribute: false } };
  declare user: unknown;
  override render() { return html`<h2>zones</h2>`; }
}
customElements.define('lr-page-zones', Pagezones);
