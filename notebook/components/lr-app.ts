/**
 * <lr-app>: the notebook's shell. It owns the view state (read from and written to the URL), the
 * scenario library (bundled files plus the browser's own, from IndexedDB), the trace panel, and
 * the page on show. Pages get properties and send back `params-change`, `open-trace` and
 * `scenario-save` events; the shell never computes a figure.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { MAX_FILE_BYTES } from '../../engine/limits';
import { base } from '../lib/styles';
import { L, type Lang, type MoneyUnit } from '../lib/format';
import { defaultRef, keyForText, libraryEntries, loadScenario, type Loaded } from '../lib/library';
import { deleteStored, loadStored, saveStored, type StoredScenario } from '../lib/store';
import { pageOf, paramsToSearch, readParams, withChange, type Params } from '../lib/url-state';
import { FIRST_PAGE, PAGES, pageEntry, type PageId } from '../pages/page-registry';
import { applyControls, CONTROL_KEYS, variantFile, type Applied } from '../lib/controls';
import { downloadText, fileName } from '../lib/export';
import { engine } from '../lib/engine-client';
import type { TraceAnswer, TraceQuery } from '../lib/trace';
import type { Result } from '../../engine/report';
import './lr-trace';
import './lr-scenario-picker';

export class LrApp extends LitElement {
  static override properties = {
    _params: { state: true },
    _user: { state: true },
    _ready: { state: true },
    _trace: { state: true },
    _message: { state: true },
    _pagesLoaded: { state: true },
  };
  _params: Params = readParams(location.search);
  _user: StoredScenario[] = [];
  _ready: boolean = false;
  _trace: { open: boolean; loading: boolean; answer: TraceAnswer | null; error: string; accounts: Map<string, { zh: string; en: string }> } | null = null;
  _message: string = '';
  /** The pages whose module has arrived. */
  _pagesLoaded: ReadonlySet<PageId> = new Set();
  private pagesLoading = new Set<PageId>();
  private loaded: Loaded | null = null;
  private loadedKey = '';
  /** The overrides the current controls make (shown as chips). */
  private applied: Applied[] = [];
  /** Where focus was when a trace opened, to return it there on close. */
  private traceOpener: HTMLElement | null = null;

  static override styles = [
    base,
    css`
      :host { display: block; max-width: 1400px; margin: 0 auto; padding: 0 1rem 3rem; }
      header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.2rem; padding: 0.7rem 0 0.4rem; border-bottom: 1px solid #e2e2dc; }
      .brand { font-weight: 700; font-size: 1.05rem; margin-right: auto; }
      .brand small { font-weight: 400; color: #6b6b66; margin-left: 0.4rem; }
      /* One row of tabs on a 1280 px screen: each tab's audience under its name. */
      nav ul { display: flex; flex-wrap: wrap; gap: 0.1rem; list-style: none; margin: 0; padding: 0.5rem 0; }
      nav a { display: flex; flex-direction: column; align-items: flex-start; line-height: 1.25; padding: 0.25rem 0.45rem; border-radius: 6px; text-decoration: none; color: #1d1d1b; border: 1px solid transparent; }
      nav a[aria-current='page'] { background: #1f5f8b; color: #fff; }
      nav a:hover:not([aria-current='page']) { border-color: #c9c9c2; }
      nav small { opacity: 0.75; font-size: 0.68rem; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.4rem 0; }
      .bar label { font-size: 0.85rem; }
      .bar[hidden] { display: none; }
      select { max-width: 26rem; padding: 0.15rem; }
      .chips { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; font-size: 0.8rem; }
      .chip { background: #e8f0f7; border: 1px solid #c3d6e6; border-radius: 999px; padding: 0 0.55rem; }
      .toggle { display: inline-flex; }
      .toggle button { border-radius: 0; }
      .toggle button:first-child { border-radius: 6px 0 0 6px; }
      .toggle button:last-child { border-radius: 0 6px 6px 0; }
      .msg { font-size: 0.85rem; color: #216e39; }
      main { padding-top: 0.4rem; }
      input[type='file'] { display: none; }
      label.upload { border: 1px solid #c9c9c2; background: #fff; border-radius: 6px; padding: 0.2rem 0.6rem; cursor: pointer; }
      label.upload:focus-within { outline: 2px solid #d9822b; }
      footer { margin-top: 2rem; font-size: 0.8rem; color: #6b6b66; border-top: 1px solid #e2e2dc; padding-top: 0.5rem; }
      /* Printing keeps the page's content only (the 报表 page prints a report on A4). */
      @media print {
        :host { max-width: none; padding: 0; }
        header.top, nav, .bar, footer, lr-trace { display: none !important; }
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPop);
    void loadStored().then((list) => {
      this._user = list;
      this._ready = true;
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
  }

  private onPop = () => {
    this.pendingUrl = null;
    this._params = readParams(location.search);
  };

  get viewLang(): Lang {
    return this._params.lang === 'en' ? 'en' : 'zh';
  }

  get viewUnit(): MoneyUnit {
    return this._params.u === 'yi' ? 'yi' : 'wan';
  }

  get ref(): string {
    return this._params.s || defaultRef(pageEntry(pageOf(this._params)).scenarios);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('_params')) this.loadPage(pageOf(this._params));
    if (changed.has('_params') || changed.has('_user') || changed.has('_ready')) {
      if (!this._ready) return;
      const userEntry = this._user.find((u) => `user:${u.key}` === this.ref);
      const key = `${this.ref}|${userEntry?.savedAt ?? ''}|${this._user.map((u) => u.key + u.savedAt).join(',')}`;
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        this.loaded = loadScenario(this.ref, this._user);
      }
    }
    if (changed.has('_params') || changed.has('_user') || changed.has('_ready')) {
      this.applied = this.loaded?.ok ? applyControls(this.loaded.scenario, this._params).applied : [];
    }
    const lang = this.viewLang === 'en' ? 'en' : 'zh-CN';
    // Set only when it changes: a write costs time even when the value is the same.
    if (changed.has('_params') && document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }

  private loadPage(page: PageId) {
    if (this.pagesLoading.has(page)) return;
    this.pagesLoading.add(page);
    void pageEntry(page).load().then(
      () => { this._pagesLoaded = new Set([...this._pagesLoaded, page]); },
      (err) => {
        this.pagesLoading.delete(page);
        this._message = L(this.viewLang, `页面未能载入：${String(err)}`, `The page could not be loaded: ${String(err)}`);
      },
    );
  }

  private setParams(change: Record<string, string | null | undefined>, push = false) {
    const next = withChange(this._params, change);
    const url = `${location.pathname}${paramsToSearch(next)}`;
    this._params = next;
    if (push) {
      this.writeUrl();
      history.pushState(null, '', url);
      return;
    }
    // A moved control replaces the URL once the page has asked the worker for its run, while the
    // worker computes: Chromium's replaceState at times takes milliseconds the run would wait for.
    this.pendingUrl = url;
    void this.updateComplete.then(() => this.writeUrl());
  }

  /** The URL of the last control moved, not yet written. */
  private pendingUrl: string | null = null;

  private writeUrl() {
    if (this.pendingUrl !== null) history.replaceState(null, '', this.pendingUrl);
    this.pendingUrl = null;
  }

  private go(page: PageId, e?: Event) {
    e?.preventDefault();
    this.setParams({ p: page === FIRST_PAGE ? null : page }, true);
  }

  private async openTrace(e: CustomEvent<{ runId: number; query: TraceQuery; result: Pick<Result, 'accounts'> }>) {
    const { runId, query, result } = e.detail;
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.traceOpener = active instanceof HTMLElement ? active : null;
    const accounts = new Map(result.accounts.map((a) => [a.id, a.name]));
    this._trace = { open: true, loading: true, answer: null, error: '', accounts };
    const reply = await engine().trace(runId, query);
    if (!reply || !this._trace) return;
    this._trace = { ...this._trace, loading: false, answer: reply.answer, error: reply.error ?? '' };
  }

  private closeTrace() {
    this._trace = null;
    this.traceOpener?.focus();
    this.traceOpener = null;
  }

  /** Keeps a file's text in the browser and shows it; a file with problems opens the editor. */
  async keepFile(text: string, name: string, open = true) {
    const key = keyForText(text, name);
    const entry: StoredScenario = { key, fileName: name.endsWith('.json') ? name : `${name}.json`, text, savedAt: new Date().toISOString() };
    this._user = await saveStored(entry);
    const loaded = loadScenario(`user:${key}`, this._user);
    this._message = L(this.viewLang, `已保存到本浏览器：${key}`, `Kept in this browser: ${key}`);
    if (open) this.setParams({ s: `user:${key}`, ...(loaded.ok ? {} : { p: 'scenario' }) }, true);
  }

  private async onUpload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // The CLI's file limit: a larger file is a mistake, and would fill the browser's storage.
    if (file.size > MAX_FILE_BYTES) {
      this._message = L(this.viewLang, `文件过大：${file.size} 字节，上限 ${MAX_FILE_BYTES / 1024 / 1024} MiB`, `File too large: ${file.size} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`);
      return;
    }
    try {
      await this.keepFile(await file.text(), file.name);
    } catch (err) {
      this._message = L(this.viewLang, `无法读取文件：${String(err)}`, `Could not read the file: ${String(err)}`);
    }
  }

  private async onDelete(e: CustomEvent<string>) {
    this._user = await deleteStored(e.detail);
    if (this.ref === `user:${e.detail}`) this.setParams({ s: null });
  }

  private saveVariant() {
    const l = this.loaded;
    if (!l?.ok) return;
    const { applied } = applyControls(l.scenario, this._params);
    const baseFile = l.entry.source === 'user' ? l.entry.fileName : l.entry.fileName;
    const v = variantFile(baseFile, String(l.scenario.id ?? 'scenario'), applied);
    downloadText(JSON.stringify(v, null, 2) + '\n', fileName(String(v.id)) + '.json', 'application/json');
  }

  private resetControls() {
    const change: Record<string, null> = {};
    for (const k of CONTROL_KEYS) change[k] = null;
    this.setParams(change);
  }

  override render() {
    const T = (zh: string, en: string) => L(this.viewLang, zh, en);
    const page = pageOf(this._params);
    const entries = libraryEntries(this._user);
    const applied = this.applied;
    return html`
      <header class="top">
        <div class="brand">${T('土地储备资金测算笔记本', 'Land reserve finance notebook')}<small>${T('每个数字可溯源到分录、规则与参数', 'every figure traces to its postings, rule and parameters')}</small></div>
        <div class="toggle" role="group" aria-label=${T('语言', 'Language')}>
          <button aria-pressed=${String(this.viewLang === 'zh')} data-lang="zh" @click=${() => this.setParams({ lang: null })}>中文</button>
          <button aria-pressed=${String(this.viewLang === 'en')} data-lang="en" @click=${() => this.setParams({ lang: 'en' })}>English</button>
        </div>
        <div class="toggle" role="group" aria-label=${T('金额单位', 'Money unit')}>
          <button aria-pressed=${String(this.viewUnit === 'wan')} data-unit="wan" @click=${() => this.setParams({ u: null })}>万元</button>
          <button aria-pressed=${String(this.viewUnit === 'yi')} data-unit="yi" @click=${() => this.setParams({ u: 'yi' })}>亿元</button>
        </div>
      </header>
      <nav aria-label=${T('页面', 'Pages')}>
        <ul>
          ${PAGES.map(({ id, name, who }) => html`<li><a href=${paramsToSearch(withChange(this._params, { p: id === FIRST_PAGE ? null : id })) || '?'} data-page=${id}
              aria-current=${id === page ? 'page' : 'false'} @click=${(e: Event) => this.go(id, e)}>${T(name.zh, name.en)}<small>${T(who.zh, who.en)}</small></a></li>`)}
        </ul>
      </nav>
      <div class="bar" ?hidden=${pageEntry(page).scenarios === null}>
        <lr-scenario-picker .entries=${entries} selected=${this.ref} lang=${this.viewLang} ?ready=${this._ready}
          @pick=${(e: CustomEvent<string>) => this.setParams({ s: e.detail }, true)}></lr-scenario-picker>
        <label class="upload" tabindex="0" @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); (this.renderRoot.querySelector('#upload') as HTMLInputElement).click(); } }}>
          ${T('上传情景文件…', 'Upload a scenario…')}<input id="upload" type="file" accept=".json,application/json" data-upload @change=${this.onUpload} />
        </label>
        <button ?disabled=${!applied.length} @click=${() => this.saveVariant()} data-save-variant title=${T('把当前输入保存为引用原情景的变体文件', 'Save the current inputs as a variant file that names its base')}>${T('保存为变体文件', 'Save as variant file')}</button>
        <div class="chips" aria-live="polite">
          ${applied.length ? html`<span>${T('当前调整：', 'Adjusted:')}</span>${applied.filter((a, i) => applied.findIndex((b) => b.key === a.key) === i || a.key === 'fee').slice(0, 8).map((a) => html`<span class="chip" data-chip=${a.key}>${this.viewLang === 'en' ? a.label.en : a.label.zh}</span>`)}
            <button class="linklike" @click=${() => this.resetControls()} data-reset>${T('全部还原', 'reset all')}</button>` : nothing}
        </div>
        ${this._message ? html`<span class="msg" role="status">${this._message}</span>` : nothing}
      </div>
      <main @params-change=${(e: CustomEvent) => this.setParams(e.detail)} @open-trace=${this.openTrace}
        @scenario-keep=${(e: CustomEvent<{ text: string; name: string }>) => this.keepFile(e.detail.text, e.detail.name)}
        @scenario-delete=${this.onDelete}>
        ${this._ready && this._pagesLoaded.has(page) ? this.page(page) : html`<p class="muted">${T('正在载入…', 'Loading…')}</p>`}
      </main>
      ${this._trace ? html`<lr-trace role="dialog" aria-modal="false" aria-labelledby="trace-title" .answer=${this._trace.answer} ?loading=${this._trace.loading} error=${this._trace.error}
          .accounts=${this._trace.accounts} lang=${this.viewLang} unit=${this.viewUnit} @close=${() => this.closeTrace()}></lr-trace>` : nothing}
      <footer>${T('金额以元为单位精确到分计算，图表与表格按所选单位显示；导出文件为元。情景与当前视图都保存在网址中，可直接分享链接。', 'Money is computed exactly to the fen in 元; charts and tables show the chosen unit; exports are in 元. The scenario and the view live in the URL, so a link reproduces them.')}</footer>
    `;
  }

  /** The page's element, given what every page takes (a page ignores what it does not use). */
  private page(page: PageId) {
    const tag = unsafeStatic(pageEntry(page).tag);
    return staticHtml`<${tag} lang=${this.viewLang} unit=${this.viewUnit} .params=${this._params} .loaded=${this.loaded} .user=${this._user}></${tag}>`;
  }
}

customElements.define('lr-app', LrApp);

declare global {
  interface HTMLElementTagNameMap { 'lr-app': LrApp }
}
