import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileKinds, parcelProvisions, parcelProvisionsInto, type ProvisionRate } from '../engine/sale-waterfall';
import { PROVISIONS } from '../engine/provision-catalogue';
import { parseRate } from '../engine/money';

// The run takes a parcel's provisions by index (parcelProvisionsInto); the waterfall of the rules takes
// them by name (parcelProvisions). Any subset of the catalogue's kinds, in any order, at any rates,
// on any quantities: the same fen and the same amount capped.
const fen = fc.integer({ min: -1_000_000_000_000, max: 10_000_000_000_000 });
const rate = fc.integer({ min: 0, max: 10_000 }).map((bp) => parseRate(`${bp / 100}%`)!);
const kinds = fc
  .shuffledSubarray([...PROVISIONS], { minLength: 1 })
  .chain((defs) => fc.tuple(...defs.map((def) => rate.map((r): ProvisionRate => ({ def, rate: r })))));

describe('provisions by index', () => {
  it('equal the provisions by name', () => {
    fc.assert(
      fc.property(kinds, fen, fen, fen, fen, (ks, income, reserveCost, socialSecurity, agriDevArea) => {
        const byName = parcelProvisions({ income, reserveCost, socialSecurity, agriDevArea }, ks);
        const out = new Float64Array(ks.length + 3);
        const capped = parcelProvisionsInto(income, reserveCost, socialSecurity, agriDevArea, compileKinds(ks), out, 3);
        expect(capped).toBe(byName.capped);
        expect([...out.subarray(3)]).toEqual(ks.map((k) => byName.amounts[k.def.id]));
      }),
      { numRuns: 500 },
    );
  });

  it('read a kind named in a base only once it was taken', () => {
    // Education's base subtracts the agricultural fund (P-8): listed after it, the fund counts; listed before, it does not.
    const edu = PROVISIONS.find((d) => d.base.some((t) => t.quantity.startsWith('provision:')))!;
    const named = PROVISIONS.find((d) => edu.base.some((t) => t.quantity === `provision:${d.id}`))!;
    const r = parseRate('10%')!;
    for (const order of [[named, edu], [edu, named]]) {
      const ks = order.map((def) => ({ def, rate: r }));
      const q = { income: 1_000_000, reserveCost: 200_000, socialSecurity: 0, agriDevArea: 300_000 };
      const out = new Float64Array(2);
      parcelProvisionsInto(q.income, q.reserveCost, q.socialSecurity, q.agriDevArea, compileKinds(ks), out, 0);
      expect([...out]).toEqual(ks.map((k) => parcelProvisions(q, ks).amounts[k.def.id]));
    }
  });
});
