/**
 * What every tab of the 情景分析 page shares: besides the page's language, unit and URL params, it
 * gets the scenario as the notebook's controls shape it (`scenario`, with `scenarioKey` naming
 * it), the base run's result (for the choices of inputs and outputs), and — for a bundled
 * scenario with no control moved — its ref, so a tab can show the equivalent CLI command.
 * A tab asks the analysis worker itself (AnalysisController) and draws only the newest answer.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { NotebookPage } from './notebook-page';
import { L } from '../lib/format';
import type { AnalysisController } from '../lib/analysis-controller';
import type { Result } from '../../engine/report';
import '../components/lr-progress';
import '../components/lr-problems';

/** Styles every tab adds to its own. */
export const panelStyles = css`
  .status-row { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
`;

export class AnalysisPanel extends NotebookPage {
  static override properties: PropertyDeclarations = {
    scenario: { attribute: false },
    scenarioKey: {},
    result: { attribute: false },
    cliRef: {},
  };
  declare scenario: Record<string, unknown> | null;
  declare scenarioKey: string;
  declare result: Result | null;
  declare cliRef: string;

  constructor() {
    super();
    this.scenario = null;
    this.scenarioKey = '';
    this.result = null;
    this.cliRef = '';
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
