/**
 * An XLSX workbook of a result: a sheet per table (汇总, 分期现金流, 年度汇总, 宗地损益, 检查,
 * 参数), Chinese headers with the English beneath, money as numbers of 元 formatted #,##0.00.
 * A cell's number is parsed from the result's exact decimal string, so what Excel shows is the
 * engine's figure to the fen. Pure: returns the bytes; the caller writes or downloads them.
 */
import { resultTables } from './tables';
import type { Result } from '../report';
import { MONEY_FORMAT, addTableSheet, newWorkbook, printSetup, workbookBytes } from './sheet-writer';

export async function resultWorkbook(result: Result): Promise<Uint8Array> {
  const wb = newWorkbook();
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
    ['成本返还（元）', 'Cost recovered (yuan)', Number(t.costRecovered)],
    ['增值收益（元）', 'Value added (yuan)', Number(t.valueAdded)],
    ...result.tiers.map((tier) => [`${tier.name.zh}分成（元）`, `${tier.name.en} share (yuan)`, Number(t.shares[tier.id])]),
  ];
  const ws = wb.addWorksheet('汇总');
  summary.forEach((row, i) => {
    ws.addRow(row);
    if (i >= 3) ws.getCell(i + 1, 3).numFmt = MONEY_FORMAT;
  });
  ws.columns.forEach((c, j) => { c.width = [24, 28, 22][j]; });
  printSetup(ws, 3, 0);
  for (const table of resultTables(result)) addTableSheet(wb, table);
  const params = wb.addWorksheet('参数', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  params.addRow(['参数', '取值', '来源', '规则', '可信度']);
  for (const p of result.parameters) params.addRow([p.key, typeof p.value === 'string' ? p.value : JSON.stringify(p.value), p.source, p.ref, p.confidence]);
  printSetup(params, 5, 1);
  return workbookBytes(wb);
}
