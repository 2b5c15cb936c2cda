/**
 * What a run keeps beside its postings: its ledger is sized from the run before it when an edit
 * only moves amounts (a price factor), or from the largest run before it when events move.
 */
import { describe, expect, it } from 'vitest';
import { IncrementalModel } from '../engine/index';
import { eventsOf } from '../engine/run-events';
import { portfolio } from '../bench/portfolio';

function created(scenario: unknown): IncrementalModel {
  const c = IncrementalModel.create(scenario);
  if (!c.ok) throw new Error(`refused: ${c.problems[0]?.message.en}`);
  return c.model;
}

describe('ledger size of an edited run', () => {
  it('a price factor edit sizes the ledger from the last run, not from the estimate, and it never grows', () => {
    const m = created(portfolio({ parcels: 200, months: 120, seed: 3, bond: true, headroomMonths: 12 }));
    for (const value of ['0.9', '1', '0.95', '1.05', '1']) {
      const before = m.output.ledger.length;
      expect(m.edit({ path: 'adjustments.salePriceFactor', value }).ok).toBe(true);
      const { ledger } = m.output;
      const events = eventsOf(m.model).kind.length;
      const estimate = events + m.model.parcels.length * 8 + m.model.timeline.months * 8 + m.model.bonds.length * 64;
      // The last run's postings (or more, after a larger run), a sixteenth of the events and 64 besides.
      expect(ledger.period.length).toBeLessThanOrEqual(Math.max(before, ledger.length) + (events >> 4) + 64);
      expect(ledger.period.length).toBeLessThan(estimate);
      expect(ledger.period.length).toBeGreaterThanOrEqual(ledger.length);
    }
  });

  it('a delay or cost edit lays events out afresh, sized from the largest run before it, not from the estimate', () => {
    const m = created(portfolio({ parcels: 200, months: 120, seed: 3, bond: true, headroomMonths: 12 }));
    let peak = m.output.ledger.length;
    let eventsBefore = eventsOf(m.model).kind.length;
    for (const [path, value] of [['adjustments.saleDelayMonths', 3], ['adjustments.costFactor', '1.05'], ['adjustments.saleDelayMonths', 0]] as const) {
      expect(m.edit({ path, value }).ok).toBe(true);
      const { ledger } = m.output;
      const events = eventsOf(m.model).kind.length;
      const estimate = events + m.model.parcels.length * 8 + m.model.timeline.months * 8 + m.model.bonds.length * 64;
      expect(ledger.period.length).toBeLessThanOrEqual(peak + events - eventsBefore + (events >> 4) + 64);
      expect(ledger.period.length).toBeLessThan(estimate);
      expect(ledger.period.length).toBeGreaterThanOrEqual(ledger.length);
      peak = Math.max(peak, ledger.length);
      eventsBefore = events;
    }
  });
});
