/**
 * The event layouts an incremental model keeps, one per sale delay, for later draws of that delay
 * to take (run-events.ts, eventsReplaced): counted by their events, and let go when the scenario
 * is prepared again, whose events they are not.
 */
import { describe, expect, it } from 'vitest';
import { IncrementalModel } from '../engine/index';
import { eventCount } from '../engine/run-events';
import type { Model } from '../engine/model';
import { portfolio } from '../bench/portfolio';

interface Kept {
  layouts: Map<number, Model>;
  layoutEvents: number;
}

function created(): IncrementalModel {
  const c = IncrementalModel.create(portfolio({ parcels: 40, months: 120, seed: 5, headroomMonths: 12, bond: true }));
  if (!c.ok) throw new Error(`refused: ${c.problems[0]?.message.en}`);
  return c.model;
}

const kept = (m: IncrementalModel) => m as unknown as Kept;
const sum = (k: Kept) => [...k.layouts.values()].reduce((s, model) => s + eventCount(model), 0);

describe('layouts kept per sale delay', () => {
  it('one per delay met, counted by the events they hold', () => {
    const m = created();
    for (const [delay, cost] of [[3, '1.05'], [0, '0.97'], [5, '1.1'], [3, '1.02']] as const) {
      expect(m.editAll([{ path: 'adjustments.saleDelayMonths', value: delay }, { path: 'adjustments.costFactor', value: cost }]).ok).toBe(true);
    }
    const k = kept(m);
    expect([...k.layouts.keys()].sort()).toEqual([0, 3, 5]);
    expect(k.layoutEvents).toBe(sum(k));
    expect(k.layoutEvents).toBeGreaterThan(0);
  });

  it('go when the scenario is prepared again, and are kept again from the new preparation', () => {
    const m = created();
    for (const delay of [1, 2]) expect(m.edit({ path: 'adjustments.saleDelayMonths', value: delay }).ok).toBe(true);
    expect(kept(m).layouts.size).toBe(2);
    expect(m.edit({ path: 'name', value: 'another name' }).ok).toBe(true);
    expect(kept(m).layouts.size).toBe(0);
    expect(kept(m).layoutEvents).toBe(0);
    expect(m.edit({ path: 'adjustments.saleDelayMonths', value: 4 }).ok).toBe(true);
    const k = kept(m);
    expect([...k.layouts.keys()]).toEqual([4]);
    // The kept model is of the new preparation: its events are the ones the model runs now.
    expect(k.layouts.get(4)!.timeline).toBe(m.model.timeline);
    expect(k.layoutEvents).toBe(sum(k));
  });
});
