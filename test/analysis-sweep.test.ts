/**
 * Sweeps, tornado and the stress table agree with direct simulate() calls at their points, to
 * the fen; inputs keep the field's own form; refused points carry their problems.
 */
import { describe, expect, it } from 'vitest';
import { linearRange, resolveInput, stressOutputs, sweep, sweepMatrix, sweepRows, tornado, applyInput, defaultTornadoInputs } from '../engine/analysis/index';
import { STRESS_PRESETS, getAt, parsePath, setAt, simulate } from '../engine/index';
import { dec } from '../engine/money';
import { composed } from './support/scenarios';

const hainan = composed('scenarios/hainan-provincial.json');
const bonds = composed('scenarios/hainan-bonds.json');
const at = (result: unknown, path: string) => getAt(result, parsePath(path)!);

describe('inputs keep the form the scenario writes them in', () => {
  it('linearRange interpolates exactly in decimal', () => {
    expect(linearRange(dec('120000'), dec('180000'), 4).map((d) => d.toFixed())).toEqual(['120000', '140000', '160000', '180000']);
    expect(linearRange(dec('0.8'), dec('1.2'), 5).map((d) => d.toFixed())).toEqual(['0.8', '0.9', '1', '1.1', '1.2']);
  });

  it('a money field keeps its unit, a whole-number field stays a number', () => {
    const price = resolveInput(hainan, 'parcels[0].sale.price');
    const delay = resolveInput(hainan, 'adjustments.saleDelayMonths');
    if (!price.ok || !delay.ok) throw new Error('unresolved');
    expect(at(applyInput(hainan, price.input, dec('123456.78')), 'parcels[0].sale.price')).toBe('123456.78万元');
    expect(at(applyInput(hainan, delay.input, dec('3')), 'adjustments.saleDelayMonths')).toBe(3);
  });

  it('a path to nothing is a problem naming the path, in English and Chinese', () => {
    const r = resolveInput(hainan, 'parcels[0].sale.priec');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].path).toBe('parcels[0].sale.priec');
      expect(r.problems[0].message.zh).toContain('parcels[0].sale.priec');
    }
  });

  it('split.sharePercent.province moves the split and keeps the other tier in proportion', () => {
    const r = resolveInput(hainan, 'split.sharePercent.province');
    if (!r.ok) throw new Error('unresolved');
    expect(r.input.base.toFixed()).toBe('60');
    expect(at(applyInput(hainan, r.input, dec('70')), 'split.ratios')).toEqual({ province: '70', city: '30' });
  });
});

describe('sweep: every cell equals simulate() of the scenario set at that point', () => {
  it('two axes, two outputs', () => {
    const r = sweep(hainan, {
      axes: [{ path: 'split.sharePercent.province', values: ['50', '70'] }, { path: 'adjustments.salePriceFactor', from: '0.8', to: '1.2', steps: 3 }],
      outputs: ['totals.shares.province', 'parcels["HN-SY-01"].valueAdded'],
    });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));
    expect(r.result.cells).toHaveLength(6);
    for (const cell of r.result.cells) {
      const [share, factor] = cell.inputs as [string, string];
      const direct = simulate(setAt(setAt(hainan, ['split', 'ratios'], { province: share, city: String(100 - Number(share)) }), ['adjustments', 'salePriceFactor'], factor));
      expect(cell.texts).toEqual([direct.totals.shares.province, direct.parcels[0].valueAdded]);
      expect(cell.values[0]).toBe(Math.round(Number(direct.totals.shares.province) * 100));
    }
    const m = sweepMatrix(r.result, 0);
    expect(m.columns).toEqual(['50', '70']);
    expect(m.rows).toEqual(['0.8', '1', '1.2']);
    expect(sweepRows(r.result).header).toEqual(['split.sharePercent.province', 'adjustments.salePriceFactor', 'totals.shares.province', 'parcels["HN-SY-01"].valueAdded', 'problems']);
  });

  it('coverage and the funding figures, read without a full report, match simulate()', () => {
    const r = sweep(bonds, { axes: [{ path: 'bonds[0].principal', values: ['60000万元', '90000万元'] }], outputs: ['bonds[0].coverageRatio', 'totals.peakFundingNeed', 'pool.minBalance', 'totals.financingCost'] });
    if (!r.ok) throw new Error('refused');
    for (const cell of r.result.cells) {
      const d = simulate(setAt(bonds, ['bonds', 0, 'principal'], cell.inputs[0]));
      expect(cell.texts).toEqual([d.bonds[0].coverageRatio, d.totals.peakFundingNeed, d.pool.minBalance, d.totals.financingCost]);
    }
  });

  it('a point the engine refuses keeps its problems; the others run', () => {
    const r = sweep(hainan, { axes: [{ path: 'adjustments.saleDelayMonths', values: [0, 60] }], outputs: ['totals.valueAdded'] });
    if (!r.ok) throw new Error('refused');
    expect(r.result.cells[0].ok).toBe(true);
    expect(r.result.cells[1].ok).toBe(false);
    expect(r.result.cells[1].problems[0].code).toBe('date.outsideTimeline');
  });

  it('bad axes and outputs are problems, all of them', () => {
    const r = sweep(hainan, { axes: [{ path: 'adjustments.salePriceFactor', values: ['0.9元'] }], outputs: ['totals.', ''] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThanOrEqual(2);
  });
});

describe('tornado: each bar equals simulate() at its low and its high', () => {
  it('default inputs and a scaled field, sorted by swing', () => {
    const r = tornado(bonds, { output: 'totals.shares.city', inputs: [...defaultTornadoInputs(), { path: 'parcels[1].sale.unitPrice', scale: ['0.9', '1.1'] }] });
    if (!r.ok) throw new Error('refused');
    const { bars, base } = r.result;
    expect(base.text).toBe(simulate(bonds).totals.shares.city);
    for (const bar of bars) {
      for (const side of [bar.low, bar.high]) {
        const path = parsePath(bar.path)!;
        expect(side.text).toBe(simulate(setAt(bonds, path, side.input)).totals.shares.city);
      }
      expect(bar.swing).toBe(Math.abs(bar.high.value - bar.low.value));
    }
    const swings = bars.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const scaled = bars.find((b) => b.path === 'parcels[1].sale.unitPrice')!;
    expect([scaled.low.input, scaled.high.input]).toEqual(['7650元/m²', '9350元/m²']);
  });
});

describe('stress presets in one table', () => {
  it('each row equals simulate() with the preset’s adjustments', () => {
    const r = stressOutputs(bonds, ['min(bonds[*].coverageRatio)', 'totals.peakFundingNeed']);
    if (!r.ok) throw new Error('refused');
    expect(r.rows.map((x) => x.id)).toEqual(['base', ...STRESS_PRESETS.map((p) => p.id)]);
    for (const row of r.rows) {
      const d = simulate(setAt(bonds, ['adjustments'], row.adjustments));
      expect(row.texts).toEqual([d.bonds[0].coverageRatio, d.totals.peakFundingNeed]);
    }
  });
});
