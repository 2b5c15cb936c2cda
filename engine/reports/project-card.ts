/**
 * 项目信息卡 — a project as the 2025 special-bond project disclosures print it: 总投资, 不含专项债
 * 的资本金, 申请专项债总额, 其他债务融资, 建设期, 运营期, 预期收入(收益), 成本, 成本/收入, 覆盖倍数,
 * and per issue 发行利率, 发行期限, 付息方式, 付息日, 赎回方式 ("5+0+0", "5+2"). 成本 here is what
 * comes off the project's land income before debt service (the provisions, when coverage is net
 * of them), so 覆盖倍数 = (预期收入 − 成本) ÷ 本息 is the engine's project coverage.
 */
import { Decimal, fenToWan, groupThousands } from '../money';
import type { Result } from '../report';
import type { Text } from '../model';
import { byYear, isUseRule, resultYears } from './ledger-flows';
import { projectScopes, type ProjectScope } from './project-scope';
import { interestDateText, interestText, redemptionText } from './bond-terms';
import { fen, money, ratio, sumMoney, text, tx, yuan, type Cell, type Report, type ReportRow, type ReportSection } from './report-table';

export function projectCard(result: Result): Report {
  const sections: ReportSection[] = [];
  for (const scope of projectScopes(result)) {
    if (scope.bonds.length === 0) continue;
    sections.push(card(result, scope), issues(result, scope));
  }
  return {
    kind: 'card',
    title: tx('专项债券项目信息卡', 'Special bond project card'),
    subtitle: result.scenario.name,
    unit: 'wan',
    sections,
    notes: sections.length === 0 ? [tx('本情景没有专项债券项目，无项目信息卡。', 'This scenario has no special-bond project, so there is no project card.')] : [],
  };
}

function card(result: Result, scope: ProjectScope): ReportSection {
  const years = resultYears(result);
  const ids = new Set(scope.parcels.map((p) => p.id));
  // Construction is acquiring the land and readying it; its care while it waits and the sale's fee are not.
  const usedIn = byYear(result, years, (p) => p.parcel !== null && ids.has(p.parcel) && isUseRule(p.rule) && p.rule !== 'holding.cost' && p.rule !== 'sale.businessFee');
  const soldIn = byYear(result, years, (p) => p.parcel !== null && ids.has(p.parcel) && p.rule === 'sale.receipt');
  const span = (flows: number[]) => { const ys = years.filter((_, i) => flows[i] !== 0); return ys.length ? `${ys[0]}年—${ys[ys.length - 1]}年` : '—'; };
  const maturity = Math.max(...scope.bonds.map((b) => Number(b.maturity.slice(0, 4))));
  const firstSale = years.find((_, i) => soldIn[i] !== 0);
  const investment = sumMoney(scope.parcels.map((p) => p.reserveCost));
  const bonds = sumMoney(scope.bonds.map((b) => b.principal));
  // No debt but the special bonds: the reserve may not borrow otherwise since 2016 (财综〔2016〕4号),
  // and a bridge or pre-allocation is the budget's advance, part of the funding other than bonds.
  const otherDebt = '0.00';
  // The income the coverage counts: a receipt after the bonds' life repays nothing (coverage.ts), so
  // it is neither 预期收入 nor 成本 — left in, it would show as 成本 what is only late.
  const after = fen(scope.bonds[0].incomeAfterLife);
  const income = yuan(soldIn.reduce((a, b) => a + b, 0) - after);
  const cost = yuan(fen(income) - fen(scope.available));
  const costShare = fen(income) > 0 ? new Decimal(fen(cost)).div(fen(income)).toFixed(4, Decimal.ROUND_HALF_UP) : null;
  const row = (key: string, zh: string, en: string, cell: Cell, level: 0 | 1 = 0): ReportRow => ({ key, label: tx(zh, en), level, cells: [cell] });
  const at = (r: string) => ({ row: r, col: 0 });
  return {
    key: `${scope.id ?? 'all'}.card`,
    title: tx(`${scope.id ?? '全部'} 项目信息卡`, `${scope.id ?? 'all'} project card`),
    head: [tx('内容', 'Value')],
    note: lateNote(tx(`${scope.name.zh}。成本为偿债前从出让收入中扣除的部分（计提等），覆盖倍数为引擎的项目覆盖倍数。`, `${scope.name.en}. Cost is what comes off land income before debt service (provisions…); coverage is the engine's project coverage.`), scope.bonds[0].coverageWindowEnd, after),
    rows: [
      row('investment', '总投资（万元）', 'Total investment', money(investment)),
      row('capital', '不含专项债的资本金（万元）', 'Capital other than special bonds', money(yuan(fen(investment) - fen(bonds) - fen(otherDebt)), { op: 'sum', terms: [{ ...at('investment'), sign: 1 }, { ...at('bonds'), sign: -1 }, { ...at('otherDebt'), sign: -1 }] })),
      row('bonds', '申请专项债总额（万元）', 'Special bonds applied for', money(bonds)),
      row('otherDebt', '其他债务融资（万元）', 'Other debt financing', money(otherDebt)),
      row('build', '建设期', 'Construction period', text(span(usedIn))),
      row('operate', '运营期', 'Operating period', text(firstSale ? `${firstSale}年—${Math.max(maturity, firstSale)}年` : '—')),
      row('income', '预期收入（收益）（万元）', 'Expected income', money(income)),
      row('cost', '成本（万元）', 'Cost', money(cost, { op: 'sum', terms: [{ ...at('income'), sign: 1 }, { ...at('available'), sign: -1 }] })),
      row('available', '可用于偿还本息的收益（万元）', 'Income available for debt service', money(scope.available), 1),
      row('costShare', '成本/收入', 'Cost / income', costShare === null ? ratio(null) : ratio(costShare, { op: 'ratio', num: at('cost'), den: at('income'), digits: 4 })),
      row('debtService', '还本付息（万元）', 'Principal and interest', money(scope.debtService)),
      row('coverage', '覆盖倍数', 'Coverage', scope.coverageRatio === null ? ratio(null) : ratio(scope.coverageRatio, { op: 'ratio', num: at('available'), den: at('debtService'), digits: 4 })),
    ],
  };
}

/** The card's note, saying what income arrives after the bonds' life and is not in 预期收入. */
function lateNote(note: Text, windowEnd: string, after: number): Text {
  if (after <= 0) return note;
  const wan = groupThousands(fenToWan(after));
  return tx(`${note.zh}预期收入为债券存续期内到账的收入；${windowEnd} 后到账的 ${wan} 万元不计入。`, `${note.en} Expected income is what arrives within the bonds' life; ${wan} 万元 arriving after ${windowEnd} is not counted.`);
}

function issues(result: Result, scope: ProjectScope): ReportSection {
  const bonds = result.bonds.filter((b) => scope.bonds.some((o) => o.id === b.id || o.id === b.rolloverOf));
  return {
    key: `${scope.id ?? 'all'}.issues`,
    title: tx(`${scope.id ?? '全部'} 发行信息`, `${scope.id ?? 'all'} issues`),
    head: [tx('发行金额（万元）', 'Amount'), tx('发行日期', 'Issued'), tx('发行利率', 'Coupon'), tx('发行期限（年）', 'Term (years)'), tx('付息方式', 'Interest'), tx('付息日', 'Interest date'), tx('赎回方式', 'Redemption'), tx('到期日', 'Maturity')],
    rows: bonds.map((b) => ({
      key: b.id,
      label: tx(`${b.name.zh}${b.rolloverOf ? '（周转偿还）' : ''}`, b.name.en),
      cells: [money(b.principal), text(b.issue), text(b.couponRate), text(String(b.termYears)), text(interestText(b).zh), text(interestDateText(b).zh), text(b.rolloverOf ? '—' : redemptionText(result, b)), text(b.maturity)],
    })),
  };
}
