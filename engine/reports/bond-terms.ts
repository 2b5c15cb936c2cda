/**
 * A bond's terms as a disclosure states them, read from its schedule in the result: how the
 * principal is repaid (到期一次还本 when one payment at maturity), how often interest is paid,
 * on what date, and the 赎回方式 in the "5+0+0" / "5+2" form (term + rollover term).
 */
import type { BondReport } from '../funding-report';
import type { Result } from '../report';
import type { Text } from '../model';
import { fen } from './report-table';

export function repaymentText(bond: BondReport): Text {
  const payments = bond.schedule.filter((s) => fen(s.principalRepaid) > 0);
  if (payments.length <= 1 && fen(bond.earlyRedeemed) === 0) return { zh: '到期一次还本', en: 'Bullet at maturity' };
  if (fen(bond.earlyRedeemed) > 0) return { zh: '到期一次还本，出让收入到账提前偿还', en: 'Bullet, redeemed early from sale income' };
  return { zh: '分期还本', en: 'Amortising' };
}

export function interestText(bond: BondReport): Text {
  const paid = bond.schedule.filter((s) => fen(s.interest) > 0);
  const firstYear = paid.length ? paid[0].period.slice(0, 4) : '';
  const perYear = paid.filter((s) => s.period.startsWith(firstYear)).length;
  return perYear >= 2 ? { zh: '每半年付息一次', en: 'Semi-annual' } : { zh: '每年付息一次', en: 'Annual' };
}

export function interestDateText(bond: BondReport): Text {
  const months = [...new Set(bond.schedule.filter((s) => fen(s.interest) > 0).map((s) => Number(s.period.slice(5, 7))))].sort((a, b) => a - b);
  return { zh: months.map((m) => `每年${m}月`).join('、') || '—', en: months.map((m) => `each year in month ${m}`).join(', ') || '—' };
}

export function redemptionText(result: Result, bond: BondReport): string {
  // A 含权 bond as issued ("5+2": repayable after five years), else the term and any rollover.
  if (bond.termText.includes('+')) return bond.termText;
  const roll = result.bonds.find((b) => b.rolloverOf === bond.id);
  return roll ? `${bond.termYears}+${roll.termYears}` : `${bond.termYears}+0+0`;
}
