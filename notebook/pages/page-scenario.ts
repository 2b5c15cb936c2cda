import { html } from 'lit';
import { NotebookPage } from './page-base';
export class Pagescenario extends NotebookPage {
  static override properties = { user: { attribute: false } };
  declare user: unknown;
  override render() { return html`<h2>scenario</h2>`; }
}
customElements.define('lr-page-scenario', Pagescenario);
