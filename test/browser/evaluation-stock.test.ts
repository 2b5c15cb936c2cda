/**
 * The 绩效评价 (evaluation) and 存量盘活 (stock-land) pages in Chromium, driven like a person:
 * typing into inputs, keys on sliders, clicks on toggles, downloads read back against the engine
 * run in Node on the same inputs, and the URL reloaded. Screenshots land in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { artifact, chartDrawn, chartSvg, kpiText, openPage, startHarness, type Harness } from './harness';
import { evaluateJson, formatPercent, formatPoints, type ScoredNode } from '../../engine/evaluation';
import { assessIdleLand, assumeDisposals, assumedDisposalPath, idleRecoveries, parseDisposalPlan, parseIdleLandCases, parseStockInventory, progressShareOfTask, simulateDisposalYear } from '../../engine/stock-land';
import { dec, fenToYuan } from '../../engine/money';
import xingning from '../../data/evaluation/xingning-2022.json';
import qinzhou from '../../data/qinzhou-stock-2020.json';
import idleCases from '../../data/qinzhou-idle-land-cases.json';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // Warm the dev server (dependency pre-bundling, first transforms) before anything is timed.
  const { page, context } = await openPage(h);
  await page.goto(`${h.base}?p=stock`);
  await chartDrawn(page, 'stock-progress', 60_000);
  await context.close();
});

afterAll(async () => {
  await h?.close();
});

const nodeRow = (page: Page, id: string) => page.locator(`lr-score-tree tr[data-node="${id}"]`);
const nodeScore = async (page: Page, id: string) => (await nodeRow(page, id).locator('td[data-score]').innerText()).trim();
const treeReady = (page: Page) => nodeRow(page, 'fundsArrival').waitFor({ timeout: 30_000 });
const countyCell = (page: Page, id: string, what: 'linkage' | 'quota') => page.locator(`lr-page-stock tr[data-county="${id}"] td[data-${what}]`);

async function download(page: Page, selector: string, name: string): Promise<string[][]> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  await d.saveAs(artifact(name));
  const text = readFileSync(artifact(name), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
}

function flat(nodes: readonly ScoredNode[]): ScoredNode[] {
  return nodes.flatMap((n) => [n, ...flat(n.children)]);
}

describe('evaluation and stock-land pages in Chromium', () => {
  it('each page loads with no console error and shows the seeds’ figures (screenshots kept)', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=evaluation`);
    await treeReady(page);
    expect(await kpiText(page, 'total')).toBe('88 / 100');
    expect(await kpiText(page, 'grade')).toBe('良');
    expect(await nodeScore(page, 'decision')).toBe('13');
    expect(await nodeScore(page, 'management')).toBe('22');
    expect(await nodeScore(page, 'performance')).toBe('53');
    await expect(nodeRow(page, 'decision').locator('td[data-rate]').innerText()).resolves.toBe('65.00%');
    await expect(page.locator('lr-page-evaluation details.checks summary').innerText()).resolves.toBe('与原文核对：31 项，0 项不一致');
    // The scenario bar belongs to the funding pages, not to these.
    await expect(page.locator('lr-app div.bar').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: artifact('evaluation-xingning.png'), fullPage: true });

    await page.goto(`${h.base}?p=evaluation&ev=jiangmen-2022`);
    await page.locator('lr-target-table tr[data-row="budgetExecution"]').waitFor({ timeout: 30_000 });
    expect(await kpiText(page, 'budgetExecution')).toBe('99.58%');
    expect(await kpiText(page, 'total')).toBe('98');
    expect(await kpiText(page, 'grade')).toBe('优');
    await expect(page.locator('lr-target-table tr[data-row="acquisition"] td[data-achievement]').innerText()).resolves.toBe('133.00%');
    await page.screenshot({ path: artifact('evaluation-jiangmen.png'), fullPage: true });

    await page.goto(`${h.base}?p=stock`);
    await chartDrawn(page, 'stock-inventory');
    await chartDrawn(page, 'stock-progress');
    expect(await kpiText(page, 'stock')).toBe('3,100.6712 公顷');
    await expect(page.locator('lr-kpis li[data-kpi="stock"] .hint').innerText()).resolves.toContain('46,510.068 亩');
    expect(await kpiText(page, 'countiesMet')).toBe('6 / 6');
    const checks = await page.locator('lr-page-stock lr-checks ul[data-checks]').innerText();
    expect(checks).toContain('4.65 万亩');
    expect(checks).toContain('3.255 万亩');
    await page.screenshot({ path: artifact('stock.png'), fullPage: true });

    await page.goto(`${h.base}?p=stock&lang=en`);
    await chartDrawn(page, 'stock-progress');
    await expect(page.locator('lr-app nav a[data-page="stock"]').innerText()).resolves.toContain('Stock land');
    await page.screenshot({ path: artifact('stock-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lowering 实际到位资金 drops 资金到位率’s points and the total from 88; findings and the scale move the grade', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=evaluation`);
    await treeReady(page);
    expect(await nodeScore(page, 'fundsArrival')).toBe('4');
    // The second tranche received: 4205.07 万元 → 3000 万元 (6205.07 → 5000 of 6205.27 planned).
    await page.locator('lr-evaluation-inputs input[name="in.received.1"]').fill('3000');
    await expect.poll(() => nodeScore(page, 'fundsArrival')).toBe('2');
    expect(await kpiText(page, 'fundsArrivalRate')).toBe('80.5767%');
    expect(await nodeScore(page, 'arrivalTimeliness')).toBe('0');
    expect(await nodeScore(page, 'funding')).toBe('2');
    expect(await nodeScore(page, 'management')).toBe('17');
    expect(await kpiText(page, 'total')).toBe('83 / 100');
    expect(await kpiText(page, 'received')).toBe('5,000.00万元');
    await expect(nodeRow(page, 'fundsArrival').locator('td.differs').count()).resolves.toBe(1);
    await expect(page.locator('lr-page-evaluation details.checks').getAttribute('data-differ')).resolves.not.toBe('0');
    expect(new URL(page.url()).searchParams.get('in.received.1')).toBe('3000');
    // An unmet-criteria count and a manual score: 83 − 2 (one more criterion unmet) − 8 − 8 = 65.
    await page.locator('lr-score-tree input[name="x.goalReasonableness"]').fill('3');
    await page.locator('lr-score-tree input[name="x.economic"]').fill('0');
    await page.locator('lr-score-tree input[name="x.social"]').fill('2');
    await expect.poll(() => kpiText(page, 'total')).toBe('65 / 100');
    expect(await nodeScore(page, 'goalReasonableness')).toBe('0');
    expect(await nodeScore(page, 'benefits')).toBe('12');
    // 65 is 中 on 财预〔2020〕10号 but 低 on the seed's five-grade scale.
    expect(await kpiText(page, 'grade')).toBe('中');
    await page.locator('lr-page-evaluation button[data-scale="xingning-5"]').click();
    await expect.poll(() => kpiText(page, 'grade')).toBe('低');
    // A pass/fail leaf.
    await page.locator('lr-score-tree select[name="x.setupBasis"]').selectOption('0');
    await expect.poll(() => kpiText(page, 'total')).toBe('60 / 100');
    // A bad value is shown at its field and scores nothing until it is fixed.
    await page.locator('lr-evaluation-inputs input[name="in.planned"]').fill('六千万');
    await page.locator('lr-evaluation-inputs [data-input="in.planned"] .err').waitFor();
    expect(await kpiText(page, 'total')).toBe('—');
    await page.locator('lr-evaluation-inputs input[name="in.planned"]').fill('6205.27万元');
    await expect.poll(() => kpiText(page, 'total')).toBe('60 / 100');
    // Collapsing a level-1 indicator hides its rows.
    await page.locator('lr-score-tree button[data-toggle="decision"]').click();
    await expect.poll(() => nodeRow(page, 'setupBasis').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('fold')).toBe('decision');
    await page.screenshot({ path: artifact('evaluation-what-if.png'), fullPage: true });
    // Back to the source.
    await page.locator('lr-page-evaluation button[data-reset-edits]').click();
    await expect.poll(() => kpiText(page, 'total')).toBe('88 / 100');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Jiangmen: an actual below its target is missed; the self-score sets the grade', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=evaluation&ev=jiangmen-2022`);
    const leased = page.locator('lr-target-table tr[data-row="leasedArea"]');
    await leased.waitFor({ timeout: 30_000 });
    const before = await kpiText(page, 'targetsMet');
    await leased.locator('input[name="t.leasedArea"]').fill('1350');
    await expect.poll(() => leased.locator('td[data-met]').getAttribute('data-met')).toBe('false');
    expect(await leased.locator('td[data-achievement]').innerText()).toBe('96.43%');
    expect(await kpiText(page, 'targetsMet')).not.toBe(before);
    const spent = page.locator('lr-target-table input[name="t.budgetExecution.spent"]');
    await spent.fill('30000');
    await expect.poll(() => kpiText(page, 'budgetExecution')).toBe('99.10%');
    await page.locator('lr-page-evaluation input[name="t.selfScore"]').fill('85');
    await expect.poll(() => kpiText(page, 'grade')).toBe('良');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moving the achievement slider changes which counties meet their targets and the quota shown', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=stock`);
    await chartDrawn(page, 'stock-progress');
    const svg = await chartSvg(page, 'stock-progress');
    expect(await kpiText(page, 'countiesMet')).toBe('6 / 6');
    await page.locator('lr-page-stock details.counties summary').click();
    expect(await countyCell(page, 'qinbei', 'quota').innerText()).toBe('+10%');
    // 100 % → 95 %: every county falls short of every quarter's target.
    const slider = page.locator('lr-slider[name="ach"] input[type="range"]');
    await slider.focus();
    await slider.press('ArrowLeft');
    await expect.poll(() => kpiText(page, 'countiesMet')).toBe('0 / 6');
    expect(await countyCell(page, 'qinbei', 'linkage').getAttribute('data-linkage')).toBe('false');
    expect(await countyCell(page, 'qinbei', 'quota').innerText()).toBe('−20%');
    await expect.poll(() => chartSvg(page, 'stock-progress')).not.toBe(svg);
    expect(new URL(page.url()).searchParams.get('ach')).toBe('95');
    // 钦北区 alone back at 100 %, with a quota of 300 亩 this year → 330 亩 next year.
    const qinbei = page.locator('lr-slider[name="ach.qinbei"] input[type="range"]');
    await qinbei.focus();
    await qinbei.press('ArrowRight');
    await expect.poll(() => kpiText(page, 'countiesMet')).toBe('1 / 6');
    expect(await countyCell(page, 'qinbei', 'linkage').getAttribute('data-linkage')).toBe('true');
    expect(await countyCell(page, 'qinnan', 'linkage').getAttribute('data-linkage')).toBe('false');
    const quota = page.locator('lr-page-stock input[name="quota.qinbei"]');
    await quota.fill('300');
    await quota.press('Enter');
    await expect.poll(() => countyCell(page, 'qinbei', 'quota').innerText()).toBe('+10% → 330 亩');
    await page.locator('lr-page-stock input[name="quota.qinnan"]').fill('300');
    await page.locator('lr-page-stock input[name="quota.qinnan"]').press('Enter');
    await expect.poll(() => countyCell(page, 'qinnan', 'quota').innerText()).toBe('−20% → 240 亩');
    // Back-loaded pace: 钦北区 misses Q1–Q3 but meets the year, so its quota still rises.
    const counties = page.locator('lr-table[data-table="stock-counties"] tbody tr', { hasText: '钦北区' });
    expect(await counties.innerText()).toMatch(/Q1 Q2 Q3 Q4/);
    await page.locator('lr-page-stock button[data-pace="late"]').click();
    await expect.poll(() => counties.innerText()).not.toMatch(/Q1 Q2/);
    expect(await counties.innerText()).toMatch(/\tQ4\t/);
    expect(await countyCell(page, 'qinbei', 'quota').innerText()).toBe('+10% → 330 亩');
    await page.screenshot({ path: artifact('stock-what-if.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('CSV exports read back to the engine’s figures (score tree and disposal progress), XLSX is a workbook', async () => {
    const { page, context, errors } = await openPage(h);
    // The score tree with 实际到位资金 lowered, against evaluateJson of the same file in Node.
    await page.goto(`${h.base}?p=evaluation&in.received.1=3000&x.economic=6`);
    await treeReady(page);
    const rows = await download(page, 'lr-score-tree button[data-export="csv"]', 'evaluation-score-tree.csv');
    const changed = structuredClone(xingning) as typeof xingning;
    changed.inputs.received[1].amount = '3000万元';
    (changed.tree[2].children[1].children[0].assessment as { score: number }).score = 6;
    const { result } = evaluateJson(changed);
    const nodes = flat(result!.levels);
    const col = (zh: string) => rows[0].indexOf(zh);
    expect(rows.length - 1).toBe(nodes.length);
    nodes.forEach((n, i) => {
      const r = rows[i + 1];
      expect(r[col('编号')]).toBe(n.id);
      expect(r[col('分值')]).toBe(n.weight.toString());
      expect(r[col('得分')]).toBe(formatPoints(n.score));
      expect(r[col('得分率')]).toBe(formatPercent(n.rate, 2));
    });
    expect(formatPoints(result!.score)).toBe('81');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('lr-score-tree button[data-export="xlsx"]').click()]);
    await xlsx.saveAs(artifact('evaluation-score-tree.xlsx'));
    expect(readFileSync(artifact('evaluation-score-tree.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');

    // Disposal progress at 95 % (钦北区 100 %) against simulateDisposalYear in Node.
    await page.goto(`${h.base}?p=stock&ach=95&ach.qinbei=100&quota.qinbei=300`);
    await chartDrawn(page, 'stock-progress');
    const progress = await download(page, 'lr-chart[data-chart="stock-progress"] button[data-export="csv"]', 'stock-progress.csv');
    const inv = parseStockInventory(qinzhou).inventory!;
    const base = parseDisposalPlan(qinzhou.plan, inv, null, 'plan').input!.plan;
    const plan = { ...base, baseQuotaMu: { qinbei: dec('300') } };
    const year = simulateDisposalYear(inv, plan, assumeDisposals(inv, plan, { qinbei: dec('1') }, dec('0.95')));
    const pc = (zh: string) => progress[0].indexOf(zh);
    expect(progress.length - 1).toBe(year.counties.length * 4);
    year.counties.forEach((c, ci) => [0, 1, 2, 3].forEach((q) => {
      const r = progress[1 + ci * 4 + q];
      expect(r[pc('县区')]).toBe(c.name);
      expect(r[pc('季度')]).toBe(`Q${q + 1}`);
      expect(r[pc('累计目标（公顷）')]).toBe(c.targetCumulativeHa[q].toString());
      expect(r[pc('累计处置（公顷）')]).toBe(c.progressHa[q].toString());
      expect(r[pc('是否达成')]).toBe(c.quarterMet[q] ? '达成' : '未达成');
    }));
    const counties = await download(page, 'lr-table[data-table="stock-counties"] button[data-export="csv"]', 'stock-counties.csv');
    const cc = (zh: string) => counties[0].indexOf(zh);
    year.counties.forEach((c, i) => {
      expect(counties[i + 1][cc('年度任务（公顷）')]).toBe(c.taskHa.toString());
      expect(counties[i + 1][cc('下年新增建设用地指标')]).toBe(c.quota.change);
      expect(counties[i + 1][cc('下年指标（亩）')]).toBe(c.quota.nextMu?.toString() ?? '');
    });
    expect(counties[6][cc('下年指标（亩）')]).toBe('330');
    const inventory = await download(page, 'lr-table[data-table="stock-inventory"] button[data-export="csv"]', 'stock-inventory.csv');
    expect(inventory.at(-1)).toEqual(['合计', '2654.0829', '46.8457', '399.7426', '3100.6712', '46510.068']);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('lr-chart[data-chart="stock-progress"] button[data-export="png"]').click()]);
    await png.saveAs(artifact('stock-progress.png'));
    expect([...readFileSync(artifact('stock-progress.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('lr-chart[data-chart="stock-inventory"] button[data-export="svg"]').click()]);
    await svg.saveAs(artifact('stock-inventory.svg'));
    expect(readFileSync(artifact('stock-inventory.svg'), 'utf8')).toContain('各县区存量土地');
    const [sx] = await Promise.all([page.waitForEvent('download'), page.locator('lr-table[data-table="stock-counties"] button[data-export="xlsx"]').click()]);
    await sx.saveAs(artifact('stock-counties.xlsx'));
    expect(readFileSync(artifact('stock-counties.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the URL reproduces both views after a reload', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=evaluation`);
    await treeReady(page);
    await page.locator('lr-evaluation-inputs input[name="in.received.1"]').fill('3000');
    await page.locator('lr-score-tree input[name="x.economic"]').fill('7');
    await page.locator('lr-page-evaluation button[data-scale="xingning-5"]').click();
    await page.locator('lr-score-tree button[data-toggle="performance"]').click();
    await page.locator('lr-app button[data-lang="en"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('fold')).toBe('performance');
    await expect.poll(() => kpiText(page, 'total')).toBe('82 / 100');
    const url = page.url();
    const shown = { total: await kpiText(page, 'total'), grade: await kpiText(page, 'grade'), tree: await page.locator('lr-score-tree tbody').innerText() };
    await page.reload();
    await treeReady(page);
    expect(page.url()).toBe(url);
    expect(await kpiText(page, 'total')).toBe(shown.total);
    expect(await kpiText(page, 'grade')).toBe(shown.grade);
    expect(await page.locator('lr-score-tree tbody').innerText()).toBe(shown.tree);
    await expect(page.locator('lr-evaluation-inputs input[name="in.received.1"]').inputValue()).resolves.toBe('3000');
    await expect(page.locator('lr-page-evaluation button[data-scale="xingning-5"]').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await nodeRow(page, 'economic').count()).toBe(0);

    await page.goto(`${h.base}?p=stock`);
    await chartDrawn(page, 'stock-progress');
    const slider = page.locator('lr-slider[name="ach"] input[type="range"]');
    await slider.focus();
    await slider.press('ArrowLeft');
    await slider.press('ArrowLeft');
    await page.locator('lr-page-stock button[data-pace="even"]').click();
    await page.locator('lr-page-stock details.counties summary').click();
    const lingshan = page.locator('lr-slider[name="ach.lingshan"] input[type="range"]');
    await lingshan.focus();
    for (let i = 0; i < 4; i++) await lingshan.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('ach.lingshan')).toBe('110');
    await expect.poll(() => kpiText(page, 'countiesMet')).toBe('1 / 6');
    const stockUrl = page.url();
    const figures = { met: await kpiText(page, 'countiesMet'), disposed: await kpiText(page, 'disposed'), counties: await page.locator('lr-table[data-table="stock-counties"] tbody').innerText() };
    const chart = await chartSvg(page, 'stock-progress');
    await page.reload();
    await chartDrawn(page, 'stock-progress');
    expect(page.url()).toBe(stockUrl);
    expect(await kpiText(page, 'countiesMet')).toBe(figures.met);
    expect(await kpiText(page, 'disposed')).toBe(figures.disposed);
    expect(await page.locator('lr-table[data-table="stock-counties"] tbody').innerText()).toBe(figures.counties);
    expect(await chartSvg(page, 'stock-progress')).toBe(chart);
    await expect(page.locator('lr-slider[name="ach"] input[type="range"]').inputValue()).resolves.toBe('90');
    await expect(page.locator('lr-page-stock button[data-pace="even"]').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the stock-land helpers the page draws from', () => {
  const inv = parseStockInventory(qinzhou).inventory!;
  const plan = parseDisposalPlan(qinzhou.plan, inv, null, 'plan').input!.plan;

  it('progressShareOfTask: on plan 15 / 40 / 75 / 100 %, at 90 % 13.5 / 36 / 67.5 / 90 %', () => {
    const on = simulateDisposalYear(inv, plan, assumeDisposals(inv, plan, dec('1')));
    expect(progressShareOfTask(on.counties[0]).map(String)).toEqual(['0.15', '0.4', '0.75', '1']);
    const short = simulateDisposalYear(inv, plan, assumeDisposals(inv, plan, dec('0.9')));
    expect(progressShareOfTask(short.counties[0]).map(String)).toEqual(['0.135', '0.36', '0.675', '0.9']);
  });

  it('assumedDisposalPath: each year starts from the last one’s closing stock (2022 task 18 % of 755.721512 ha)', () => {
    const path = assumedDisposalPath(inv, plan, [2021, 2022], dec('1'));
    expect(path.map((r) => r.year)).toEqual([2021, 2022]);
    expect(path[1].counties[0].categories[0].openingHa.toString()).toBe('755.721512');
    expect(path[1].counties[0].categories[0].taskHa!.toString()).toBe('136.02987216');
    expect(path[0].disposedMu.toString()).toBe('7341.695205');
  });

  it('idle land: each parcel as the engine assesses it on the chosen date — idle, the fee due, the recovery date', async () => {
    const { page, context, errors } = await openPage(h);
    const { cases, problems } = parseIdleLandCases(idleCases.cases, 'cases');
    expect(problems).toEqual([]);
    /** The page's idle-land table as a CSV, checked row by row against the engine run here on the same date. */
    const checkAgainstEngine = async (asOf: string, file: string) => {
      const rows = await download(page, 'lr-table[data-table="idle-land"] button[data-export="csv"]', file);
      const col = (zh: string) => rows[0].indexOf(zh);
      const recovered = new Map(idleRecoveries(cases, asOf).map((r) => [r.parcel.id, r.parcel.acquisition.date]));
      expect(rows.length).toBe(cases.length + 1);
      cases.forEach((c, i) => {
        const a = assessIdleLand(c, asOf);
        expect(rows[i + 1][col('宗地')]).toBe(c.id);
        expect(rows[i + 1][col('土地闲置费')]).toBe(fenToYuan(a.feeFen));
        expect(rows[i + 1][col('认定闲置日')]).toBe(a.idleFrom ?? '');
        expect(rows[i + 1][col('无偿收回日')]).toBe(recovered.get(c.id) ?? a.recoverableFrom ?? '');
      });
      const fee = cases.reduce((s, c) => s + assessIdleLand(c, asOf).feeFen, 0);
      return { idle: cases.filter((c) => assessIdleLand(c, asOf).idle).length, fee, recovered: recovered.size, rows };
    };
    await page.goto(`${h.base}?p=stock`);
    await page.locator('lr-table[data-table="idle-land"] tbody tr').first().waitFor({ timeout: 30_000 });
    const first = await checkAgainstEngine(idleCases.asOf, 'idle-land.csv');
    expect(await kpiText(page, 'idleParcels')).toBe(`${first.idle} / ${cases.length}`);
    expect(await kpiText(page, 'idleRecovered')).toBe(String(first.recovered));
    // A later date: more parcels pass their second year and are recovered; the URL keeps the date.
    const later = '2022-06-30';
    await page.locator(`lr-page-stock input[name="idle.asOf"]`).fill(later);
    await page.locator(`lr-page-stock input[name="idle.asOf"]`).press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('idle.asOf')).toBe(later);
    const second = await checkAgainstEngine(later, 'idle-land-later.csv');
    expect(second.recovered).toBeGreaterThan(first.recovered);
    expect(await kpiText(page, 'idleRecovered')).toBe(String(second.recovered));
    const recoveredRow = second.rows.find((r) => r[second.rows[0].indexOf('处置')] === '无偿收回' && !first.rows.some((f) => f[0] === r[0] && f[first.rows[0].indexOf('处置')] === '无偿收回'));
    expect(recoveredRow, 'a parcel recovered between the two dates').toBeDefined();
    await page.screenshot({ path: artifact('stock-idle-land.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
