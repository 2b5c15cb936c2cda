/**
 * displayWidth counts plain ASCII, Han, CJK punctuation and fullwidth forms itself and leaves every
 * other text to string-width: the two must agree on every character of that fast path and on any
 * string mixing them with characters that need grapheme segmentation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth } from '../engine/presentation/display-width';

const BMP = Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => cp < 0xd800 || cp > 0xdfff);

describe('displayWidth agrees with string-width', () => {
  it('on every character of the Basic Multilingual Plane', () => {
    const differ = BMP.filter((cp) => displayWidth(String.fromCharCode(cp)) !== stringWidth(String.fromCharCode(cp)));
    expect(differ.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('on strings mixing the fast path with marks, emoji, jamo and halfwidth forms', () => {
    const pieces = ['a', ' ', '~', '出', '让', '、', '〩', '（', '）', 'Ａ', '￥', '\u0301', '\u3099', '\u200d', '\ufe0f', '👍', 'ᄀ', '\u1161', '한', 'ｶ', 'ﾞ', '·', '—', '\u3000', '\u303f', '\u302a'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(displayWidth(text)).toBe(stringWidth(text));
    }), { numRuns: 2000 });
  });

  it('counts a Chinese label with fullwidth brackets without segmenting it', () => {
    expect(displayWidth('净现值（折现率 0.05）')).toBe(stringWidth('净现值（折现率 0.05）'));
    expect(displayWidth('净现值（折现率 0.05）')).toBe(21);
  });
});
