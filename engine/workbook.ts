/**
 * An XLSX workbook of a result: a sheet per table (汇总, 分期现金流, 年度汇总, 宗地损益, 检查,
 * 参数), Chinese headers with the English beneath, money as numbers of 元 formatted #,##0.00.
 * A cell's number is parsed from the result's exact decimal string, so what Excel shows is the
 * engine's figure to the fen. Pure: returns the bytes; the caller writes or downloads them.
 */
import * as XLSX from 'xlsx';
import { resultTables, type Table } from './tables';
import type { Result } from './report';

const MONEY_FORMAT = '#,##0.00';

function sheetOf(table: Table): XLSX.WorkSheet {
  const aoa: (string | number)[][] = [table.columns.map((c) => c.zh), table.columns.map((c) => c.en)];
  for (const row of table.rows) aoa.push(table.columns.map((c) => (c.kind === 'text' ? c.get(row) : Number(c.get(row)))));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  table.columns.forEach((c, j) => {
    if (c.kind !== 'money') return;
    for (let i = 2; i < aoa.length; i++) {
      const cell = ws[XLSX.utils.encode_cell({ r: i, c: j })];
      if (cell) cell.z = MONEY_FORMAT;
    }
  });
  ws['!cols'] = table.columns.map((c) => ({ wch: Math.max(10, c.zh.length * 2 + 2) }));
  return ws;
}

export function resultWorkbook(result: Result): Uint8Array {
  const wb = XLSX.utils.book_new();
  const t = result.totals;
  const summary: (string | number)[][] = [
    ['情景', 'Scenario', result.scenario.name.zh],
    ['编号', 'Id', result.scenario.id],
    ['测算期', 'Timeline', `${result.timeline.start} / ${result.timeline.months}`],
    ['收储成本（已付，元）', 'Acquisition paid (yuan)', Number(t.acquisitionCost)],
    ['前期开发（元）', 'Development (yuan)', Number(t.developmentCost)],
    ['管护费用（元）', 'Holding (yuan)', Number(t.holdingCost)],
    ['临时利用收入（元）', 'Lease income (yuan)', Number(t.leaseIncome)],
    ['出让收入（元）', 'Sale revenue (yuan)', Number(t.saleRevenue)],
    ['计提各项基金（元）', 'Provisions (yuan)', Number(t.provisions)],
    ['成本返还（元）', 'Cost recovered (yuan)', Number(t.reserveCostRecovered)],
    ['增值收益（元）', 'Value added (yuan)', Number(t.valueAdded)],
    ...result.tiers.map((tier) => [`${tier.name.zh}分成（元）`, `${tier.name.en} share (yuan)`, Number(t.shares[tier.id])]),
  ];
  const ws = XLSX.utils.aoa_to_sheet(summary);
  for (let i = 3; i < summary.length; i++) {
    const cell = ws[XLSX.utils.encode_cell({ r: i, c: 2 })];
    if (cell) cell.z = MONEY_FORMAT;
  }
  ws['!cols'] = [{ wch: 24 }, { wch: 28 }, { wch: 22 }];
  XLSX.utils.book_append_sheet(wb, ws, '汇总');
  for (const table of resultTables(result)) XLSX.utils.book_append_sheet(wb, sheetOf(table), table.zh);
  const params = XLSX.utils.aoa_to_sheet([
    ['参数', '取值', '来源', '规则', '可信度'],
    ...result.parameters.map((p) => [p.key, typeof p.value === 'string' ? p.value : JSON.stringify(p.value), p.source, p.ref, p.confidence]),
  ]);
  XLSX.utils.book_append_sheet(wb, params, '参数');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
