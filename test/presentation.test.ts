/**
 * The one display-width function and the one CSV writer every table, summary and export uses.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, padStart } from '../engine/presentation/display-width';
import { csvText } from '../engine/presentation/csv';
import { renderTable } from '../engine/presentation/plain-text';
import { reportCsv } from '../engine/reports/report-text';

describe('displayWidth counts terminal columns', () => {
  it.each([
    ['ASCII one column each', 'LB-01 2022-09', 13],
    ['CJK ideographs two each', '出让收入', 8],
    ['CJK Extension B (outside the BMP) two', '𠀀', 2],
    ['Hangul syllables and Jamo two each', '한글ᄀ', 6],
    ['fullwidth punctuation and letters two each', '，。（）：Ａ１', 14],
    ['ideographic space two', '\u3000', 2],
    ['halfwidth katakana one each', 'ｶﾀｶﾅ', 4],
    ['an emoji two', '👍', 2],
    ['an emoji ZWJ family still two', '👨‍👩‍👧', 2],
    ['a flag two', '🇨🇳', 2],
    ['combining acute accent takes none', 'e\u0301', 1],
    ['combining marks stacked take none', 'a\u0300\u0301\u0302', 1],
    ['ambiguous-width dash, middle dot, arrow one each', '—·→', 3],
    ['box drawing and shades one each', '■░█', 3],
  ])('%s', (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads to the same column whatever the script', () => {
    const cells = ['出让收入', 'Sale', '（全角）', '👍ok', 'cafe\u0301'];
    for (const c of cells) {
      expect(displayWidth(padEnd(c, 12))).toBe(12);
      expect(displayWidth(padStart(c, 12))).toBe(12);
      expect(padStart(c, 12).endsWith(c)).toBe(true);
    }
    expect(padEnd('出让收入出让收入', 4)).toBe('出让收入出让收入');
  });

  it('renderTable lines up a CJK column with an ASCII one', () => {
    const lines = renderTable(['宗地 parcel', 'amount'], [['一号地块', '1.00'], ['LB-2', '123.45']]).split('\n');
    const ends = lines.map((l) => displayWidth(l));
    expect(new Set(ends).size).toBe(1);
  });
});

describe('csvText writes RFC 4180 with formula-like text neutralised', () => {
  it('quotes separators, quotes and line breaks; neutralises formulas; keeps signed numbers', () => {
    expect(csvText([['a,b', 'say "hi"', 'x\ny'], ['=1+1', '-12.50', '@cmd'], [null, 3, '']])).toBe(
      '"a,b","say ""hi""","x\ny"\n"\'=1+1",-12.50,"\'@cmd"\n,3,\n',
    );
  });
  it('a BOM and CR LF when asked', () => {
    expect(csvText([['出让收入'], ['1.00']], { bom: true, newline: '\r\n' })).toBe('\uFEFF出让收入\r\n1.00\r\n');
  });
  it('the report CSV neutralises a formula in a label as every other CSV does', () => {
    const report = {
      title: { zh: 't', en: 't' }, subtitle: { zh: 's', en: 's' }, unit: 'yuan', notes: [],
      sections: [{ title: { zh: '=HYPERLINK("x")', en: 'x' }, head: [{ zh: '金额', en: 'amount' }], rows: [{ label: { zh: '@SUM(A1)', en: 'a' }, cells: [{ t: 'money', v: '-5.00' }] }] }],
    } as unknown as Parameters<typeof reportCsv>[0];
    expect(reportCsv(report, 'zh')).toBe('\uFEFF"\'=HYPERLINK(""x"")"\n项目,金额\n"\'@SUM(A1)",-5.00\n');
  });
});
