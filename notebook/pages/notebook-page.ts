/**
 * What every page shares: the language, the money unit, the URL params, the loaded scenario and
 * the user's stored scenarios come in as properties; changes to the view go out as a
 * `params-change` event (the app writes them to the URL and hands them back); a clicked figure
 * goes out as `open-trace` with the run it belongs to. The page's title, its charts and tables are
 * drawn by the helpers here, so each page states only what it shows.
 */
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/lr-problems';
import { L, type Lang, type MoneyUnit, type Text } from '../lib/format';
import type { ChartSpec } from '../lib/charts/common';
import type { StoredScenario } from '../lib/store';
import type { Table } from '../../engine/presentation/tables';
import type { TraceOf } from '../components/lr-table';
import type { Loaded } from '../lib/library';
import type { Params } from '../lib/url-state';
import type { TraceQuery } from '../lib/trace';
import type { Result } from '../../engine/report';
import type { Controlled } from '../lib/controls';
import type { RunReply } from '../lib/protocol';

export class NotebookPage extends LitElement {
  static override properties: PropertyDeclarations = {
    lang: {},
    unit: {},
    params: { attribute: false },
    loaded: { attribute: false },
    user: { attribute: false },
  };
  override lang: Lang = 'zh';
  unit: MoneyUnit = 'wan';
  params: Params = {};
  loaded: Loaded | null = null;
  user: StoredScenario[] = [];

  protected T(zh: string, en: string): string {
    return L(this.lang, zh, en);
  }

  protected setParams(change: Record<string, string | null>): void {
    this.dispatchEvent(new CustomEvent('params-change', { bubbles: true, composed: true, detail: change }));
  }

  /** The loaded scenario's problems (a file that does not compose or parse), with a way to fix them. */
  protected loadProblems() {
    const l = this.loaded;
    if (!l || l.ok) return nothing;
    return html`<lr-problems .problems=${l.problems} lang=${this.lang}
        heading=${this.T(`情景“${l.ref}”有 ${l.problems.length} 处问题，无法运行`, `Scenario “${l.ref}” has ${l.problems.length} problem(s) and cannot run`)}></lr-problems>
      <p><a href="?p=scenario&s=${encodeURIComponent(l.ref)}" @click=${(e: Event) => { e.preventDefault(); this.setParams({ p: 'scenario' }); }}>${this.T('到“情景编辑”页逐项修正', 'Fix them on the Scenario page')}</a></p>`;
  }

  /** Controls the scenario could not take (e.g. a bond slider on a scenario without bonds), said once. */
  protected ignoredNote(controlled: Controlled | null) {
    const ig = controlled?.ignored ?? [];
    return ig.length ? html`<p class="note">${ig.map((i) => html`<span>${this.lang === 'en' ? i.reason.en : i.reason.zh}。</span>`)}</p>` : nothing;
  }

  /** A run the engine refused: its problems, at the place the charts would be. */
  protected replyProblems(reply: RunReply<unknown> | null) {
    return reply && !reply.ok ? html`<lr-problems .problems=${reply.problems} .error=${reply.error ?? ''} lang=${this.lang}></lr-problems>` : nothing;
  }

  /** Forwards a `trace` event from a table or KPI, adding the run it belongs to. */
  protected forwardTrace(e: Event, runId: number | null, result: Pick<Result, 'accounts'> | null): void {
    e.stopPropagation();
    if (runId === null || !result) return;
    const query = (e as CustomEvent<TraceQuery>).detail;
    this.dispatchEvent(new CustomEvent('open-trace', { bubbles: true, composed: true, detail: { runId, query, result } }));
  }

  /** The page's one h1 and the paragraph that says what the page answers. */
  protected intro(title: Text, prose: Text) {
    return html`<h1>${this.T(title.zh, title.en)}</h1>
      <p class="prose">${this.T(prose.zh, prose.en)}</p>`;
  }

  /** A chart of a spec; `id` names it for tests and links, `file` its downloads. */
  protected chartView(id: string, spec: ChartSpec | null, heading: string, file: string, more: { height?: number; note?: string } = {}) {
    return html`<lr-chart data-chart=${id} heading=${heading} name=${file} lang=${this.lang} height=${ifDefined(more.height)} note=${more.note ?? ''}
      .options=${spec?.options ?? null} .legend=${spec?.legend ?? []} .table=${spec?.table ?? null}></lr-chart>`;
  }

  /** A table in the page's language and unit; `id` names it for tests, `file` its downloads. */
  protected tableView(id: string, table: Table | null, file: string, more: { traceOf?: TraceOf; highlight?: string[]; limit?: number } = {}) {
    return html`<lr-table data-table=${id} .table=${table} .traceOf=${more.traceOf ?? null} lang=${this.lang} unit=${this.unit} name=${file}
      .highlight=${more.highlight ?? []} limit=${ifDefined(more.limit)}></lr-table>`;
  }
}
