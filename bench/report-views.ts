/**
 * What report() costs whole and view by view on a generated portfolio (default 10 000 parcels ×
 * 240 months): the whole Result, the CLI summary's views, and each view alone. Medians; not a test.
 *
 *   node --import tsx bench/report-views.ts [parcels] [months]
 */
import { prepare, run, report, VIEWS } from '../engine/index';
import { SUMMARY_VIEWS } from '../cli/summary';
import { portfolio } from './portfolio';
import { fmtMs, medianMs } from './timing';

const parcels = Number(process.argv[2] ?? 10000);
const months = Number(process.argv[3] ?? 240);
const p = prepare(portfolio({ parcels, months, seed: 1 }));
if (!p.ok) throw new Error('generated portfolio refused');
const out = run(p.model);
const line = (name: string, f: () => unknown) => console.log(`  ${name.padEnd(28)} ${fmtMs(medianMs(name, f, 7, 2)).padStart(8)} ms`);
console.log(`report() on ${parcels} × ${months} (${out.ledger.length} postings), medians of 7`);
line('whole Result', () => report(out));
line(`summary (${SUMMARY_VIEWS.join(', ')})`, () => report(out, { views: SUMMARY_VIEWS }));
for (const v of VIEWS) line(v, () => report(out, { views: [v] }));
