/**
 * The overall revitalisation target (盘活存量土地目标) and its milestones, checked against the stock
 * and against a simulated disposal path.
 *
 * Worked example (seed 004): "到2023年…盘活存量土地4.65万亩" and "2022年12月底前完成…70%以上，即
 * 3.255万亩". The 2020 stock is 3 100.6712 ha × 15 = 46 510.068 亩 = 4.65 万亩 when rounded to two
 * places: the target is the whole stock. 70 % × 4.65 = 3.255 万亩 (70 % of the unrounded stock would
 * be 3.2557047…万亩: the plan took 70 % of the rounded target).
 */
import { dec, Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { path, readArray, readDate, readObject, readRecord, readString, rateText } from '../evaluation/fields';
import { grandTotalMu, type StockInventory } from './inventory';
import { muToWanMu, parseAreaMu } from './area-mu';
import type { DisposalYearResult } from './disposal-plan';

export interface Milestone {
  /** YYYY-MM-DD */
  readonly date: string;
  /** Share of the target done by then (0.7). */
  readonly share: Decimal;
  /** The area the source states for the milestone, in 亩 (3.255万亩 → 32 550). */
  readonly statedMu: Decimal | null;
  readonly statedText: string | null;
}

export interface RevitalisationTarget {
  readonly targetMu: Decimal;
  readonly targetText: string;
  readonly targetDate: string;
  readonly milestones: readonly Milestone[];
}

export interface MilestoneCheck {
  readonly date: string;
  readonly share: Decimal;
  /** share × target */
  readonly fromTargetMu: Decimal;
  /** share × the whole stock, unrounded */
  readonly fromStockMu: Decimal;
  readonly statedMu: Decimal | null;
  /** The stated figure equals share × target exactly. */
  readonly statedMatchesTarget: boolean | null;
}

export interface RevitalisationCheck {
  readonly stockMu: Decimal;
  readonly stockWanMu: Decimal;
  /** The stock in 万亩 at the target's own precision ("4.65"). */
  readonly stockWanMuRounded: string;
  /** The target equals the whole stock at the target's precision. */
  readonly targetIsWholeStock: boolean;
  readonly milestones: readonly MilestoneCheck[];
}

export function parseRevitalisationTarget(value: unknown, at: string, problems: Problem[]): RevitalisationTarget | null {
  return readRecord(value, at, problems, (obj) => {
    const targetText = readString(obj, 'target', at, problems);
    const targetMu = targetText === null ? null : parseAreaMu(targetText);
    if (targetText !== null && targetMu === null) {
      problems.push(problem('area.format', path(at, 'target'), targetText, { en: 'an area such as "4.65万亩" or "46510亩"', zh: '面积，如 "4.65万亩" 或 "46510亩"' }));
    }
    const targetDate = readDate(obj, 'targetDate', at, problems);
    const milestones: Milestone[] = [];
    (readArray(obj.milestones ?? [], path(at, 'milestones'), problems) ?? []).forEach((m, i) => {
      const mp = path(at, 'milestones', i);
      const mo = readObject(m, mp, problems);
      if (!mo) return;
      const date = readDate(mo, 'date', mp, problems);
      const share = typeof mo.share === 'string' ? rateText(mo.share) : null;
      if (share === null || share.isNegative() || share.gt(1)) problems.push(problem('rate.format', path(mp, 'share'), mo.share, { en: 'a share such as "70%"', zh: '比例，如 "70%"' }));
      const statedText = typeof mo.stated === 'string' ? mo.stated : null;
      const statedMu = statedText === null ? null : parseAreaMu(statedText);
      if (statedText !== null && statedMu === null) problems.push(problem('area.format', path(mp, 'stated'), statedText, { en: 'an area such as "3.255万亩"', zh: '面积，如 "3.255万亩"' }));
      if (date && share) milestones.push({ date, share, statedMu, statedText });
    });
    if (!targetText || !targetMu || !targetDate) return null;
    return { targetMu, targetText, targetDate, milestones };
  });
}

/** How the target and its milestones relate to the stock (seed 004's checks). */
export function checkRevitalisationTarget(inventory: StockInventory, target: RevitalisationTarget): RevitalisationCheck {
  const stockMu = grandTotalMu(inventory);
  const stockWanMu = muToWanMu(stockMu);
  const places = Math.max(0, muToWanMu(target.targetMu).decimalPlaces());
  const stockWanMuRounded = stockWanMu.toFixed(places, Decimal.ROUND_HALF_UP);
  const milestones = target.milestones.map((m): MilestoneCheck => ({
    date: m.date,
    share: m.share,
    fromTargetMu: target.targetMu.times(m.share),
    fromStockMu: stockMu.times(m.share),
    statedMu: m.statedMu,
    statedMatchesTarget: m.statedMu === null ? null : m.statedMu.eq(target.targetMu.times(m.share)),
  }));
  return { stockMu, stockWanMu, stockWanMuRounded, targetIsWholeStock: dec(stockWanMuRounded).eq(muToWanMu(target.targetMu)), milestones };
}

/** Cumulative area disposed by each milestone's date along a simulated path, and whether it is reached. */
export function milestoneProgress(target: RevitalisationTarget, path_: readonly DisposalYearResult[]): { date: string; requiredMu: Decimal; disposedMu: Decimal; met: boolean }[] {
  const all = [...target.milestones.map((m) => ({ date: m.date, share: m.share })), { date: target.targetDate, share: dec('1') }];
  return all.map(({ date, share }) => {
    const year = Number(date.slice(0, 4));
    const disposedMu = path_.filter((r) => r.year <= year).reduce((s, r) => s.plus(r.disposedMu), dec('0'));
    const requiredMu = target.targetMu.times(share);
    return { date, requiredMu, disposedMu, met: disposedMu.gte(requiredMu) };
  });
}
