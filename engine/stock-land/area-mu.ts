/**
 * Areas of stock land in 亩 and 万亩, exactly: 1 公顷 = 15 亩 (DOMAIN U-2), 1 万亩 = 10 000 亩.
 *
 * Worked example (seed 004): the 2020 stock of 3 100.6712 公顷 × 15 = 46 510.068 亩, which is
 * 4.6510068 万亩 and rounds to the plan's "4.65万亩".
 */
import { dec, Decimal } from '../money';
import { areaIn, parseArea } from '../units';

export const MU_PER_HA = dec('15');
export const MU_PER_WAN_MU = dec('10000');

export function haToMu(areaHa: Decimal): Decimal {
  return areaHa.times(MU_PER_HA);
}

export function muToWanMu(areaMu: Decimal): Decimal {
  return areaMu.div(MU_PER_WAN_MU);
}

const WAN_MU_RE = /^\s*(\d+(?:\.\d+)?)\s*万亩\s*$/;

/** "4.65万亩" → 46 500; "12.5亩" → 12.5; "3.1公顷" → 46.5; "4957.94m²" → 7.43691. Null if malformed. */
export function parseAreaMu(text: string): Decimal | null {
  const w = WAN_MU_RE.exec(text);
  if (w) return dec(w[1]).times(MU_PER_WAN_MU);
  const a = parseArea(text);
  return a ? areaIn(a, 'mu') : null;
}

/** An area in 亩 as the string a parcel record carries: exact, no trailing zeros ("12.5亩"). */
export function muText(areaMu: Decimal): string {
  return areaMu.toString() + '亩';
}

/** Fixed places, half-up, for tables ("1193.5008"). Display only. */
export function fixed(value: Decimal, places: number): string {
  return value.toFixed(places, Decimal.ROUND_HALF_UP);
}
