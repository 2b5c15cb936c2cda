/**
 * Loading a scenario whose parcels come from a workbook (`parcelsXlsx`). Opening a workbook is
 * asynchronous, composing a scenario is not: a first composition notes which sheets the files
 * ask for, they are read into grids, and a second composition uses them. A workbook must be a
 * regular file under MAX_PARCEL_WORKBOOK_BYTES — a parcel list, not an arbitrary upload.
 */
import { readFileSync, statSync } from 'node:fs';
import { loadScenarioFile } from './load';
import type { SheetGrid } from '../engine/xlsx/sheet-grid';
import type { Composed } from '../engine/index';
import { MAX_PARCEL_WORKBOOK_BYTES } from '../engine/scenario/parcel-workbook';

export { MAX_PARCEL_WORKBOOK_BYTES };

export async function loadScenario(path: string): Promise<Composed> {
  const wanted = new Map<string, { file: string; sheet: string | undefined }>();
  const key = (file: string, sheet: string | undefined) => `${file}\u0000${sheet ?? ''}`;
  const first = loadScenarioFile(path, (file, sheet) => {
    wanted.set(key(file, sheet), { file, sheet });
    return { file, sheet: sheet ?? '', rows: [], merges: [] };
  });
  if (wanted.size === 0) return first;
  const grids = new Map<string, SheetGrid | null | { error: string }>();
  for (const [k, w] of wanted) grids.set(k, await readWorkbookGrid(w.file, w.sheet));
  return loadScenarioFile(path, (file, sheet) => { const k = key(file, sheet); return grids.has(k) ? grids.get(k)! : { error: 'not read' }; });
}

export async function readWorkbookGrid(file: string, sheet: string | undefined): Promise<SheetGrid | null | { error: string }> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { error: 'not a regular file / 不是普通文件' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : { error: (e as Error).message };
  }
  if (size > MAX_PARCEL_WORKBOOK_BYTES) return { error: `${size} bytes, over the ${MAX_PARCEL_WORKBOOK_BYTES}-byte limit for a parcel workbook / 文件 ${size} 字节，超过宗地工作簿上限 ${MAX_PARCEL_WORKBOOK_BYTES} 字节` };
  // The workbook library is 1.5 MB of JavaScript: loaded only when a scenario names a workbook,
  // so a plain JSON scenario starts without parsing it.
  const { readSheetGrid } = await import('../engine/xlsx/sheet-grid');
  const read = await readSheetGrid(new Uint8Array(readFileSync(file)), file, sheet);
  return read.ok ? read.grid : { error: `${read.reason.en} / ${read.reason.zh}` };
}
