/**
 * `stock` command: the seed inventory and targets, a plan's outcome per county as text, JSON and
 * CSV, and bad input as clear messages with exit 1.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stock } from '../cli/commands/stock';
import qinzhou from '../data/qinzhou-stock-2020.json';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await stock(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

const squash = (s: string) => s.replace(/ +/g, ' ');
const dir = mkdtempSync(join(tmpdir(), 'lrsim-stock-'));
const write = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};

const PLAN = {
  baseQuota: { qinbei: '300亩' },
  disposals: { qinbei: { approvedUnsupplied: ['5', '10', '10', '5'], suspectedIdle: ['2', '2', '2', '1'] } },
  assume: { achievement: { default: '100%', lingshan: '80%' } },
};

describe('stock', () => {
  it('prints the inventory, the seed checks and each county\'s targets', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    const text = squash(r.out);
    expect(text).toContain('市主城区 921.6116 8.6559 263.2333 1193.5008 17902.512 38.49%');
    expect(text).toContain('钦北区');
    expect(squash(r.out.split('\n').find((l) => l.startsWith('钦北区'))!)).toMatch(/ 7\.33%$/);
    expect(text).toContain('合计 2654.0829 46.8457 399.7426 3100.6712 46510.068');
    expect(text).toContain('4.65 万亩 = the target: the whole 2020 stock ✓');
    expect(text).toContain('70% × target = 3.255 万亩 (stated 3.255 万亩 ✓)');
    expect(text).toContain('市主城区 168.0541 25.2081 67.2216 126.0405 168.0541');
    expect(text).toContain('targets only');
  });

  it('--plan: which county meets which target, and next year\'s quota', async () => {
    const r = await run(['--plan', write('plan.json', PLAN)]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const line = (name: string) => squash(lines.filter((l) => l.startsWith(name)).at(-1)!);
    expect(line('钦北区')).toContain('7.0000/6.4128 ✓');
    expect(line('钦北区')).toContain('31.0000/32.0641 ✗');
    expect(line('钦北区')).toContain('未完成 missed −20% → 240 亩');
    expect(line('灵山县')).toContain('−20% (assumed)');
    expect(line('市主城区')).toContain('达成 met +10% (assumed)');
  });

  it('--json: the outcome per county with areas as decimal strings', async () => {
    const r = await run(['--plan', write('plan.json', PLAN), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.inventory.totalsHa.all).toBe('3100.6712');
    expect(j.inventory.totalMu).toBe('46510.068');
    expect(j.revitalisation.targetIsWholeStock).toBe(true);
    const qinbei = j.outcome.counties.find((c: { id: string }) => c.id === 'qinbei');
    expect(qinbei.linkageMet).toBe(false);
    expect(qinbei.quota).toMatchObject({ change: '−20%', nextMu: '240' });
    expect(qinbei.categories[0]).toMatchObject({ source: 'actual', taskHa: '36.189126', cumulativeHa: ['5', '15', '25', '30'] });
  });

  it('--csv: one row per county and category', async () => {
    const r = await run(['--plan', write('plan.json', PLAN), '--csv']);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows.length).toBe(1 + 6 * 3);
    expect(rows[0].split(',').slice(0, 8)).toEqual(['year', 'countyId', 'county', 'category', 'categoryZh', 'source', 'openingHa', 'taskHa']);
    expect(rows[1].split(',').slice(0, 8)).toEqual(['2022', 'mainUrban', '市主城区', 'approvedUnsupplied', '批而未供', 'assumed', '921.6116', '165.890088']);
  });

  it('a bad plan: exit 1, every problem with its path and value in English and Chinese', async () => {
    const r = await run(['--plan', write('bad.json', { quarterlyCumulative: ['15%', '40%', '35%', '100%'], disposals: { qinbei: { approvedUnsupplied: ['5', 'x', '1', '1'] } } })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('quarterlyCumulative[2]: found "35%"');
    expect(r.err).toContain('cumulative progress never falls');
    expect(r.err).toContain('不低于上一季度');
    expect(r.err).toContain('disposals.qinbei.approvedUnsupplied[1]: found "x"');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing plan file and bad JSON: exit 1', async () => {
    const missing = await run(['--plan', join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file.notFound');
    const broken = await run(['--plan', write('broken.json', '{"disposals": ')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('file.json');
  });

  it('an inventory whose totals disagree: exit 1 at the stated total\'s path', async () => {
    const bad = structuredClone(qinzhou);
    bad.statedTotalsHa.all = '3100.6713';
    const r = await run(['--inventory', write('inv.json', bad)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('statedTotalsHa.all');
    expect(r.err).toContain('3100.6712');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['--json', '--csv'])).code).toBe(2);
    expect((await run(['extra'])).code).toBe(2);
    expect((await run(['--plan'])).code).toBe(2);
  });

  describe('--idle: idle land under 令第53号', () => {
    const IDLE = join(__dirname, 'fixtures/good/idle-land.json');
    const caseLine = (out: string, id: string) => squash(out.split('\n').find((l) => l.startsWith(id))!);

    it('text: each case\'s standing, the fee due and the recovery date on the file\'s date', async () => {
      const r = await run(['--idle', IDLE]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('as of 2022-06-30');
      // 12.5 亩 sold for 500 万元, no work since 2020-03-01: fee 20 % = 100 万元, recovered on 2022-03-01.
      expect(caseLine(r.out, 'qz-idle-1')).toContain('500.00 未动工 not started 2021-03-01 无偿收回 recovered 100.00 2022-03-01');
      // Stalled since 2021-03-15 under 1/3 developed: idle from 2022-03-15, fee 240 万元, recoverable 2023-03-15.
      expect(caseLine(r.out, 'qz-idle-2')).toContain('停工 stalled 2022-03-15 征收闲置费 idle fee 240.00 2023-03-15');
      expect(caseLine(r.out, 'qz-idle-3')).toContain('协商处置 negotiate - -');
      expect(caseLine(r.out, 'qz-idle-4')).toContain('不闲置 not idle');
      // A stated recovery date later than the day recovery became possible is kept.
      expect(caseLine(r.out, 'qz-idle-5')).toContain('48.00 2022-05-20');
      expect(squash(r.out)).toContain('闲置 4 宗 idle parcels; 应缴闲置费 fee due 388.00 万元; 无偿收回 2 宗 recovered');
    });

    it('--as-of moves the date: a year earlier nothing is recovered yet', async () => {
      const r = await run(['--idle', IDLE, '--as-of', '2021-06-30']);
      expect(r.code).toBe(0);
      expect(caseLine(r.out, 'qz-idle-1')).toContain('征收闲置费 idle fee 100.00 2022-03-01');
      expect(caseLine(r.out, 'qz-idle-2')).toContain('不闲置 not idle');
      expect(squash(r.out)).toContain('闲置 3 宗 idle parcels; 应缴闲置费 fee due 148.00 万元; 无偿收回 0 宗 recovered');
    });

    it('--json: money as 元 strings, and the recovered parcels ready for a scenario', async () => {
      const r = await run(['--idle', IDLE, '--json']);
      expect(r.code).toBe(0);
      const idle = JSON.parse(r.out).idleLand;
      expect(idle).toMatchObject({ asOf: '2022-06-30', idleParcels: 4, feeDue: '3880000.00' });
      expect(idle.cases[0]).toMatchObject({ id: 'qz-idle-1', landPrice: '5000000.00', fee: '1000000.00', action: 'recoverWithoutCompensation', recoveryDate: '2022-03-01' });
      expect(idle.recoveredParcels).toEqual([
        { id: 'qz-idle-1', name: '钦州港某地块', area: '12.5亩', acquisition: { mode: 'idleRecovery', price: '0元', date: '2022-03-01' } },
        { id: 'qz-idle-5', name: '浦北县逾期地块', area: '6亩', acquisition: { mode: 'idleRecovery', price: '0元', date: '2022-05-20' } },
      ]);
    });

    it('a bad case or date: exit 1 with the path, no stack trace', async () => {
      const bad = await run(['--idle', write('idle-bad.json', { cases: [{ id: 'x', name: 'x', area: '12', landPrice: '5', contractStartDate: '2020-13-01' }] })]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('cases[0].area');
      expect(bad.err).toContain('cases[0].contractStartDate');
      expect(bad.err).not.toMatch(/\n\s+at /);
      const date = await run(['--idle', IDLE, '--as-of', '2022-02-30']);
      expect(date.code).toBe(1);
      expect(date.err).toContain('date.format');
    });
  });
});
