/** Bilingual labels: a scenario may write "兴宁市" or {"zh": "兴宁市", "en": "Xingning"}. */
import type { Text } from '../model';

export function toText(value: string | Partial<Text> | undefined, fallback: string): Text {
  if (value === undefined) return { zh: fallback, en: fallback };
  if (typeof value === 'string') return { zh: value, en: value };
  return { zh: value.zh ?? value.en ?? fallback, en: value.en ?? value.zh ?? fallback };
}
