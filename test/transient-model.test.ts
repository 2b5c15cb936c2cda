/**
 * An incremental model made transient (a Monte Carlo's, a sweep's) gives the ledger columns of a
 * run it replaces to the next run (ledger.ts releaseColumns), and only those of a run of its own
 * replaced by a run of its own: a run derived from another (a re-split) reads its source's columns,
 * so neither is let go while it lives. Each result is the one a fresh simulate() gives.
 */
import { describe, expect, it } from 'vitest';
import { report, simulate } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { parsePath, setAt } from '../engine/scenario/json-path';
import { portfolio } from '../bench/portfolio';
import { composed } from './support/scenarios';

const hainan = composed('scenarios/hainan-bonds.json');
const resultOf = (out: IncrementalModel['output']) => JSON.stringify(report(out));

function transient(scenario: unknown): IncrementalModel {
  const created = IncrementalModel.create(scenario, { transient: true });
  if (!created.ok) throw new Error('refused');
  return created.model;
}

describe('a transient incremental model', () => {
  it('hands a replaced run\'s columns to the next run, which reports as a fresh simulate()', () => {
    const scenario = portfolio({ parcels: 40, months: 120, seed: 5, headroomMonths: 12, bond: true });
    const m = transient(scenario);
    let next = scenario;
    let reused = 0;
    const released = new Set<ArrayBufferLike>();
    for (const [k, factor] of ['0.9', '1.05', '0.95', '1.1'].entries()) {
      const before = m.output.ledger;
      released.add(before.amount.buffer);
      const edits = [{ path: 'adjustments.salePriceFactor', value: factor }, { path: 'adjustments.saleDelayMonths', value: k % 3 }];
      for (const e of edits) next = setAt(next, parsePath(e.path)!, e.value);
      expect(m.editAll(edits).ok).toBe(true);
      // The replaced run's columns are let go; a later run (made before this one is let go) takes them.
      expect(before.amount.length).toBe(0);
      if (released.has(m.output.ledger.amount.buffer)) reused++;
      expect(resultOf(m.output)).toBe(JSON.stringify(simulate(next)));
    }
    expect(reused).toBeGreaterThan(0);
  });

  it('keeps a re-split run\'s source whole while the re-split run lives, and neither is let go by the next run', () => {
    const m = transient(hainan);
    const source = m.output;
    const sourceResult = resultOf(source);
    expect(m.edit({ path: 'split.ratios.province', value: '7' }).ok).toBe(true);
    const derived = m.output;
    const derivedResult = resultOf(derived);
    expect(derivedResult).toBe(JSON.stringify(simulate(setAt(hainan, parsePath('split.ratios.province')!, '7'))));
    // The next run is of its own: it may take the columns of neither.
    expect(m.edit({ path: 'adjustments.salePriceFactor', value: '0.9' }).ok).toBe(true);
    expect(source.ledger.amount.length).toBeGreaterThan(0);
    expect(resultOf(derived)).toBe(derivedResult);
    expect(resultOf(source)).toBe(sourceResult);
  });

  it('is not the default: a model that keeps its outputs keeps each whole', () => {
    const created = IncrementalModel.create(hainan);
    if (!created.ok) throw new Error('refused');
    const m = created.model;
    const first = m.output;
    const firstResult = resultOf(first);
    for (const f of ['0.9', '1.1', '1']) expect(m.edit({ path: 'adjustments.salePriceFactor', value: f }).ok).toBe(true);
    expect(resultOf(first)).toBe(firstResult);
  });
});
