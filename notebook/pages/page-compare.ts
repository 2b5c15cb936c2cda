import { html } from 'lit';
import { NotebookPage } from './page-base';
export class Pagecompare extends NotebookPage {
  static override properties = { user: { attribute: false } };
  declare user: unknown;
  override render() { return html`<h2>compare</h2>`; }
}
customElements.define('lr-page-compare', Pagecompare);
