/** Bonds (the engine's result.bonds[]): debt service against available revenue, coverage against its floor, the bond table. */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, plotValue, tx, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, COLORS, money, moneyColumns, text, yLabel, type ChartSpec, type Row } from './common';
import type { Table } from '../../../engine/presentation/tables';
import type { BondReport, Result } from '../../../engine/index';

export function coverageFloor(r: Pick<Result, 'parameters'>): string {
  const p = r.parameters.find((x) => x.key === 'bond.coverageFloor');
  return typeof p?.value === 'string' ? p.value : '1.2';
}

/** Revenue available against debt service, year by year, per bond. */
export function debtServiceChart(bonds: readonly BondReport[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const data: Row[] = [];
  const kinds = [L(lang, '可用收入', 'Available revenue'), L(lang, '还本付息', 'Debt service')];
  const rows: Row[] = [];
  for (const b of bonds) for (const y of b.coverageByYear) {
    const bond = tx(b.name, lang) || b.id;
    rows.push({ bond, ...y });
    data.push({ year: String(y.year), bond, kind: kinds[0], y: plotValue(y.available, unit), shown: formatMoney(y.available, unit) });
    data.push({ year: String(y.year), bond, kind: kinds[1], y: plotValue(y.debtService, unit), shown: formatMoney(y.debtService, unit) });
  }
  const colors = ['#2f7d4f', COLORS.debtService];
  return {
    options: {
      x: { label: null, type: 'band' },
      fx: bonds.length > 1 ? { label: null } : undefined,
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: kinds, range: colors },
      marks: [
        Plot.barY(data, { x: 'year', y: 'y', fill: 'kind', fx: bonds.length > 1 ? 'bond' : undefined, order: kinds, offset: null, insetLeft: 2, insetRight: 2, tip: true, title: (d: Row) => `${d.year} ${d.kind}\n${d.shown} ${unitShort(unit)}` } as Plot.BarYOptions),
        Plot.ruleY([0]),
      ],
    },
    legend: kinds.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'debt-service', zh: '偿债资金与还本付息', en: 'Available revenue and debt service', rows, columns: [text('bond', '债券', 'Bond', (x) => x.bond), text('year', '年度', 'Year', (x) => String(x.year)), money('available', '可用收入', 'Available', (x) => x.available), money('debtService', '还本付息', 'Debt service', (x) => x.debtService), text('ratio', '覆盖倍数', 'Coverage', (x) => x.ratio ?? '')] },
  };
}

/** The bonds as a table: terms, what they cost, what they were covered by. */
export function bondTable(r: Pick<Result, 'bonds'>, lang: Lang): Table | null {
  const bonds = r.bonds;
  if (bonds.length === 0) return null;
  type B = BondReport;
  return {
    name: 'bonds', zh: '专项债券', en: 'Bonds', rows: bonds,
    columns: [
      text('id', '债券', 'Bond', (b: B) => b.id),
      text('name', '名称', 'Name', (b: B) => tx(b.name, lang)),
      text('issue', '发行', 'Issued', (b: B) => b.issue),
      text('maturity', '到期', 'Matures', (b: B) => b.maturity),
      text('couponRate', '票面利率', 'Coupon', (b: B) => b.couponRate),
      ...moneyColumns<B>([['principal', '本金', 'Principal'], ['interest', '利息', 'Interest'], ['bondFees', '费用', 'Fees'], ['debtService', '还本付息合计', 'Debt service'], ['available', '可用于偿债的收入', 'Available revenue']]),
      text('coverageRatio', '本息覆盖倍数', 'Coverage', (b: B) => b.coverageRatio ?? ''),
      ...moneyColumns<B>([['rolledOver', '借新还旧', 'Rolled over'], ['fiscalDebtSupport', '财政安排偿债', 'Fiscal support'], ['outstandingAtEnd', '期末余额', 'Outstanding at end']]),
    ],
  };
}

/**
 * Coverage by year with the floor drawn (bond.coverageFloor, 1.2 by default): the bars carry the
 * balance forward from earlier years (as an 实施方案's 平衡表 does); the table also gives the year alone.
 */
export function coverageChart(bonds: readonly BondReport[], floor: string, lang: Lang): ChartSpec {
  const data: Row[] = [];
  for (const b of bonds) for (const y of b.coverageByYear) {
    const withCarry = y.ratioWithCarry;
    if (withCarry === null) continue;
    data.push({ year: String(y.year), bond: tx(b.name, lang) || b.id, y: Number(withCarry), shown: withCarry, alone: y.ratio ?? '—', below: Number(withCarry) < Number(floor) });
  }
  const floorLabel = L(lang, `覆盖倍数下限 ${floor}`, `coverage floor ${floor}`);
  return {
    options: {
      x: { label: null, type: 'band' },
      y: { label: L(lang, '本息覆盖倍数', 'Debt service coverage'), grid: true },
      color: { domain: [false, true], range: ['#2f7d4f', '#a8201a'] },
      marks: [
        Plot.barY(data, { x: 'year', y: 'y', fill: 'below', fx: bonds.length > 1 ? 'bond' : undefined, insetLeft: 4, insetRight: 4, tip: true, title: (d: Row) => `${d.year} ${d.bond}\n${L(lang, '覆盖倍数', 'coverage')} ${d.shown}` } as Plot.BarYOptions),
        Plot.ruleY([Number(floor)], { stroke: '#a8201a', strokeDasharray: '5,4', strokeWidth: 1.5 }),
        Plot.text([Number(floor)], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => floorLabel, fill: '#a8201a' }),
      ],
    },
    legend: [{ label: L(lang, '达到下限', 'at or above the floor'), color: '#2f7d4f' }, { label: L(lang, '低于下限', 'below the floor'), color: '#a8201a' }, { label: floorLabel, color: '#a8201a', dash: true }],
    table: { name: 'coverage', zh: '本息覆盖倍数', en: 'Coverage by year', rows: data, columns: [text('bond', '债券', 'Bond', (x) => x.bond), text('year', '年度', 'Year', (x) => x.year), text('ratio', '覆盖倍数（含上年结转）', 'Coverage (with carry-forward)', (x) => x.shown), text('alone', '当年覆盖倍数', 'Coverage (year alone)', (x) => x.alone), text('floor', '下限', 'Floor', () => floor)] },
  };
}
