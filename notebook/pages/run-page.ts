/**
 * A page that runs the loaded scenario with the view's controls applied (funding, zones, split):
 * it asks the worker when the scenario or a control changed, and hands the page a result to draw
 * once per new answer, language, unit or view key — so a page only turns a result into charts.
 * A page names the views it draws (`views()`, typed: it is handed a PartialResult of those), and
 * the worker reports only those: the split page asks for no bond or parcel rows it never shows.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { NotebookPage } from './notebook-page';
import { RunController, identity } from '../lib/run-controller';
import { applyControls, controlsKey, type Controlled } from '../lib/controls';
import type { PartialResult, View } from '../../engine/index';

export class RunPage<V extends View = View> extends NotebookPage {
  protected runner = new RunController<V>(this, this.localName, this.views());
  protected controlled: Controlled | null = null;
  /** The loaded scenario's identity and the control values: a new run is needed when it changes. */
  protected runKey = '';
  private stamp = '';

  /** The views the page draws; the worker reports only these. Undefined: the whole Result. */
  protected views(): readonly V[] | undefined {
    return undefined;
  }

  /** The run's id and result when the worker has answered with one. */
  protected get run(): { runId: number; result: PartialResult<V> } | null {
    const reply = this.runner.reply;
    return reply?.ok ? { runId: reply.runId, result: reply.result } : null;
  }

  /**
   * Requests the run the view asks for; returns its result when there is one not yet drawn for
   * this language, unit and `view` (what else the page draws from, such as a chosen parcel).
   */
  protected freshResult(changed: PropertyValues<this>, view = ''): PartialResult<V> | null {
    if ((changed.has('loaded') || changed.has('params')) && this.loaded?.ok) {
      const key = `${identity(this.loaded)}|${controlsKey(this.params)}`;
      // The same controls keep the same scenario object, so what is drawn from it is not redone.
      if (key !== this.runKey || !this.controlled) {
        this.runKey = key;
        this.controlled = applyControls(this.loaded.scenario, this.params);
      }
      this.runner.request(key, this.controlled.scenario);
    }
    const run = this.run;
    const stamp = `${run?.runId ?? 0}|${this.lang}|${this.unit}|${view}`;
    if (!run || stamp === this.stamp) return null;
    this.stamp = stamp;
    return run.result;
  }

  /** What stands between the controls and the charts: problems of the file or the run, and controls not taken. */
  protected runState(controls: () => TemplateResult, body: (r: PartialResult<V>, runId: number) => TemplateResult, status: TemplateResult | typeof nothing = nothing) {
    const run = this.run;
    return html`${this.loadProblems()}
      ${this.loaded?.ok ? controls() : nothing}
      ${status}
      ${this.ignoredNote(this.controlled)}
      ${this.replyProblems(this.runner.reply)}
      ${run ? body(run.result, run.runId) : nothing}`;
  }
}
