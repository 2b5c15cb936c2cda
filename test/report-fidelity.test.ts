/**
 * Filed reports read as a finance officer reads them: each figure is what its Chinese label says,
 * derived here by hand in fen from the scenario's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, fen } from '../engine/reports/index';
import { prepare, report, run, type Result } from '../engine/index';
import { composed } from './support/scenarios';
import { evaluate, moneyOf, row, section } from './support/report-model';

function runScenario(scenario: Record<string, unknown>): Result {
  const prepared = prepare(scenario);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message.en).join('; '));
  return report(run(prepared.model), { postings: true });
}

describe('项目信息卡: 预期收入 is the income the coverage counts, 成本 only what comes off it', () => {
  // hainan-bonds with the Sanya parcel sold in 2025-12 instead of 2023-06: under the default
  // schedule (≥ 50% a month after the sale, the balance twelve months after) its receipts are
  // 2026-01 and 2026-12, and the bond matures in 2026-05.
  const scenario = composed('scenarios/hainan-bonds.json');
  const parcels = scenario.parcels as { id: string; sale: { date: string } }[];
  parcels.find((p) => p.id === 'HN-SY-01')!.sale.date = '2025-12';
  const result = runScenario(scenario);
  const card = section(buildReport('card', result), 'HN-PRJ-2021-01.card');
  const cell = (key: string) => row(card, key).cells[0];

  it('leaves out the receipt that arrives after the bond has matured', () => {
    // Haikou: 80 亩 = 800 000 / 15 m² at 8 500 元/m² = 453 333 333.33 元, received 2023-01 and 2023-12.
    // Sanya: 150 000 万元, 75 000 万元 received 2026-01 (inside the life), 75 000 万元 2026-12 (after 2026-05).
    // Income within the life: 45 333 333 333 + 75 000 000 000 = 120 333 333 333 fen.
    expect(fen(moneyOf(cell('income')))).toBe(120_333_333_333);
    // Gross basis: nothing comes off the income before debt service, so the card's 成本 is 0 —
    // before the fix it showed the 75 000 万元 arriving after maturity as 成本 (0.3840 of income).
    expect(fen(moneyOf(cell('cost')))).toBe(0);
    expect(cell('costShare')).toMatchObject({ v: '0.0000' });
    // 覆盖倍数 = 120 333 333 333 ÷ (80 000 万元 + 5 × 2 640 万元 = 93 200 000 000) = 1.29113… → 1.2911.
    expect(cell('coverage')).toMatchObject({ v: '1.2911' });
    expect(result.bonds[0].incomeAfterLife).toBe('750000000.00');
    // The note says what was left out: 75 000.00 万元 after 2026-05.
    expect(card.note?.zh).toContain('2026-05 后到账的 75,000.00 万元');
  });
});

describe('信息披露表 states its unit once', () => {
  it('the unit line is the report’s own, not repeated in the section’s note', async () => {
    const { reportText } = await import('../engine/reports/index');
    const text = reportText(buildReport('disclosure', runScenario(composed('scenarios/hainan-bonds.json'))), 'zh');
    // The report says 单位：亿元 once at the top; the section note no longer repeats it
    // (the workbook wrote "单位：亿元　单位：亿元。…" in its second row).
    expect(text.split('单位：亿元').length - 1).toBe(1);
  });
});

describe('收支预算（决算）表: the 国有土地收益基金 allocated to the reserve is its own source (财综〔2018〕8号)', () => {
  it('Jiangmen’s pool: the fund’s 3.17% of sale income is not filed as 资金池筹资', () => {
    const budget = buildReport('budget', runScenario(composed('scenarios/jiangmen-pool.json')));
    const funds = section(budget, 'funds');
    const total = (key: string) => fen(moneyOf(row(funds, key).cells[0]));
    // 财综〔2018〕8号 lists the reserve's sources: land-sale income of supplied land, the 国有土地收益基金,
    // bonds, other fiscal funds. Jiangmen's pool takes 100% of the fund back (landIncomeFundShare):
    // 3.17% × 121 400 万元 = 3 848.38 万元 = 38 483 800 元 = 3 848 380 000 fen, received 2022.
    expect(total('inc.landIncomeFund')).toBe(3_848_380_000);
    // 其他财政资金（资金池筹资） is the pool's capital alone: 30 000 万元 — before, 33 848.38 万元.
    expect(total('inc.pool')).toBe(30_000_000_000);
    // Income still adds up: cost recovered 47 500 万元 + 3 848.38 + 30 000 = 81 348.38 万元.
    expect(total('inc.total')).toBe(81_348_380_000);
  });
});

describe('收支预算（决算）表: each year’s 收支差额 is what the reserve funds gained or lost that year', () => {
  // The reserve funds are the fund accounts other than the treasury (the reserve fund, a pool, a
  // zone's fund, a project's bond account). Their change each year, from the ledger, is what the
  // table's 收支差额 must show: money the budget advanced for debt service, value added parked in
  // a project account, and a 做地 developer's own spending were missing or wrongly included.
  const FILES = ['scenarios/hainan-bonds.json', 'scenarios/xinmi-zoning.json', 'scenarios/jiangmen-pool.json', 'scenarios/xingning-buyback.json'];
  it.each(FILES)('%s', (file) => {
    const result = runScenario(composed(file));
    const funds = section(buildReport('budget', result), 'funds');
    const kind = new Map(result.accounts.map((a) => [a.id, a.kind]));
    const reserve = (id: string) => kind.get(id) === 'fund' && id !== 'treasury';
    const change = new Map<number, number>();
    for (const p of result.postings!) {
      const sign = (reserve(p.to) ? 1 : 0) - (reserve(p.from) ? 1 : 0);
      const y = Number(p.period.slice(0, 4));
      change.set(y, (change.get(y) ?? 0) + sign * fen(p.amount));
    }
    const net = row(funds, 'net').cells;
    result.years.forEach((y, i) => expect(fen(moneyOf(net[i + 1])), `${file} ${y.year}`).toBe(change.get(y.year) ?? 0));
  });

  it('hainan-bonds 2022: the budget’s advance for the first coupon is income of the year', () => {
    const funds = section(buildReport('budget', runScenario(composed('scenarios/hainan-bonds.json'))), 'funds');
    const at = (key: string, year: number) => fen(moneyOf(row(funds, key).cells[year - 2021 + 1]));
    // 2022-05 coupon: 80 000 万元 × 3.30% = 26 400 000.00 元, redemption fee 0.005% of it = 1 320.00 元;
    // the project account still held 8 827 688.88 元 (proceeds less what it paid, as the bond-use
    // report lists): the budget advanced 26 401 320.00 − 8 827 688.88 = 17 573 631.12 元.
    expect(at('inc.debtSupport', 2022)).toBe(1_757_363_112);
    // 2023-05 coupon, the account empty: 26 401 320.00 元; both returned from the 2023-12 recovery.
    expect(at('inc.debtSupport', 2023)).toBe(2_640_132_000);
    expect(at('exp.debtSupportReturn', 2023)).toBe(1_757_363_112 + 2_640_132_000);
    // 2022 then closes at −9 002.32 万元: the project account's 9 002.32 万元 left from 2021, spent (was −10 759.69).
    expect(at('net', 2022)).toBe(-9_002_324_444);
  });

  it('xinmi: the developer’s works are not reserve spending; its compensation is', () => {
    const result = runScenario(composed('scenarios/xinmi-zoning.json'));
    const funds = section(buildReport('budget', result), 'funds');
    const total = (key: string) => fen(moneyOf(row(funds, key).cells[0]));
    // Every parcel's works are the developer's (每个片区有做地主体): 33 500 万元 of works and 514.50 万元
    // of 504 fee (E1 92 + E2 72.5 + W1 80 + W2 50 + S1 128 + S2 92), none paid by a reserve fund.
    expect(total('exp.dev')).toBe(0);
    // The developer is paid 15% of each zone's sales from the cost recovered: 15% × 171 000 万元 = 25 650 万元.
    expect(total('exp.devComp')).toBe(25_650_000_000);
    expect(total('inc.devComp')).toBe(total('exp.devComp'));
  });
});

describe('项目信息卡 and 信息披露表: a fiscal bridge is not 其他债务融资', () => {
  it('hainan-bonds with bridges: capital stays investment less the bond', () => {
    // Bridges (临时预拨) are the budget's advances, returned from cost recovery — not debt; the
    // reserve may not borrow otherwise since 2016 (财综〔2016〕4号), so the project has no other
    // debt. Before, the scenario's bridges (21 440.22 万元, some of them for the Danzhou parcel
    // outside the project) were filed as 其他债务融资 and the capital came out at −10 176.89 万元.
    const scenario = composed('scenarios/hainan-bonds.json');
    (scenario.funding as Record<string, unknown>).shortfall = 'bridge';
    const result = runScenario(scenario);
    expect(fen(result.totals.bridges)).toBeGreaterThan(0);
    const card = section(buildReport('card', result), 'HN-PRJ-2021-01.card');
    // Investment: Sanya 589 300 000.00 + Haikou 323 333 333.33 = 912 633 333.33 元; bond 800 000 000.00 元.
    expect(fen(moneyOf(row(card, 'otherDebt').cells[0]))).toBe(0);
    expect(fen(moneyOf(row(card, 'capital').cells[0]))).toBe(11_263_333_333);
    const disclosure = section(buildReport('disclosure', result), 'HN-2021-TC01.project');
    expect(fen(moneyOf(row(disclosure, 'otherDebt').cells[0]))).toBe(0);
    expect(fen(moneyOf(row(disclosure, 'nonBond').cells[0]))).toBe(11_263_333_333);
  });
});

describe('收益与融资平衡方案: income after the bond’s maturity is named, not silently in the year', () => {
  it('hainan-bonds with the Sanya sale in 2025-12: 75 000 万元 of 2026 arrives after 2026-05', () => {
    const scenario = composed('scenarios/hainan-bonds.json');
    (scenario.parcels as { id: string; sale: { date: string } }[]).find((p) => p.id === 'HN-SY-01')!.sale.date = '2025-12';
    const life = section(buildReport('balance', runScenario(scenario)), 'HN-2021-TC01.life');
    const cells = row(life, 'inc.afterLife').cells;
    // Columns: total, 2021 … 2026. The 2026-12 balance of the Sanya price, 750 000 000.00 元, is
    // the 2026 column's 土地出让收入 of 150 000 万元 less the 75 000 万元 the coverage counts.
    expect(fen(moneyOf(cells[0]))).toBe(75_000_000_000);
    expect(fen(moneyOf(cells[6]))).toBe(75_000_000_000);
    expect(fen(moneyOf(row(life, 'inc.receipts').cells[6])) - fen(moneyOf(cells[6]))).toBe(fen(moneyOf(row(life, 'inc.available').cells[6])));
  });

  it('the bundled case, all income within the life, has no such row', () => {
    const life = section(buildReport('balance', runScenario(composed('scenarios/hainan-bonds.json'))), 'HN-2021-TC01.life');
    expect(life.rows.some((r) => r.key === 'inc.afterLife')).toBe(false);
  });
});

describe('项目信息卡: 建设期 is the years of acquisition and pre-development', () => {
  it('hainan-bonds: 2021—2022, not stretched into 2023 by the care of land waiting to be sold', () => {
    const card = section(buildReport('card', runScenario(composed('scenarios/hainan-bonds.json'))), 'HN-PRJ-2021-01.card');
    // Acquisition 2021-06 to 2021-12 (Sanya) and 2021-09 (Haikou), works 2022-03 and 2022-09; the
    // Sanya parcel's 管护 runs to its sale in 2023-06, which is holding, not construction.
    expect(row(card, 'build').cells[0]).toMatchObject({ v: '2021年—2022年' });
    expect(row(card, 'operate').cells[0]).toMatchObject({ v: '2023年—2026年' });
  });
});

describe('信息披露表: a project with two bonds', () => {
  it('不含专项债券的项目资金 leaves out both bonds, not only the one disclosed', () => {
    const scenario = composed('scenarios/hainan-bonds.json');
    const bonds = scenario.bonds as Record<string, unknown>[];
    bonds.push({ ...bonds[0], id: 'HN-2022-TC02', name: { zh: '2022年海南省土地储备专项债券（二期）', en: 'tranche 2' }, issueDate: '2022-05', principal: '5000万元' });
    const result = runScenario(scenario);
    const disclosure = buildReport('disclosure', result);
    // Investment: Sanya 589 300 000.00 + Haikou 323 333 333.33 = 912 633 333.33 元; bonds 80 000 + 5 000
    // 万元 = 850 000 000.00 元 → 62 633 333.33 元 of other funding, whichever bond's table it is.
    for (const id of ['HN-2021-TC01', 'HN-2022-TC02']) {
      const s = section(disclosure, `${id}.project`);
      expect(fen(moneyOf(row(s, 'nonBond').cells[0])), id).toBe(6_263_333_333);
      // The workbook's formula for it (investment − bonds − other debt) comes to the same figure.
      const cell = row(s, 'nonBond').cells[0];
      expect(cell.t === 'money' && cell.f ? evaluate(s, row(s, 'nonBond'), cell.f) : null, id).toBe(6_263_333_333);
    }
    expect(fen(moneyOf(row(section(disclosure, 'HN-2021-TC01.project'), 'otherBonds').cells[0]))).toBe(5_000_000_000);
  });
});
