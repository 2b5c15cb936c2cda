/**
 * The spreadsheet way: a generated portfolio (bench/portfolio.ts) built as the workbook a finance
 * officer keeps in Excel today, in HyperFormula (the headless spreadsheet engine), with its floats.
 *
 *   Inputs   split weights, provision rates, the first-instalment share, the service-fee rate
 *   Parcels  one row a parcel: costs, sale, provisions with ROUND(…, 2) where the rules round,
 *            cost recovered, value added, the city share ROUNDDOWN(…, 2) and the province the rest
 *   Cash     parcels × months: what each parcel pays out of the reserve fund each month
 *   Summary  months across: need, appropriation, cost recovered (SUMIF on the settlement month),
 *            the bond's proceeds, coupons (cumulative interest rounded once a coupon, as the engine
 *            carries its rounding remainder), principal and the budget's advance when the fund
 *            cannot pay (returned from later cost recovery), fiscal top-up = MAX(0, need − money
 *            at hand), the reserve fund's balance
 *   Totals   the figures the engine's Result also gives
 *
 * `set(input, value)` changes one input (the province weight, a provision rate, the bond rate, the sale price
 * factor, the sale delay) and HyperFormula
 * recalculates what depends on it; `totals()` reads the figures for comparison with the engine.
 *
 * Two ways to write it. `yuan` (the default) is how such workbooks are written: amounts in 元,
 * rates as decimals (0.0317), ROUND(x, 2) — floating point, so a half-fen can fall either way.
 * `fen` is the same workbook in whole fen with every rate as an exact ratio (317/10000) and
 * ROUND(x, 0): the model then agrees with the engine to the fen (test/bench-spreadsheet.test.ts),
 * which shows the rules are the same and any difference in `yuan` is the floats'.
 */
import { HyperFormula } from 'hyperformula';
import { resolveParameters } from '../engine/parameters';
import { parseRate } from '../engine/money';

type Cell = string | number | null;

/** "12345.6789万元" → 123456789 元 (whole 元, as the portfolio writes every amount). */
export function wanToYuan(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,4}))?万元$/.exec(text);
  if (!m) throw new RangeError(`not a 万元 amount with at most 4 decimals: ${text}`);
  return Number(m[1]) * 10000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** A rate as [numerator, denominator]: exact integers for `fen`, [decimal, 1] for `yuan`. */
function rateCells(text: string, unit: 'yuan' | 'fen'): [number, number] {
  const r = parseRate(text)!;
  return unit === 'fen' ? [r.num, r.den] : [Number(text.replace('%', '')) / (text.trim().endsWith('%') ? 100 : 1), 1];
}

function col(n: number): string {
  let s = '';
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface RawParcel {
  acquisition: { date: string; price: string; serviceFee: string };
  development?: { works: { date: string; amount: string }[] };
  holding: { costPerMonth: string };
  splitCase?: string;
  sale?: { date: string; price: string };
}

export interface SpreadsheetTotals {
  valueAdded: number;
  province: number;
  city: number;
  provisions: number;
  costRecovered: number;
  fiscalTopUp: number;
  reserveFundEnd: number;
  interest: number;
  fiscalDebtSupport: number;
}

export interface SpreadsheetModel {
  readonly hf: HyperFormula;
  readonly formulas: number;
  totals(): SpreadsheetTotals;
  /** Sets one input cell and returns after HyperFormula has recalculated what depends on it. */
  set(input: SheetInput, value: number): void;
  destroy(): void;
}

const INPUT_ROW = { provinceWeight: 0, cityWeight: 1, landIncomeFundRate: 2, bondRate: 7, salePriceFactor: 11, saleDelayMonths: 12 } as const;
export type SheetInput = keyof typeof INPUT_ROW;

interface RawBond { issueDate: string; principal: string; couponRate: string; termYears: number }

export function buildSpreadsheet(scenario: Record<string, unknown>, options: { unit?: 'yuan' | 'fen' } = {}): SpreadsheetModel {
  const unit = options.unit ?? 'yuan';
  const D = unit === 'fen' ? 0 : 2; // ROUND places
  const money = (text: string) => wanToYuan(text) * (unit === 'fen' ? 100 : 1);
  const timeline = scenario.timeline as { start: string; months: number };
  const months = timeline.months;
  const [y0, m0] = timeline.start.split('-').map(Number);
  const period = (d: string) => { const [y, m] = d.split('-').map(Number); return (y - y0) * 12 + (m - m0); };
  const { set: params } = resolveParameters((scenario.asOf as string) ?? `${timeline.start}-01`, (scenario.jurisdiction as string) ?? 'national', {});
  const ratios = params.weights('split.ratios') ?? {};
  const stock = params.weights('split.paidStockRecovery.ratios') ?? ratios;
  const r = (k: string) => rateCells(params.rate(k).text, unit);

  // Column B is a rate's numerator (or the rate itself), column C its denominator.
  const inputs: Cell[][] = [
    ['province weight', Number(ratios.province), 1],
    ['city weight', Number(ratios.city), 1],
    ['land income fund rate', ...r('provisions.landIncomeFund.rate')],
    ['education rate', ...r('provisions.education.rate')],
    ['water rate', ...r('provisions.water.rate')],
    ['housing rate', ...r('provisions.housing.rate')],
    ['first instalment share', ...r('sale.firstInstalmentShare')],
  ];
  // The bond (at most one here: bullet, annual coupons, no fees): rate, principal, issue and maturity months.
  const bond = ((scenario.bonds as RawBond[] | undefined) ?? [])[0];
  inputs.push(
    ['bond rate', ...(bond ? rateCells(bond.couponRate, unit) : [0, 1])],
    ['bond principal', bond ? money(bond.principal) : 0, null],
    ['bond issue month', bond ? period(bond.issueDate) : -1, null],
    ['bond maturity month', bond ? period(bond.issueDate) + bond.termYears * 12 : -1, null],
    // The stress inputs (scenario adjustments): every sale price × the factor, every sale later by the months.
    ['sale price factor', 1, null],
    ['sale delay (months)', 0, null],
  );
  const parcels = scenario.parcels as RawParcel[];
  const rows: Cell[][] = parcels.map((p, i) => {
    const n = i + 1;
    const works = p.development?.works ?? [];
    const sold = p.sale ? 1 : 0;
    const paidStock = p.splitCase === 'paidStockRecovery';
    const [feeNum, feeDen] = rateCells(p.acquisition.serviceFee, unit);
    return [
      period(p.acquisition.date), // A acquisition month
      money(p.acquisition.price), // B price
      `=ROUND(B${n}*${feeNum}/${feeDen},${D})`, // C service fee
      works[0] ? period(works[0].date) : -1, // D
      works[0] ? money(works[0].amount) : 0, // E
      works[1] ? period(works[1].date) : -1, // F
      works[1] ? money(works[1].amount) : 0, // G
      `=E${n}+G${n}`, // H development
      money(p.holding.costPerMonth), // I holding per month
      sold, // J
      p.sale ? `=${period(p.sale.date)}+Inputs!$B$13` : months, // K sale month
      `=MAX(0,K${n}-A${n})`, // L holding months
      `=I${n}*L${n}`, // M holding total
      p.sale ? `=ROUND(${money(p.sale.price)}*Inputs!$B$12,${D})` : 0, // N revenue
      `=ROUND(N${n}*Inputs!$B$7/Inputs!$C$7,${D})`, // O first instalment
      `=IF(J${n}=1,K${n}+12,-1)`, // P settlement month
      paidStock ? Number(stock.province ?? 0) : '=Inputs!$B$1', // Q province weight
      paidStock ? Number(stock.city ?? 0) : '=Inputs!$B$2', // R city weight
      `=ROUND(N${n}*Inputs!$B$3/Inputs!$C$3,${D})`, // S land income fund
      `=N${n}-Y${n}`, // T education base: income − 核定成本 (no agri fund or social security here)
      `=ROUND(MAX(0,T${n})*Inputs!$B$4/Inputs!$C$4,${D})`, // U education
      `=ROUND(MAX(0,T${n})*Inputs!$B$5/Inputs!$C$5,${D})`, // V water
      `=ROUND(MAX(0,T${n})*Inputs!$B$6/Inputs!$C$6,${D})`, // W housing
      `=MIN(N${n},S${n}+U${n}+V${n}+W${n})`, // X provisions, capped at the sale income
      `=B${n}+C${n}+H${n}+M${n}`, // Y verified cost
      `=N${n}-X${n}`, // Z available
      `=IF(J${n}=1,MIN(Z${n},Y${n}),0)`, // AA cost recovered
      `=Z${n}-AA${n}`, // AB value added
      `=ROUNDDOWN(AB${n}*R${n}/(Q${n}+R${n}),${D})`, // AC city
      `=AB${n}-AC${n}`, // AD province
    ];
  });
  const last = parcels.length + 1;
  const cash: Cell[][] = [Array.from({ length: months }, (_, m) => m)];
  parcels.forEach((_, i) => {
    const n = i + 1;
    cash.push(Array.from({ length: months }, (_, m) => {
      const c = `${col(m)}$1`;
      return `=IF(Parcels!$A${n}=${c},Parcels!$B${n}+Parcels!$C${n},0)+IF(Parcels!$D${n}=${c},Parcels!$E${n},0)+IF(Parcels!$F${n}=${c},Parcels!$G${n},0)+IF(AND(${c}>=Parcels!$A${n},${c}<Parcels!$A${n}+Parcels!$L${n}),Parcels!$I${n},0)`;
    }));
  });
  const approp = new Array<number>(months).fill(0);
  for (const a of ((scenario.funding as { appropriations?: { date: string; amount: string }[] })?.appropriations ?? [])) approp[period(a.date)] += money(a.amount);
  const prev = (m: number, row: number) => (m ? `${col(m - 1)}${row}` : '0');
  const row = (f: (c: string, m: number) => string | number) => Array.from({ length: months }, (_, m) => f(col(m), m));
  const B = { rate: 'Inputs!$B$8/Inputs!$C$8', principal: 'Inputs!$B$9', issue: 'Inputs!$B$10', maturity: 'Inputs!$B$11' };
  // balance + appropriation + recovered + proceeds − the budget's earlier debt advance returned
  const atHand = (c: string, m: number) => `${prev(m, 6)}+${c}3+${c}4+${c}9-${c}16`;
  const summary: Cell[][] = [
    row((_, m) => m), // 1 month
    row((c) => `=SUM(Cash!${c}2:${c}${last})`), // 2 need
    approp, // 3 appropriation
    row((c) => `=SUMIF(Parcels!$P$1:$P$${last - 1},${c}1,Parcels!$AA$1:$AA$${last - 1})`), // 4 cost recovered
    row((c, m) => `=MAX(0,${c}2-(${atHand(c, m)}+${c}14-${c}13))`), // 5 top-up
    row((c, m) => `=${atHand(c, m)}+${c}14-${c}13+${c}5-${c}2`), // 6 balance
    row((c) => `=SUMIF(Parcels!$P$1:$P$${last - 1},${c}1,Parcels!$AD$1:$AD$${last - 1})`), // 7 province by month
    row((c) => `=SUMIF(Parcels!$P$1:$P$${last - 1},${c}1,Parcels!$AC$1:$AC$${last - 1})`), // 8 city by month
    row((c) => `=IF(${c}1=${B.issue},${B.principal},0)`), // 9 bond proceeds
    row((c) => `=IF(AND(${c}1>${B.issue},${c}1<=${B.maturity},OR(MOD(${c}1-${B.issue},12)=0,${c}1=${B.maturity})),1,0)`), // 10 coupon date
    row((c, m) => `=IF(${c}10=1,ROUND((${c}1-${B.issue})*${B.principal}*${B.rate}/12,${D})-${prev(m, 15)},0)`), // 11 interest
    row((c) => `=IF(${c}1=${B.maturity},${B.principal},0)`), // 12 principal
    row((c) => `=${c}11+${c}12`), // 13 debt service
    row((c, m) => `=MAX(0,${c}13-MAX(0,${atHand(c, m)}))`), // 14 the budget's support
    row((c, m) => `=${prev(m, 15)}+${c}11`), // 15 interest so far
    row((c, m) => `=MIN(${prev(m, 17)},${c}4)`), // 16 debt advance returned from cost recovered
    row((c, m) => `=${prev(m, 17)}+${c}14-${c}16`), // 17 debt advance outstanding
  ];
  const L = last - 1;
  const totals: Cell[][] = [
    ['value added', `=SUM(Parcels!AB1:AB${L})`],
    ['province', `=SUM(Summary!A7:${col(months - 1)}7)`],
    ['city', `=SUM(Summary!A8:${col(months - 1)}8)`],
    ['provisions', `=SUM(Parcels!X1:X${L})`],
    ['cost recovered', `=SUM(Parcels!AA1:AA${L})`],
    ['fiscal top-up', `=SUM(Summary!A5:${col(months - 1)}5)`],
    ['reserve fund at the end', `=Summary!${col(months - 1)}6`],
    ['interest', `=SUM(Summary!A11:${col(months - 1)}11)`],
    ['fiscal debt support', `=SUM(Summary!A14:${col(months - 1)}14)`],
  ];
  const hf = HyperFormula.buildFromSheets({ Inputs: inputs, Parcels: rows, Cash: cash, Summary: summary, Totals: totals }, { licenseKey: 'gpl-v3', precisionRounding: 15 });
  const sheet = (name: string) => hf.getSheetId(name)!;
  const T = sheet('Totals');
  const value = (row: number) => (hf.getCellValue({ sheet: T, row, col: 1 }) as number) / (unit === 'fen' ? 100 : 1);
  const formulas = [rows, cash, summary, totals].reduce((s, g) => s + g.flat().filter((c) => typeof c === 'string' && c.startsWith('=')).length, 0);
  return {
    hf,
    formulas,
    totals: () => ({ valueAdded: value(0), province: value(1), city: value(2), provisions: value(3), costRecovered: value(4), fiscalTopUp: value(5), reserveFundEnd: value(6), interest: value(7), fiscalDebtSupport: value(8) }),
    set: (input, v) => {
      const at = { sheet: sheet('Inputs'), row: INPUT_ROW[input], col: 1 };
      // In whole fen a rate is an exact numerator and denominator, set together.
      if (unit === 'fen' && (input === 'landIncomeFundRate' || input === 'bondRate')) {
        const r = parseRate(String(v))!;
        hf.setCellContents(at, [[r.num, r.den]]);
      } else hf.setCellContents(at, v);
    },
    destroy: () => hf.destroy(),
  };
}

/** The engine's figures that the spreadsheet's Totals sheet also computes (output paths into the Result). */
export function comparedOutputs(months: number): Record<keyof SpreadsheetTotals, string> {
  return {
    valueAdded: 'totals.valueAdded',
    province: 'totals.shares.province',
    city: 'totals.shares.city',
    provisions: 'totals.provisions',
    costRecovered: 'totals.costRecovered',
    fiscalTopUp: 'totals.fiscalTopUp',
    reserveFundEnd: `periods[${months - 1}].reserveFundBalance`,
    interest: 'totals.interest',
    fiscalDebtSupport: 'totals.fiscalDebtSupport',
  };
}

/**
 * How far a spreadsheet float is from the engine's exact figure, in fen: the float is shown to
 * two decimals (as a cell formatted 0.00 would be) and compared digit for digit.
 */
export function fenDifference(sheetYuan: number, engineYuan: string): number {
  const shown = sheetYuan.toFixed(2);
  const toFen = (t: string) => { const neg = t.startsWith('-'); const [i, f = '00'] = t.replace('-', '').split('.'); const v = Number(i) * 100 + Number(f.padEnd(2, '0').slice(0, 2)); return neg ? -v : v; };
  return toFen(shown) - toFen(engineYuan);
}
