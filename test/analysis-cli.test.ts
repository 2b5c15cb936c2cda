/**
 * The analysis commands as a user meets them: sweep, tornado, montecarlo, solve — tables, --json
 * with exact 元 strings, --csv, a progress bar on stderr; bad input refused with the field, the
 * value and what was expected in English and Chinese, exit 1, no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lrsim } from './support/lrsim';
import { simulate, setAt } from '../engine/index';
import { composed } from './support/scenarios';


const HAINAN = 'scenarios/hainan-provincial.json';
const BONDS = 'scenarios/hainan-bonds.json';

describe('lrsim sweep', () => {
  it('--json gives every point with the Result’s own strings', async () => {
    const r = await lrsim('sweep', HAINAN, '--x', 'adjustments.salePriceFactor=0.9:1.1:3', '--output', 'totals.valueAdded', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cells.map((c: { inputs: string[] }) => c.inputs[0])).toEqual(['0.9', '1', '1.1']);
    expect(j.cells[1].outputs[0]).toBe(simulate(composed(HAINAN)).totals.valueAdded);
  });

  it('--csv and --heatmap', async () => {
    const csv = await lrsim('sweep', HAINAN, '--x', 'split.sharePercent.province=50,60', '--output', 'totals.shares.city', '--csv');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\n')[0]).toBe('split.sharePercent.province,totals.shares.city,problems');
    const heat = await lrsim('sweep', HAINAN, '--x', 'split.sharePercent.province=50,60,70', '--y', 'adjustments.costFactor=1,1.2', '--output', 'totals.shares.city', '--heatmap');
    expect(heat.code, heat.err).toBe(0);
    expect(heat.out).toMatch(/[░▒▓█]/);
  });

  it('--stress lines up the presets', async () => {
    const r = await lrsim('sweep', BONDS, '--stress', '--csv');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(8);
    expect(r.out).toContain('min(bonds[*].coverageRatio)');
  });

  it('a bad path or value: exit 1, the path, the value and what was expected, in English and Chinese', async () => {
    const r = await lrsim('sweep', HAINAN, '--x', 'parcels[0].sale.prise=1:2:3');
    expect(r.code).toBe(1);
    expect(r.err).toContain('parcels[0].sale.prise');
    expect(r.err).toMatch(/expected/);
    expect(r.err).toMatch(/应为/);
    const unit = await lrsim('sweep', HAINAN, '--x', 'parcels[0].sale.price=1亿元:2亿元:3');
    expect(unit.code).toBe(1);
    expect(unit.err).toContain('万元');
    const steps = await lrsim('sweep', HAINAN, '--x', 'adjustments.costFactor=1:2:x');
    expect(steps.code).toBe(1);
    const missing = await lrsim('sweep', 'scenarios/nope.json', '--x', 'adjustments.costFactor=1,2');
    expect(missing.code).toBe(1);
    expect(missing.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('usage mistakes exit 2', async () => {
    expect((await lrsim('sweep', HAINAN)).code).toBe(2);
    expect((await lrsim('sweep', HAINAN, '--x', 'a=1', '--bogus')).code).toBe(2);
  });
});

describe('lrsim tornado', () => {
  it('sorted bars; --json swings are exact', async () => {
    const r = await lrsim('tornado', BONDS, '--output', 'totals.shares.city', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const swings = j.bars.map((b: { swing: number }) => b.swing);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
    const price = j.bars.find((b: { path: string }) => b.path === 'adjustments.salePriceFactor');
    expect(price.high.text).toBe(simulate(setAt(composed(BONDS), ['adjustments', 'salePriceFactor'], '1.2')).totals.shares.city);
    const text = await lrsim('tornado', BONDS, '--input', 'parcels[1].sale.unitPrice=x0.9,1.1', '--input', 'adjustments.costFactor=0.9,1.1');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('│');
  });

  it('bad input: exit 1 with the field named', async () => {
    const r = await lrsim('tornado', BONDS, '--input', 'adjustments.costFactor=0.9');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--input adjustments.costFactor');
  });
});

describe('lrsim montecarlo', () => {
  it('runs on 2 threads, reproducible from the seed, progress on stderr', async () => {
    const args = ['montecarlo', BONDS, '--runs', '120', '--seed', '5', '--dist', 'adjustments.salePriceFactor=triangular(0.8,1,1.1)', '--dist', 'adjustments.saleDelayMonths=uniform(0,6) integer', '--output', 'totals.valueAdded', '--json'];
    const two = await lrsim(...args, '--threads', '2');
    const one = await lrsim(...args, '--threads', '1');
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    expect(two.err).toMatch(/100%\s+120\/120 runs/);
    const j = JSON.parse(two.out);
    expect(j.outputs[0].percentiles.map((p: { p: number }) => p.p)).toEqual([5, 10, 50, 90, 95]);
    expect(j.events.map((e: { label: string }) => e.label).join(' ')).toContain('coverage');
  }, 60_000);

  it('text and CSV summaries', async () => {
    const r = await lrsim('montecarlo', BONDS, '--runs', '40', '--quiet', '--series', 'periods[*].poolBalance');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('P50');
    expect(r.out).toContain('fan chart');
    expect(r.err).toBe('');
    const csv = await lrsim('montecarlo', BONDS, '--runs', '20', '--quiet', '--csv');
    expect(csv.out.split('\n')[0]).toBe('output,kind,n,mean,P5,P10,P50,P90,P95');
  }, 60_000);

  it('bad distributions and options: exit 1 with every problem', async () => {
    const r = await lrsim('montecarlo', BONDS, '--runs', '0', '--dist', 'adjustments.salePriceFactor=gauss(1,1)', '--corr', 'a,b', '--event', 'totals.valueAdded~0');
    expect(r.code).toBe(1);
    for (const s of ['--runs', '--corr', '--event']) expect(r.err).toContain(s);
    const dist = await lrsim('montecarlo', BONDS, '--runs', '5', '--dist', 'adjustments.salePriceFactor=gauss(1,1)');
    expect(dist.code).toBe(1);
    expect(dist.err).toContain('inputs[0].distribution');
    expect(dist.err).toContain('triangular');
  });
});

describe('lrsim solve', () => {
  it('an explicit goal seek and a preset', async () => {
    const r = await lrsim('solve', HAINAN, '--input', 'parcels[0].sale.price', '--from', '10000万元', '--to', '150000万元', '--output', 'parcels[0].unrecoveredCost', '--at-most', '0', '--find', 'min', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.status).toBe('solved');
    expect(simulate(setAt(composed(HAINAN), ['parcels', 0, 'sale', 'price'], j.value)).parcels[0].unrecoveredCost).toBe('0.00');
    const p = await lrsim('solve', BONDS, '--preset', 'max-bond');
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain('最大发行额');
  });

  it('no solution in range is an answer (exit 0)', async () => {
    const r = await lrsim('solve', HAINAN, '--input', 'parcels[0].sale.price', '--from', '1000万元', '--to', '2000万元', '--output', 'parcels[0].unrecoveredCost', '--at-most', '0', '--find', 'min');
    expect(r.code).toBe(0);
    expect(r.out).toContain('区间内无解');
  });

  it('missing and bad options: exit 1, all named', async () => {
    const r = await lrsim('solve', HAINAN, '--input', 'parcels[0].sale.price');
    expect(r.code).toBe(1);
    for (const s of ['--from', '--to', '--output', '--find', '--at-least']) expect(r.err).toContain(s);
    const preset = await lrsim('solve', HAINAN, '--preset', 'max-bond');
    expect(preset.code).toBe(1);
    expect(preset.err).toContain('bonds');
  });
});

describe('through bin/lrsim.mjs', () => {
  it('a bad option prints no stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/lrsim.mjs', 'solve', HAINAN, '--preset', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--preset');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
