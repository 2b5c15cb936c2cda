/**
 * Every filed report checked against the engine's result, never against its own output: the
 * disclosure's financing plan sums to the bond's principal, the balance plan's closing balance is
 * the ledger's project account, its coverage the bond report's and the project's, the sensitivity
 * cases the stress table's, the budget's totals the result's totals — and every formula a report
 * carries, evaluated over the report's own values, gives the engine's figure to the fen.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS, reportCsv, reportText, sensitivityRuns, fen, type Report } from '../engine/reports/index';
import { stressTable } from '../engine/multi-run/stress';
import { composed, runFile, scenarioFiles } from './support/scenarios';
import { evaluate, fens, moneyOf, row, section, sum } from './support/report-model';

const BONDS = 'scenarios/hainan-bonds.json';
const withBonds = scenarioFiles().filter((f) => runFile(f).bonds.length > 0);

function allReports(file: string): Report[] {
  const result = runFile(file);
  return REPORT_KINDS.map((k) => buildReport(k.kind, result, { sensitivity: k.kind === 'balance' ? sensitivityRuns(composed(file)) : [] }));
}

describe('every formula in every report gives the engine’s figure', () => {
  it.each(scenarioFiles().filter((f) => !f.includes('/stress/') || f.endsWith('delay-12.json')))('%s', (file) => {
    let formulas = 0;
    for (const report of allReports(file)) {
      for (const s of report.sections) for (const r of s.rows) r.cells.forEach((c, j) => {
        if ((c.t !== 'money' && c.t !== 'ratio') || !c.f) return;
        formulas++;
        const want = c.t === 'money' ? fen(c.v) : c.v;
        expect(evaluate(s, r, c.f), `${report.kind} ${s.key} ${r.key}[${j}]`).toBe(want);
      });
    }
    expect(formulas).toBeGreaterThan(10);
  });
});

describe('the balance plan, disclosure table and project card agree with the bond report', () => {
  it.each(withBonds)('%s', (file) => {
    const result = runFile(file);
    const runs = sensitivityRuns(composed(file));
    const balance = buildReport('balance', result, { sensitivity: runs });
    const disclosure = buildReport('disclosure', result);
    const card = buildReport('card', result);
    const stress = stressTable(composed(file));
    for (const bond of result.bonds.filter((b) => !b.rolloverOf)) {
      const life = section(balance, `${bond.id}.life`);
      expect(sum(fens(row(life, 'fin.bond')))).toBe(fen(bond.principal));
      expect(sum(fens(row(life, 'inc.available')))).toBe(fen(bond.available));
      expect(sum(fens(row(life, 'ds.total')))).toBe(fen(bond.debtService));
      expect(sum(fens(row(life, 'ds.interest')))).toBe(fen(bond.interest));
      expect(row(life, 'cov').cells[0]).toMatchObject({ v: bond.coverageRatio });
      const project = result.projects.find((p) => p.id === bond.project);
      if (project && result.bonds.filter((b) => b.project === project.id && !b.rolloverOf).length === 1) expect(project.coverageRatio).toBe(bond.coverageRatio);
      const account = section(balance, `${bond.id}.account`);
      const close = row(account, 'acct.close').cells;
      expect(moneyOf(close[close.length - 1])).toBe(result.accounts.find((a) => a.id === `project:${bond.project}`)!.balance);
      const invest = section(balance, `${bond.id}.investment`);
      const parcels = result.parcels.filter((p) => result.projects.find((x) => x.id === bond.project)!.parcels.includes(p.id));
      expect(fen(moneyOf(row(invest, 'use.total').cells[0]))).toBe(sum(parcels.map((p) => fen(p.reserveCost))));
      const sens = section(balance, `${bond.id}.sensitivity`);
      for (const s of stress.filter((x) => runs.some((r) => r.id === x.id) || x.id === 'base')) {
        if (result.bonds.filter((b) => !b.rolloverOf).length === 1) expect(row(sens, s.id).cells[2]).toMatchObject({ v: s.minCoverage });
      }
      const overall = section(disclosure, `${bond.id}.project`);
      expect(sum(fens(row(overall, 'plan')))).toBe(fen(bond.principal));
      expect(sum(fens(row(overall, 'income')))).toBe(fen(bond.available));
      expect(moneyOf(row(section(disclosure, `${bond.id}.basic`), 'amount').cells[0])).toBe(bond.principal);
      const c = section(card, `${bond.project}.card`);
      expect(row(c, 'coverage').cells[0]).toMatchObject({ v: project!.coverageRatio });
      expect(fen(moneyOf(row(c, 'income').cells[0])) - fen(moneyOf(row(c, 'cost').cells[0]))).toBe(fen(project!.available));
    }
  });
});

describe('the use of bond proceeds follows the ledger', () => {
  it.each(withBonds)('%s', (file) => {
    const result = runFile(file);
    const use = buildReport('bond-use', result);
    for (const bond of result.bonds.filter((b) => !b.rolloverOf)) {
      const s = section(use, `${bond.id}.use`);
      const received = fen(moneyOf(row(s, 'in').cells[0]));
      const paid = fen(moneyOf(row(s, 'paid').cells[0]));
      const balance = row(s, 'balance').cells;
      expect(received).toBeGreaterThanOrEqual(fen(bond.principal));
      expect(received - paid).toBe(fen(moneyOf(balance[balance.length - 1])));
      expect(moneyOf(balance[balance.length - 1])).toBe(result.accounts.find((a) => a.id === `project:${bond.project}`)!.balance);
      expect(moneyOf(row(section(use, `${bond.id}.interest`), 'total').cells[0])).toBe(bond.interest);
    }
    // Each line holds exactly the postings of its rules out of the project account: principal and
    // shares are never filed under the fees, and no outflow is left to an unnamed line.
    const lineRules: Record<string, string[]> = {
      'use.other': ['acquisition.serviceFee', 'sale.businessFee'],
      'use.interest': ['bond.interest'],
      'use.principal': ['bond.principal', 'bond.earlyRedemption'],
      'use.share': ['split.share'],
      'use.returned': ['bond.accountReturned'],
    };
    for (const bond of result.bonds.filter((b) => !b.rolloverOf && b.project)) {
      const s = section(use, `${bond.id}.use`);
      const account = `project:${bond.project}`;
      expect(s.rows.some((r) => r.key === 'use.misc')).toBe(false);
      for (const [key, rules] of Object.entries(lineRules)) {
        const posted = sum((result.postings ?? []).filter((p) => p.from === account && p.to !== account && rules.includes(p.rule)).map((p) => fen(p.amount)));
        const line = s.rows.find((r) => r.key === key);
        expect(line ? fen(moneyOf(line.cells[0])) : 0, `${file} ${bond.id} ${key}`).toBe(posted);
      }
    }
    const mid = buildReport('bond-use', result, { year: 2022 });
    const months = mid.sections[0].head.slice(1).map((h) => h.zh);
    expect(months.every((m) => m <= '2022-12')).toBe(true);
  });
});

describe('the reserve budget adds up to the result’s totals', () => {
  it.each(scenarioFiles().filter((f) => !f.includes('/stress/')))('%s', (file) => {
    const result = runFile(file);
    const t = result.totals;
    const budget = buildReport('budget', result);
    const funds = section(budget, 'funds');
    const total = (key: string) => fen(moneyOf(row(funds, key).cells[0]));
    expect(total('exp.acq')).toBe(fen(t.acquisitionCost));
    // A 做地 developer's works are its own spending, not the reserve funds' (its compensation is a line of its own).
    expect(total('exp.dev')).toBe(fen(t.developmentCost) + fen(t.managementFee) - fen(t.spendingByDevelopers));
    expect(total('exp.debt')).toBe(fen(t.interest) + fen(t.principalRepaid) + fen(t.bondFees));
    expect(total('inc.bond')).toBe(fen(t.bondProceeds));
    expect(total('inc.costRecovered')).toBe(fen(t.costRecovered));
    const levels = section(budget, 'levels');
    expect(fen(moneyOf(row(levels, 'valueAdded').cells[0]))).toBe(fen(t.valueAdded));
    for (const tier of result.tiers) expect(fen(moneyOf(row(levels, `tier:${tier.id}`).cells[0]))).toBe(fen(t.shares[tier.id]));
    const y = result.years[result.years.length - 1].year;
    const one = buildReport('budget', result, { year: y });
    expect(one.sections[0].head.map((h) => h.zh)).toEqual(['合计', expect.stringContaining(`${y}年`)]);
    expect(reportText(one, 'zh')).toContain(`${y}年度土地储备资金收支`);
  });
});

describe('reports without their data say so', () => {
  it('a scenario without bonds has no balance plan, disclosure, card or use of proceeds, but has a budget', () => {
    const result = runFile('scenarios/xingning-buyback.json');
    for (const kind of ['balance', 'disclosure', 'card', 'bond-use'] as const) {
      const r = buildReport(kind, result);
      expect(r.sections).toHaveLength(0);
      expect(r.notes[0].zh).toContain('没有专项债券');
    }
    expect(buildReport('budget', result).sections.length).toBe(2);
  });

  it('CSV keeps money in exact 元 and text shows the unit', () => {
    const r = buildReport('disclosure', runFile(BONDS));
    const csv = reportCsv(r, 'zh');
    const bond = runFile(BONDS).bonds[0];
    expect(csv).toContain(`计划发行额（亿元）,${bond.principal}`);
    expect(reportText(r, 'en')).toContain('Unit: 100m yuan');
  });
});
