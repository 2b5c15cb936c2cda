/**
 * Monthly periods from a start month; roll-ups to quarters and calendar (fiscal) years.
 *
 * A timeline {start: "2022-01", months: 24} has periods 0…23, "2022-01" … "2023-12".
 * A date "2022-09-16" falls in period 8; the day is kept only for traces and display.
 * Chinese fiscal years are calendar years, so year roll-ups are calendar years.
 */
import { memo } from './money';

export interface Timeline {
  readonly startYear: number;
  /** 1…12 */
  readonly startMonth: number;
  readonly months: number;
}

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

export function parseMonth(text: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/** Parses "2022-09" or "2022-09-16" (a real calendar day). Null if malformed. Memoised: dates recur run after run. */
export const parseDate = memo(parseDateText);

function parseDateText(text: string): { year: number; month: number; day: number | null } | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month, day: null };
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day };
}

export function makeTimeline(start: string, months: number): Timeline {
  const s = parseMonth(start);
  if (!s) throw new RangeError(`bad start month ${start}`);
  return { startYear: s.year, startMonth: s.month, months };
}

/** Period index of a date, possibly outside [0, months). */
export function periodOf(t: Timeline, date: { year: number; month: number }): number {
  return (date.year - t.startYear) * 12 + (date.month - t.startMonth);
}

export function periodOfText(t: Timeline, text: string): number | null {
  const d = parseDate(text);
  return d ? periodOf(t, d) : null;
}

export function yearMonthOf(t: Timeline, period: number): { year: number; month: number } {
  const zero = t.startYear * 12 + (t.startMonth - 1) + period;
  return { year: Math.floor(zero / 12), month: (zero % 12) + 1 };
}

/** "2022-09". A timeline's labels are made once: every dated payment of every run carries one. */
export function periodLabel(t: Timeline, period: number): string {
  if (!(period >= 0 && period < t.months)) return labelOf(t, period);
  let labels = LABELS.get(t);
  if (!labels) LABELS.set(t, (labels = []));
  return labels[period] ??= labelOf(t, period);
}

const LABELS = new WeakMap<Timeline, string[]>();

function labelOf(t: Timeline, period: number): string {
  const { year, month } = yearMonthOf(t, period);
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** "2022Q3" */
export function quarterLabel(t: Timeline, period: number): string {
  const { year, month } = yearMonthOf(t, period);
  return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
}

export function yearOf(t: Timeline, period: number): number {
  return yearMonthOf(t, period).year;
}

export function periodLabels(t: Timeline): string[] {
  return Array.from({ length: t.months }, (_, p) => periodLabel(t, p));
}

/** Distinct calendar years the timeline touches, in order. */
export function yearsOf(t: Timeline): number[] {
  const first = t.startYear;
  const last = yearOf(t, t.months - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
