/**
 * 情景分析 — scenario analysis, in five tabs over the scenario on show (as the notebook's controls
 * shape it): 数据表 (one or two inputs over a range → any output, table and heat map), 龙卷风图
 * (each uncertain input low and high → the swing of an output), 蒙特卡洛 (distributions, runs and
 * a seed → percentiles, a fan chart, event probabilities), 目标反推 (the four solve-for presets)
 * and 压力测试 (the stress presets in one table). Every figure is computed in Web Workers by the
 * engine's analysis functions — the CLI's numbers — and the tab and its settings live in the URL:
 *
 *   ?p=analysis&s=hainan-bonds&a.tab=mc&a.n=2000&a.seed=7
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { RunPage } from './run-page';
import { pageStyles } from '../lib/styles';
import type { Text } from '../lib/format';
import './lr-analysis-sweep';
import './lr-analysis-tornado';
import './lr-analysis-mc';
import './lr-analysis-solve';
import './lr-analysis-stress';

export const ANALYSIS_TABS = ['sweep', 'tornado', 'mc', 'solve', 'stress'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

const TAB_NAMES: Record<AnalysisTab, Text> = {
  sweep: { zh: '数据表', en: 'Data table' },
  tornado: { zh: '龙卷风图', en: 'Tornado' },
  mc: { zh: '蒙特卡洛', en: 'Monte Carlo' },
  solve: { zh: '目标反推', en: 'Solve for' },
  stress: { zh: '压力测试', en: 'Stress' },
};

export class PageAnalysis extends RunPage {
  private cliRef = '';

  static override styles = [...pageStyles, css`
    [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 1px solid #d6d6d0; margin: 0.6rem 0 0.4rem; }
    [role='tab'] { border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; padding: 0.3rem 0.9rem; background: none; margin-bottom: -1px; }
    [role='tab'][aria-selected='true'] { background: #fff; border-color: #d6d6d0; font-weight: 600; color: #1f5f8b; }
  `];

  private tab(): AnalysisTab {
    return (ANALYSIS_TABS as readonly string[]).includes(this.params['a.tab']) ? (this.params['a.tab'] as AnalysisTab) : 'sweep';
  }

  override willUpdate(changed: PropertyValues<this>) {
    this.freshResult(changed);
    const l = this.loaded;
    // A bundled scenario with no control moved can be named on the command line.
    this.cliRef = l?.ok && l.entry.source === 'bundled' && this.controlled?.applied.length === 0 ? l.ref : '';
  }

  private onKey(e: KeyboardEvent) {
    const i = ANALYSIS_TABS.indexOf(this.tab());
    const next = e.key === 'ArrowRight' ? (i + 1) % ANALYSIS_TABS.length : e.key === 'ArrowLeft' ? (i + ANALYSIS_TABS.length - 1) % ANALYSIS_TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    this.select(ANALYSIS_TABS[next]);
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-tab="${ANALYSIS_TABS[next]}"]`) as HTMLElement | null)?.focus());
  }

  private select(t: AnalysisTab) {
    this.setParams({ 'a.tab': t === 'sweep' ? null : t });
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const reply = this.runner.reply;
    const result = reply?.ok ? reply.result : null;
    const tab = this.tab();
    return html`
      ${this.intro({ zh: '情景分析：敏感性、不确定性与目标反推', en: 'Scenario analysis: sensitivity, uncertainty and solving backwards' }, {
        zh: '在当前情景（含上方已调整的输入）上做数据表、龙卷风图、蒙特卡洛模拟、目标反推和压力测试。所有计算都在后台线程中由引擎完成，与命令行 lrsim 的结果一致；页面不会卡住，新的设置会取代尚未算完的旧设置。',
        en: 'Data tables, tornadoes, Monte Carlo, solve-for and stress tests on the current scenario (with the inputs adjusted above). The engine computes everything in background threads, with the same numbers as the lrsim CLI; the page never freezes, and a newer setting replaces one still computing.',
      })}
      ${this.loadProblems()}
      ${this.replyProblems(reply)}
      ${this.ignoredNote(this.controlled)}
      <div role="tablist" aria-label=${T('分析方法', 'Analyses')} @keydown=${(e: KeyboardEvent) => this.onKey(e)}>
        ${ANALYSIS_TABS.map((t) => html`<button role="tab" data-tab=${t} aria-selected=${String(t === tab)} tabindex=${t === tab ? 0 : -1} aria-controls="panel"
          @click=${() => this.select(t)}>${T(TAB_NAMES[t].zh, TAB_NAMES[t].en)}</button>`)}
      </div>
      <section id="panel" role="tabpanel" aria-label=${T(TAB_NAMES[tab].zh, TAB_NAMES[tab].en)}>
        ${this.loaded?.ok ? this.panel(tab, result) : nothing}
      </section>
    `;
  }

  /** The tab's element (lr-analysis-<tab>), given the scenario as the controls shape it and its base run. */
  private panel(tab: AnalysisTab, result: unknown) {
    const tag = unsafeStatic(`lr-analysis-${tab}`);
    return staticHtml`<${tag} lang=${this.lang} unit=${this.unit} .params=${this.params} .scenario=${this.controlled?.scenario ?? null} scenarioKey=${this.runKey}
      .result=${result} cliRef=${this.cliRef}></${tag}>`;
  }
}

customElements.define('lr-page-analysis', PageAnalysis);
