/**
 * The result's tables as columns with Chinese and English headers, shared by every export (the
 * CLI's CSV and XLSX, the notebook's downloads), so a table reads the same wherever it lands.
 * Money cells are the result's decimal strings in 元; nothing here does arithmetic.
 */
import { PROVISIONS } from '../provision-catalogue';
import type { ParcelRow, PeriodRow, Result } from '../report';
import { csvText } from './csv';

export interface Column<Row> {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** 'money' cells are 元 decimal strings; 'text' anything else. */
  readonly kind: 'money' | 'text' | 'number';
  readonly get: (row: Row) => string;
}

export interface Table {
  readonly name: string;
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly Column<unknown>[];
  readonly rows: readonly unknown[];
}

const m = <R>(key: string, zh: string, en: string, get: (r: R) => string): Column<R> => ({ key, zh, en, kind: 'money', get });
const tx = <R>(key: string, zh: string, en: string, get: (r: R) => string): Column<R> => ({ key, zh, en, kind: 'text', get });

export function periodColumns(result: Pick<Result, 'tiers'>): Column<PeriodRow>[] {
  return [
    tx('period', '期间', 'Period', (r) => r.period),
    m('appropriations', '财政预算安排', 'Appropriations', (r) => r.appropriations),
    m('fiscalTopUp', '财政补足', 'Fiscal top-up', (r) => r.fiscalTopUp),
    m('saleRevenue', '出让收入', 'Sale revenue', (r) => r.saleRevenue),
    m('leaseIncome', '临时利用收入', 'Lease income', (r) => r.leaseIncome),
    m('acquisitionCost', '收储支出', 'Acquisition', (r) => r.acquisitionCost),
    m('serviceFee', '征储服务费', 'Service fee', (r) => r.serviceFee),
    m('developmentCost', '前期开发', 'Development', (r) => r.developmentCost),
    m('managementFee', '代建管理费', 'Management fee', (r) => r.managementFee),
    m('holdingCost', '管护费用', 'Holding', (r) => r.holdingCost),
    m('saleBusinessFee', '出让业务费', 'Sale fee', (r) => r.saleBusinessFee),
    m('provisions', '计提各项基金', 'Provisions', (r) => r.provisions),
    m('costRecovered', '成本返还', 'Cost recovered', (r) => r.costRecovered),
    m('valueAdded', '增值收益', 'Value added', (r) => r.valueAdded),
    ...result.tiers.map((t) => m<PeriodRow>(`shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`, (r) => r.shares[t.id])),
    m('poolCapital', '资金池筹集', 'Pool capital', (r) => r.poolCapital),
    m('poolInflows', '资金池注入', 'Pool inflows', (r) => r.poolInflows),
    m('advances', '财政预拨', 'Pre-allocations', (r) => r.advances),
    m('advancesReturned', '预拨返还', 'Pre-allocations returned', (r) => r.advancesReturned),
    m('bondProceeds', '债券发行收入', 'Bond proceeds', (r) => r.bondProceeds),
    m('interest', '债券利息', 'Bond interest', (r) => r.interest),
    m('principalRepaid', '债券还本', 'Bond principal', (r) => r.principalRepaid),
    m('bondFees', '债券费用', 'Bond fees', (r) => r.bondFees),
    m('debtService', '还本付息合计', 'Debt service', (r) => r.debtService),
    m('reserveFundBalance', '储备资金余额', 'Reserve fund balance', (r) => r.reserveFundBalance),
    m('poolBalance', '资金池余额（含片区、项目）', 'Pool balance (all funds)', (r) => r.poolBalance),
    m('treasuryBalance', '国库结存', 'Treasury balance', (r) => r.treasuryBalance),
    m('net', '当期净现金流', 'Net cash flow', (r) => r.net),
    m('cumulativeNet', '累计净现金流', 'Cumulative net', (r) => r.cumulativeNet),
    { key: 'budgetExecutionPercent', zh: '预算执行率（%）', en: 'Budget execution (%)', kind: 'number', get: (r) => r.budgetExecutionPercent ?? '' },
  ];
}

export function parcelColumns(result: Pick<Result, 'tiers'>): Column<ParcelRow>[] {
  return [
    tx('id', '宗地编号', 'Parcel', (r) => r.id),
    tx('name', '名称', 'Name', (r) => r.name.zh),
    tx('zone', '片区', 'Zone', (r) => r.zone ?? ''),
    { key: 'areaM2', zh: '面积（m²）', en: 'Area (m²)', kind: 'number', get: (r) => r.areaM2 },
    { key: 'areaMu', zh: '面积（亩）', en: 'Area (mu)', kind: 'number', get: (r) => r.areaMu },
    tx('acquisitionMode', '收储方式', 'Acquisition mode', (r) => r.acquisitionMode ?? ''),
    m('acquisitionPlanned', '收储成本（计划）', 'Acquisition (planned)', (r) => r.acquisitionPlanned),
    m('acquisitionCost', '收储成本（已付）', 'Acquisition (paid)', (r) => r.acquisitionCost),
    m('serviceFee', '征储服务费', 'Service fee', (r) => r.serviceFee),
    m('developmentCost', '前期开发', 'Development', (r) => r.developmentCost),
    m('managementFee', '代建管理费', 'Management fee', (r) => r.managementFee),
    m('holdingCost', '管护费用', 'Holding', (r) => r.holdingCost),
    m('verifiedCost', '核定成本', 'Verified cost', (r) => r.verifiedCost),
    m('leaseIncome', '临时利用收入', 'Lease income', (r) => r.leaseIncome),
    tx('saleDate', '出让时间', 'Sale date', (r) => r.sale?.date ?? ''),
    m('saleRevenue', '出让收入', 'Sale revenue', (r) => r.sale?.revenue ?? '0.00'),
    m('provisions', '计提合计', 'Provisions', (r) => r.provisions),
    m('costRecovered', '成本返还', 'Cost recovered', (r) => r.costRecovered),
    m('unrecoveredCost', '未弥补成本', 'Unrecovered cost', (r) => r.unrecoveredCost),
    m('valueAdded', '增值收益', 'Value added', (r) => r.valueAdded),
    ...result.tiers.map((t) => m<ParcelRow>(`shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`, (r) => r.shares[t.id])),
  ];
}

export function resultTables(result: Result): Table[] {
  type Y = Result['years'][number];
  const yearCols = periodColumns(result).slice(1) as unknown as Column<Y>[];
  return [
    { name: 'periods', zh: '分期现金流', en: 'Cash flow by month', columns: periodColumns(result) as Column<unknown>[], rows: result.periods },
    { name: 'years', zh: '年度汇总', en: 'By year', columns: [tx<Y>('year', '年度', 'Year', (r) => String(r.year)), ...yearCols] as Column<unknown>[], rows: result.years },
    { name: 'quarters', zh: '季度汇总', en: 'By quarter', columns: [tx<Result['quarters'][number]>('quarter', '季度', 'Quarter', (r) => r.quarter), ...(periodColumns(result).slice(1) as unknown as Column<Result['quarters'][number]>[])] as Column<unknown>[], rows: result.quarters },
    { name: 'parcels', zh: '宗地损益', en: 'Parcels', columns: parcelColumns(result) as Column<unknown>[], rows: result.parcels },
    governmentTable(result),
    earmarkTable(result),
    {
      name: 'checks', zh: '检查', en: 'Checks',
      columns: [
        tx<Result['checks'][number]>('id', '检查项', 'Check', (c) => c.id),
        tx<Result['checks'][number]>('ok', '结果', 'Result', (c) => (c.ok ? 'ok' : 'FAIL')),
        tx<Result['checks'][number]>('severity', '类别', 'Kind', (c) => c.severity),
        tx<Result['checks'][number]>('messageZh', '说明', 'Message (zh)', (c) => c.messageZh),
        tx<Result['checks'][number]>('message', 'Message', 'Message', (c) => c.message),
      ] as Column<unknown>[],
      rows: result.checks,
    },
  ];
}

/** What each government receives: its value-added shares and its part of every provision (S-1, P-6…P-10). */
function governmentTable(result: Result): Table {
  type G = { government: string; valueAdded: string; provisionsByKind: Record<string, string>; total: string };
  const rows: G[] = Object.entries(result.totals.receiptsByGovernment).map(([government, g]) => ({ government, ...g }));
  return {
    name: 'governments', zh: '各级政府所得', en: 'What each government receives', rows,
    columns: [
      tx<G>('government', '政府', 'Government', (g) => g.government),
      m<G>('valueAdded', '增值收益分成', 'Share of value added', (g) => g.valueAdded),
      ...PROVISIONS.map((d) => m<G>(`provisions.${d.id}`, d.zh, d.en, (g) => g.provisionsByKind[d.id] ?? '0.00')),
      m<G>('total', '合计', 'Total', (g) => g.total),
    ] as Column<unknown>[],
  };
}

/** The 2020 rural earmark, year by year (P-11). */
function earmarkTable(result: Result): Table {
  type E = Result['ruralEarmark'][number];
  return {
    name: 'earmark', zh: '土地出让收入用于农业农村', en: 'Land income for agriculture and rural areas', rows: result.ruralEarmark,
    columns: [
      tx<E>('year', '年度', 'Year', (e) => String(e.year)),
      m<E>('income', '土地出让收入', 'Land-sale income', (e) => e.income),
      m<E>('netIncome', '土地出让收益', 'Net land income', (e) => e.netIncome),
      m<E>('ruralUses', '用于农业农村', 'Spent on rural areas', (e) => e.ruralUses),
      tx<E>('shareOfNetIncomePercent', '占收益比例（%）', 'Share of net income (%)', (e) => e.shareOfNetIncomePercent ?? ''),
      tx<E>('target', '目标', 'Target', (e) => e.target),
      tx<E>('floor', '不低于收入比例', 'Floor of income', (e) => e.floor ?? ''),
      m<E>('required', '应达到', 'Required', (e) => e.required),
      tx<E>('met', '是否达标', 'Met', (e) => (e.met ? 'ok' : 'short')),
      m<E>('shortBy', '差额', 'Short by', (e) => e.shortBy),
      tx<E>('source', '依据', 'Source', (e) => e.source),
    ] as Column<unknown>[],
  };
}

/** CSV text of a table (RFC 4180 quoting, formula-like text neutralised), headers in the chosen language, with a BOM for Excel. */
export function tableToCsv(table: Table, lang: 'zh' | 'en' = 'zh'): string {
  const head = table.columns.map((c) => (lang === 'zh' ? c.zh : c.en));
  const body = table.rows.map((r) => table.columns.map((c) => c.get(r)));
  return csvText([head, ...body], { bom: true, newline: '\r\n' });
}
