/**
 * 情景编辑 — the scenario's inputs as a form generated from the JSON Schema, validated by the
 * engine as you type (in the worker), with every problem at its field. Load a file (it is kept in
 * this browser even when it has problems, so you can fix it here), save to a file or to the
 * browser (IndexedDB), or edit the JSON as text. A file that is not JSON shows where it breaks.
 * A parcel list in .xlsx replaces the scenario's parcels; a refused sheet is drawn with each
 * problem at its cell (the workbook library loads only when a workbook is uploaded).
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { MAX_FILE_BYTES } from '../../engine/limits';
import { NotebookPage } from './notebook-page';
import { pageStyles } from '../lib/styles';
import { RunController } from '../lib/run-controller';
import { removeAt, SCENARIO_SCHEMA } from '../lib/schema-walk';
import { downloadText, fileName } from '../lib/export';
import { tx } from '../lib/format';
import { setAt, type PathSegment } from '../../engine/scenario/json-path';
import type { Problem } from '../../engine/problem';
import type { SheetGrid } from '../../engine/xlsx/sheet-grid';
import type { Kpi } from '../components/lr-kpis';
import type { LrSchemaForm } from '../components/lr-schema-form';
import '../components/lr-schema-form';
import '../components/lr-problems';
import '../components/lr-kpis';
import '../components/lr-checks';
import '../components/lr-sheet-grid';

let drafts = 0;

export class PageScenario extends NotebookPage {
  static override properties = { ...NotebookPage.properties, _draft: { state: true }, _text: { state: true }, _jsonError: { state: true }, _asText: { state: true }, _dirty: { state: true }, _sheet: { state: true } };
  /** The scenario being edited (any JSON value: it may be wrong). */
  _draft: unknown = null;
  /** The JSON text when editing as text, or a file that did not parse. */
  _text: string = '';
  _jsonError: string = '';
  _asText: boolean = false;
  _dirty: boolean = false;
  /** The last uploaded parcel sheet and its problems (none: its parcels were taken). */
  _sheet: { grid: SheetGrid | null; problems: Problem[]; count: number; file: string } | null = null;
  private runner = new RunController(this, 'editor');
  private sourceKey = '';

  static override styles = [...pageStyles, css`
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.5rem 0; }
    .layout { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(18rem, 1fr); gap: 1rem; align-items: start; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
    .side { position: sticky; top: 0.5rem; display: flex; flex-direction: column; gap: 0.8rem; max-height: calc(100vh - 1rem); overflow: auto; }
    textarea { width: 100%; min-height: 30rem; font: 0.82rem/1.4 ui-monospace, monospace; }
    input[type='file'] { display: none; }
    label.upload { border: 1px solid #c9c9c2; background: #fff; border-radius: 6px; padding: 0.2rem 0.6rem; cursor: pointer; }
    .ok { color: #216e39; font-weight: 600; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('loaded') && this.loaded) {
      const l = this.loaded;
      const key = `${l.ref}|${l.text ?? ''}`;
      if (key !== this.sourceKey) {
        this.sourceKey = key;
        this._dirty = false;
        if (l.ok) { this._draft = l.scenario; this._jsonError = ''; this._text = ''; }
        else if (l.parsed !== undefined) { this._draft = l.parsed; this._jsonError = ''; this._text = ''; }
        else { this._draft = null; this._text = l.text ?? ''; this._jsonError = l.problems.map((p) => (this.lang === 'en' ? p.message.en : p.message.zh)).join('\n'); this._asText = l.text !== null; }
        this.runner.reset();
      }
    }
    if (this._draft !== null && (changed.has('_draft') || changed.has('loaded'))) this.runner.request(`draft:${++drafts}`, this._draft);
  }

  private problems(): Problem[] {
    const fromLoad = this.loaded && !this.loaded.ok && !this._dirty ? this.loaded.problems : [];
    const reply = this.runner.reply;
    const fromRun = reply && !reply.ok ? reply.problems : [];
    // Composition problems (a missing base file) and the engine's validation, once each.
    const seen = new Set<string>();
    return [...fromLoad, ...fromRun].filter((p) => { const k = `${p.code}|${p.path}|${p.message.en}`; if (seen.has(k)) return false; seen.add(k); return true; });
  }

  private onEdit(e: CustomEvent<{ path: PathSegment[]; value?: unknown; remove?: boolean }>) {
    const { path, value, remove } = e.detail;
    this._draft = remove ? removeAt(this._draft, path) : setAt(this._draft, path, value);
    this._dirty = true;
  }

  private onText(text: string) {
    this._text = text;
    try {
      this._draft = JSON.parse(text.replace(/^\uFEFF/, ''));
      this._jsonError = '';
      this._dirty = true;
    } catch (err) {
      this._jsonError = (err as Error).message;
    }
  }

  private draftText(): string {
    return this._draft === null ? this._text : JSON.stringify(this._draft, null, 2) + '\n';
  }

  private idOf(): string {
    const d = this._draft as { id?: unknown } | null;
    return typeof d?.id === 'string' && d.id ? d.id : this.loaded?.entry?.fileName.replace(/\.json$/, '') ?? 'scenario';
  }

  private keep() {
    const text = this.draftText();
    this.dispatchEvent(new CustomEvent('scenario-keep', { bubbles: true, composed: true, detail: { text, name: `${this.idOf()}.json` } }));
    this._dirty = false;
  }

  private async onUpload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || file.size > MAX_FILE_BYTES) return;
    const text = await file.text();
    this.dispatchEvent(new CustomEvent('scenario-keep', { bubbles: true, composed: true, detail: { text, name: file.name } }));
  }

  private async onParcelUpload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const [{ readSheetGrid }, { parcelsFromGrid, MAX_PARCEL_WORKBOOK_BYTES: limit }, { problem }] = await Promise.all([
      import('../../engine/xlsx/sheet-grid'), import('../../engine/scenario/parcel-workbook'), import('../../engine/problem'),
    ]);
    if (file.size > limit) {
      this._sheet = { grid: null, file: file.name, count: 0, problems: [problem('file.unreadable', file.name, file.size, { en: `a parcel workbook under ${limit} bytes`, zh: `小于 ${limit} 字节的宗地工作簿` })] };
      return;
    }
    const read = await readSheetGrid(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!read.ok) {
      this._sheet = { grid: null, file: file.name, count: 0, problems: [problem('file.unreadable', file.name, undefined, { en: 'an XLSX workbook', zh: 'XLSX 工作簿' }, { en: `${file.name}: ${read.reason.en}`, zh: `${file.name}：${read.reason.zh}` })] };
      return;
    }
    const rows = parcelsFromGrid(read.grid);
    this._sheet = { grid: read.grid, file: file.name, count: rows.parcels.length, problems: rows.problems };
    if (rows.problems.length === 0) {
      const draft = this._draft && typeof this._draft === 'object' && !Array.isArray(this._draft) ? this._draft as Record<string, unknown> : {};
      this._draft = { ...draft, parcels: rows.parcels };
      this._dirty = true;
    }
  }

  private focusPath(path: string) {
    const form = this.renderRoot.querySelector('lr-schema-form') as LrSchemaForm | null;
    if (this._asText || !form?.focusPath(path)) {
      const ta = this.renderRoot.querySelector('textarea');
      ta?.focus();
    }
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const l = this.loaded;
    const problems = this.problems();
    const reply = this.runner.reply;
    const result = reply?.ok && this._draft !== null ? reply.result : null;
    const isUser = l?.entry?.source === 'user';
    const kpis: Kpi[] = result ? [
      { key: 'saleRevenue', label: T('出让收入', 'Sale revenue'), value: result.totals.saleRevenue },
      { key: 'spending', label: T('土地储备成本', 'Reserve cost'), value: result.totals.spending },
      { key: 'valueAdded', label: T('增值收益', 'Value added'), value: result.totals.valueAdded },
    ] : [];
    return html`
      ${this.intro({ zh: '情景编辑：输入、校验与保存', en: 'Scenario: inputs, checks and saving' }, {
        zh: '表单由情景的 JSON Schema 生成；每改一处，引擎都会重新校验，问题直接标在对应字段旁（字段路径如 parcels[2].sale.price）。上传的文件即使有错也会保存在本浏览器，可在此逐项修正；保存后即可在其他页面使用。',
        en: 'The form is generated from the scenario JSON Schema; every edit is re-checked by the engine and each problem is shown at its field (paths such as parcels[2].sale.price). An uploaded file is kept in this browser even with problems, so it can be fixed here; once saved it is available on every page.',
      })}
      <div class="toolbar">
        <strong>${l?.entry ? tx(l.entry.name, this.lang) : l?.ref ?? ''}</strong>
        <span class="muted">${l?.entry ? (l.entry.source === 'bundled' ? T(`内置文件 scenarios/${l.entry.fileName}`, `bundled file scenarios/${l.entry.fileName}`) : T(`本浏览器保存（${l.entry.fileName}）`, `saved in this browser (${l.entry.fileName})`)) : ''}</span>
        <label class="upload">${T('上传情景文件…', 'Upload a scenario…')}<input type="file" accept=".json,application/json" data-upload-editor @change=${this.onUpload} /></label>
        <label class="upload">${T('上传宗地清单（XLSX）…', 'Upload a parcel list (XLSX)…')}<input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-upload-parcels @change=${this.onParcelUpload} /></label>
        <button data-keep @click=${() => this.keep()} ?disabled=${this._draft === null && !this._text}>${T('保存到本浏览器', 'Save in this browser')}</button>
        <button data-download @click=${() => downloadText(this.draftText(), `${fileName(this.idOf())}.json`, 'application/json')}>${T('下载 JSON 文件', 'Download JSON file')}</button>
        <button aria-pressed=${String(this._asText)} @click=${() => { if (!this._asText) this._text = this.draftText(); this._asText = !this._asText; }}>${T('以 JSON 文本编辑', 'Edit as JSON text')}</button>
        ${this._dirty ? html`<button @click=${() => { this.sourceKey = ''; this.requestUpdate('loaded'); }}>${T('放弃修改', 'Discard edits')}</button>` : nothing}
        ${isUser ? html`<button @click=${() => this.dispatchEvent(new CustomEvent('scenario-delete', { bubbles: true, composed: true, detail: l!.ref.slice('user:'.length) }))}>${T('从本浏览器删除', 'Delete from this browser')}</button>` : nothing}
        ${this._dirty ? html`<span class="muted">${T('有未保存的修改', 'unsaved edits')}</span>` : nothing}
      </div>
      ${this._sheet ? html`<section data-parcel-sheet>
        ${this._sheet.problems.length
          ? html`<p class="error">${T(`${this._sheet.file}：${this._sheet.problems.length} 处问题，宗地未导入`, `${this._sheet.file}: ${this._sheet.problems.length} problem(s); no parcels taken`)}</p>`
          : html`<p class="ok">✓ ${T(`已从 ${this._sheet.file} 导入 ${this._sheet.count} 宗地，替换了情景中的宗地`, `${this._sheet.count} parcel(s) taken from ${this._sheet.file}, replacing the scenario's parcels`)}</p>`}
        ${this._sheet.problems.length ? html`<lr-sheet-grid .grid=${this._sheet.grid} .problems=${this._sheet.problems} lang=${this.lang}></lr-sheet-grid>` : nothing}
      </section>` : nothing}
      ${l?.entry?.source === 'bundled' && this._dirty ? html`<p class="note">${T('内置情景不会被修改：“保存到本浏览器”会另存一份。', 'Bundled scenarios are never changed: “Save in this browser” keeps a copy.')}</p>` : nothing}
      <div class="layout">
        <div>
          ${this._asText || this._draft === null
            ? html`<label for="json" class="muted">${T('情景 JSON', 'Scenario JSON')}</label>
                <textarea id="json" spellcheck="false" aria-invalid=${this._jsonError ? 'true' : 'false'} aria-describedby="json-err" .value=${this._asText ? this._text : this._text}
                  @input=${(e: Event) => this.onText((e.target as HTMLTextAreaElement).value)}></textarea>
                ${this._jsonError ? html`<p class="error" id="json-err" role="alert" data-json-error>${this._jsonError}</p>` : nothing}`
            : html`<lr-schema-form .schema=${SCENARIO_SCHEMA} .value=${this._draft} .problems=${problems} lang=${this.lang} @form-edit=${this.onEdit}></lr-schema-form>`}
        </div>
        <aside class="side" aria-label=${T('校验结果', 'Validation')}>
          ${problems.length
            ? html`<lr-problems .problems=${problems} lang=${this.lang} @focus-path=${(e: CustomEvent<string>) => this.focusPath(e.detail)}
                heading=${T(`${problems.length} 处问题`, `${problems.length} problem(s)`)}></lr-problems>`
            : this._draft !== null && result ? html`<p class="ok" data-valid>✓ ${T('情景有效，已运行', 'The scenario is valid and ran')}</p>` : nothing}
          ${reply && !reply.ok && reply.error ? html`<p class="error">${reply.error}</p>` : nothing}
          ${result ? html`<lr-kpis .items=${kpis} lang=${this.lang} unit=${this.unit}></lr-kpis><lr-checks .checks=${result.checks} lang=${this.lang}></lr-checks>` : nothing}
        </aside>
      </div>
    `;
  }
}

customElements.define('lr-page-scenario', PageScenario);
