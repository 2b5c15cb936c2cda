/**
 * What every tab of the 情景分析 page shares: besides the page's language, unit and URL params, it
 * gets the scenario as the notebook's controls shape it (`scenario`, with `scenarioKey` naming
 * it), the base run's result (for the choices of inputs and outputs), and — for a bundled
 * scenario with no control moved — its ref, so a tab can show the equivalent CLI command.
 * A tab asks the analysis worker itself (AnalysisController) and draws only the newest answer.
 */
import { css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { NotebookPage } from './notebook-page';
import { L } from '../lib/format';
import type { AnalysisController } from '../lib/analysis-controller';
import { inputChoices, outputChoices, type Choice, type OutputChoice } from '../lib/analysis-catalog';
import type { Result } from '../../engine/index';
import '../components/lr-progress';
import '../components/lr-problems';

/** Styles every tab adds to its own. */
export const panelStyles = css`
  .status-row { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
  label.field { display: inline-flex; flex-direction: column; font-size: 0.8rem; color: #55554f; }
`;

export class AnalysisPanel extends NotebookPage {
  static override properties: PropertyDeclarations = {
    scenario: { attribute: false },
    scenarioKey: {},
    result: { attribute: false },
    cliRef: {},
  };
  scenario: Record<string, unknown> | null = null;
  scenarioKey: string = '';
  result: Result | null = null;
  cliRef: string = '';

  /** The inputs and outputs this scenario offers, by label. */
  protected inputs: Choice[] = [];
  protected outputs: OutputChoice[] = [];

  /** The scenario when it, its base run or (with `params`) the view changed: the choices are renewed then. */
  protected changedScenario(changed: PropertyValues<this>, params = true): Record<string, unknown> | null {
    const s = this.scenario;
    if (!s || !this.result || !(changed.has('scenario') || changed.has('result') || (params && changed.has('params')))) return null;
    this.inputs = inputChoices(s, this.result);
    this.outputs = outputChoices(this.result, s);
    return s;
  }

  /** The name the tab's downloads start with. */
  protected get fileId(): string {
    return String(this.scenario?.id ?? 'scenario');
  }

  protected preparing() {
    return html`<p class="muted">${this.T('正在准备…', 'Preparing…')}</p>`;
  }

  /** The job's progress bar and Cancel button while it runs, and how it ended once it has. */
  protected status(job: AnalysisController, what: { zh: string; en: string }) {
    const r = job.reply;
    const note = r?.status === 'done'
      ? this.T(`已完成，用时 ${(r.ms / 1000).toFixed(2)} 秒`, `done in ${(r.ms / 1000).toFixed(2)} s`)
      : r?.status === 'cancelled' ? this.T('已取消。', 'Cancelled.') : '';
    return html`<div class="status-row">
      <lr-progress data-status ?running=${job.running} .done=${job.done} .total=${job.total} what=${L(this.lang, what.zh, what.en)} note=${note} lang=${this.lang}
        @cancel=${() => job.cancel()}></lr-progress>
      ${!job.running && r && r.status !== 'done' ? html`<button data-rerun @click=${() => job.rerun()}>${this.T('重新运行', 'Run again')}</button>` : nothing}
    </div>
    ${r?.status === 'failed' ? html`<lr-problems .problems=${[]} error=${r.error} lang=${this.lang} heading=${this.T('分析未能完成', 'The analysis did not finish')}></lr-problems>` : nothing}`;
  }
}
