/**
 * LibreOffice headless for the workbook tests: convert a CSV to XLSX, or recalculate workbooks
 * (open, recalculate every formula, save). Each call gets its own user profile — set to always
 * recalculate on load, since by default LibreOffice trusts the cached values an XLSX carries — so
 * tests running side by side do not fight over the profile lock. When `soffice` is missing the
 * callers fall back to HyperFormula and print LIBREOFFICE_NOTICE once; they never skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const LIBREOFFICE_NOTICE = 'notice: soffice not found — workbook checks use HyperFormula and ExcelJS instead of LibreOffice; install the Debian package libreoffice-calc-nogui to run them with LibreOffice';

let available: boolean | null = null;
export function sofficeAvailable(): boolean {
  if (available === null) available = process.env.LRSIM_NO_SOFFICE ? false : spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
  return available;
}

let noticed = false;
export function noticeOnce(): void {
  if (noticed) return;
  noticed = true;
  console.warn(LIBREOFFICE_NOTICE);
}

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function soffice(args: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args, '--outdir', outDir], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** CSVs (UTF-8, comma) converted to XLSX by LibreOffice in one process, every column imported as text. */
export function csvToXlsx(csvFiles: readonly string[], columns: number): Buffer[] {
  const out = mkdtempSync(join(tmpdir(), 'lo-out-'));
  const textColumns = Array.from({ length: columns }, (_, i) => `${i + 1}/2`).join('/');
  soffice([`--infilter=CSV:44,34,76,1,${textColumns}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', ...csvFiles], out);
  const books = csvFiles.map((f) => readFileSync(join(out, basename(f).replace(/\.csv$/, '.xlsx'))));
  rmSync(out, { recursive: true, force: true });
  return books;
}

/** Workbooks opened by LibreOffice (one process for all), every formula recalculated, saved again as XLSX. */
export function recalculateAll(books: readonly Uint8Array[]): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'lo-recalc-'));
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  const files = books.map((bytes, i) => {
    const f = join(inDir, `book${i}.xlsx`);
    writeFileSync(f, bytes);
    return f;
  });
  soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', ...files], outDir);
  const out = books.map((_, i) => readFileSync(join(outDir, `book${i}.xlsx`)));
  rmSync(dir, { recursive: true, force: true });
  return out;
}
