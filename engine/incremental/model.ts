/**
 * A scenario kept prepared and run, that answers an edit by rebuilding only the stages the edit
 * reaches (stages.ts): an adjustment re-adjusts the parcel flows on a base prepared once
 * (scenario/adjust.ts) and re-runs the loop; a coupon re-runs the loop on the same parcel flows; a
 * split ratio re-splits value added on the finished run (resplit.ts); anything else is prepared
 * again. Whatever the path, the run is the one a fresh prepare + run of the edited scenario gives,
 * posting for posting, and an edit the scenario would refuse is refused with prepare's own
 * problems, leaving the model as it was.
 *
 *   const m = IncrementalModel.create(hainan);         // { ok: true, model } | { ok: false, problems }
 *   m.model.edit({ path: 'split.ratios.province', value: '7' });   // { ok: true }
 *   m.model.output                                      // the RunOutput; report(it) is the Result
 */
import { prepare } from '../scenario/normalize';
import { adjust, prepareBase, schemaValid, type Base } from '../scenario/adjust';
import { getAt, parsePath, setAt, type PathSegment } from '../scenario/json-path';
import { shiftRate } from '../scenario/funding';
import { parseRate } from '../money';
import { rateBreach } from '../limits';
import { problem, type Problem } from '../problem';
import { run, type RunOutput } from '../run';
import type { Model } from '../model';
import { editKind, type Edit } from './edit';
import { splitEdit } from './split-edit';
import { resplit } from './resplit';

export type EditOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

const RATE = /^\s*\d+(\.\d+)?\s*(%|‰)\s*$/;

export class IncrementalModel {
  private base: Base | null = null;

  private constructor(
    private scenarioNow: unknown,
    private modelNow: Model,
    private out: RunOutput,
  ) {}

  static create(scenario: unknown): { ok: true; model: IncrementalModel } | { ok: false; problems: readonly Problem[] } {
    const p = prepare(scenario);
    if (!p.ok) return { ok: false, problems: p.problems };
    return { ok: true, model: new IncrementalModel(scenario, p.model, run(p.model)) };
  }

  get scenario(): unknown {
    return this.scenarioNow;
  }

  get model(): Model {
    return this.modelNow;
  }

  get output(): RunOutput {
    return this.out;
  }

  edit(e: Edit): EditOutcome {
    const path = parsePath(e.path);
    if (!path) return { ok: false, problems: [problem('schema.format', e.path, e.path, { en: 'a JSON path such as parcels[0].sale.price or split.ratios.province', zh: 'JSON 路径，如 parcels[0].sale.price 或 split.ratios.province' })] };
    const next = setAt(this.scenarioNow, path, e.value);
    const kind = editKind(path);
    switch (kind.kind) {
      case 'adjustment': return this.adjusted(next);
      case 'split': return this.split(next) ?? this.prepared(next);
      case 'coupon': return this.coupon(next, kind.bond) ?? this.prepared(next);
      case 'scenario': return this.prepared(next);
    }
  }

  /** The parcel flows adjusted on the base, then the loop. */
  private adjusted(next: unknown): EditOutcome {
    const adjustments = getAt(next, ['adjustments']);
    if (!schemaValid(adjustments)) return this.prepared(next);
    this.base ??= prepareBase(this.scenarioNow);
    const p = adjust(this.base, adjustments);
    if (!p.ok) return { ok: false, problems: p.problems };
    this.base = { ...this.base, scenario: next };
    return this.commit(next, p.model, run(p.model));
  }

  /** New split ratios: the finished run re-split. Null when the edit needs a full prepare to judge it. */
  private split(next: unknown): EditOutcome | null {
    const splits = splitEdit(this.modelNow, getAt(next, ['split', 'ratios']));
    if (!splits) return null;
    const model: Model = { ...this.modelNow, splits };
    const ready = this.base?.ready;
    this.base = ready ? { scenario: next, ready: { ...ready, frame: { ...ready.frame, splits } } } : null;
    return this.commit(next, model, resplit(this.out, model) ?? run(model));
  }

  /** A bond's new coupon: the loop again on the same parcel flows. Null when a full prepare must judge it. */
  private coupon(next: unknown, bond: number): EditOutcome | null {
    const text = getAt(next, ['bonds', bond, 'couponRate']);
    if (bond >= this.modelNow.bonds.length || typeof text !== 'string' || !RATE.test(text) || rateBreach(text)) return null;
    const unshifted = parseRate(text);
    if (!unshifted) return null;
    const rate = shiftRate(unshifted, (getAt(next, ['adjustments', 'rateShiftBp']) as number | undefined) ?? 0);
    if (rate.num < 0) return null;
    const model: Model = { ...this.modelNow, bonds: this.modelNow.bonds.map((b, i) => (i === bond ? { ...b, rate } : b)) };
    const ready = this.base?.ready;
    this.base = ready
      ? { scenario: next, ready: { ...ready, funding: { ...ready.funding, bonds: ready.funding.bonds.map((b, i) => (i === bond ? { ...b, rate: unshifted } : b)) } } }
      : null;
    return this.commit(next, model, run(model));
  }

  /** Everything prepared again from the edited scenario. */
  private prepared(next: unknown): EditOutcome {
    const p = prepare(next);
    if (!p.ok) return { ok: false, problems: p.problems };
    this.base = null;
    return this.commit(next, p.model, run(p.model));
  }

  private commit(next: unknown, model: Model, out: RunOutput): EditOutcome {
    this.scenarioNow = next;
    this.modelNow = model;
    this.out = out;
    return { ok: true };
  }
}

export type { PathSegment };
