/**
 * The benchmark's inputs are sound: generated portfolios are valid scenarios, the same for the
 * same seed; the HyperFormula workbook is the same model as the engine (in whole fen it agrees
 * to the fen, before and after an input changes). The engine's own answer to an edit is the
 * incremental model's, proven equal to simulate() of the edited scenario in
 * test/incremental-properties.test.ts and test/incremental-coupon.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { portfolio } from '../bench/portfolio';
import { buildSpreadsheet, comparedOutputs, fenDifference, type SpreadsheetTotals } from '../bench/spreadsheet';
import { prepare, setAt } from '../engine/index';
import { evaluator, parseOutputs } from '../engine/analysis/index';
import { periodsOf } from '../engine/flows';

describe('portfolio generator', () => {
  it('yields valid scenarios of the asked size, deterministic from the seed', () => {
    for (const [parcels, months, seed, headroomMonths] of [[5, 24, 1, 0], [40, 60, 2, 0], [120, 120, 3, 12], [300, 240, 4, 24]]) {
      const s = portfolio({ parcels, months, seed, headroomMonths });
      const p = prepare(s);
      expect(p.ok, p.ok ? '' : p.problems.slice(0, 3).map((x) => x.message.en).join('; ')).toBe(true);
      if (!p.ok) continue;
      expect(p.model.parcels).toHaveLength(parcels);
      expect(p.model.timeline.months).toBe(months);
      const lastReceipt = Math.max(...p.model.parcels.flatMap((x) => (x.sale ? periodsOf(x.sale.receipts) : [0])));
      expect(lastReceipt).toBeLessThan(months - headroomMonths);
      expect(JSON.stringify(portfolio({ parcels, months, seed, headroomMonths }))).toBe(JSON.stringify(s));
    }
    expect(JSON.stringify(portfolio({ parcels: 10, months: 36, seed: 1 }))).not.toBe(JSON.stringify(portfolio({ parcels: 10, months: 36, seed: 2 })));
  });

  it('a portfolio with headroom takes a 12-month sale delay', () => {
    const s = portfolio({ parcels: 50, months: 120, seed: 5, headroomMonths: 12 });
    expect(prepare(setAt(s, ['adjustments'], { saleDelayMonths: 12 })).ok).toBe(true);
  });
});

function engineTexts(scenario: unknown, months: number): { keys: (keyof SpreadsheetTotals)[]; texts: string[] } {
  const paths = comparedOutputs(months);
  const outs = parseOutputs(Object.values(paths));
  if (!outs.ok) throw new Error('bad paths');
  const e = evaluator(outs.outputs, [], { viaReport: true })(scenario);
  if (!e.ok) throw new Error('refused');
  return { keys: Object.keys(paths) as (keyof SpreadsheetTotals)[], texts: e.texts as string[] };
}

describe('the spreadsheet model', () => {
  for (const [parcels, months, seed] of [[8, 36, 1], [25, 48, 2]]) {
    it(`in whole fen agrees with the engine to the fen (${parcels} × ${months}, with a bond), also after the split ratio and the coupon change`, () => {
      const s = portfolio({ parcels, months, seed, bond: true });
      const sheet = buildSpreadsheet(s, { unit: 'fen' });
      try {
        const { keys, texts } = engineTexts(s, months);
        const t = sheet.totals();
        expect(keys.map((k, i) => [k, fenDifference(t[k], texts[i])])).toEqual(keys.map((k) => [k, 0]));
        sheet.set('provinceWeight', 7);
        const after = engineTexts(setAt(s, ['split', 'ratios'], { province: '7', city: '4' }), months);
        const t2 = sheet.totals();
        expect(keys.map((k, i) => [k, fenDifference(t2[k], after.texts[i])])).toEqual(keys.map((k) => [k, 0]));
        sheet.set('bondRate', 0.045);
        const coupon = engineTexts(setAt(setAt(s, ['split', 'ratios'], { province: '7', city: '4' }), ['bonds', 0, 'couponRate'], '4.5%'), months);
        const t3 = sheet.totals();
        expect(keys.map((k, i) => [k, fenDifference(t3[k], coupon.texts[i])])).toEqual(keys.map((k) => [k, 0]));
        expect(Number(coupon.texts[keys.indexOf('interest')])).toBeGreaterThan(Number(after.texts[keys.indexOf('interest')]));
      } finally {
        sheet.destroy();
      }
    });
  }

  it('in 元 floats it is the same model, off by at most a few fen a parcel', () => {
    const s = portfolio({ parcels: 25, months: 48, seed: 2, bond: true });
    const sheet = buildSpreadsheet(s);
    try {
      const { keys, texts } = engineTexts(s, 48);
      const t = sheet.totals();
      for (const [i, k] of keys.entries()) expect(Math.abs(fenDifference(t[k], texts[i])), k).toBeLessThanOrEqual(25 * 3);
    } finally {
      sheet.destroy();
    }
  });
});
