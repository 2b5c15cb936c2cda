/** A cell's A1 address ("D7" is row 6, column 3, counted from 0), kept apart from the workbook library so a page can name cells without loading it. */
export function cellAddress(row: number, col: number): string {
  let c = col + 1;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}
