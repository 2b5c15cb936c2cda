/**
 * Composing a scenario from its files: a variant names its `base` and overrides a few fields
 * ("6:4 versus 7:3" is two small files), `set` overrides single fields by JSON path, and
 * `parcelsCsv` brings a parcel table, `parcelsXlsx: {file, sheet}` one from a workbook sheet (the
 * first when none is named). Files are read through callbacks, so the same code serves the CLI
 * (the file system) and the notebook (uploaded or bundled files); a workbook arrives as a grid of
 * typed cells, read beforehand, because opening one is asynchronous.
 *
 * Merge rule: objects merge key by key, recursively; arrays and scalars in the variant replace
 * the base's. So {"base": "hainan-provincial.json", "split": {"ratios": {"province": "7", "city": "3"}}}
 * is the whole 7:3 variant.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import { MAX_JSON_DEPTH, MAX_SET_PATH_CHARS, MAX_SET_PATH_SEGMENTS, nestsDeeperThan } from '../limits';
import { getAt, parsePath, setAt, type PathSegment } from './json-path';
import { parcelsFromCsv } from './parcel-table';
import { parcelsFromGrid } from './parcel-workbook';
import type { SheetGrid } from '../xlsx/sheet-grid';

/**
 * A file's text, null if it does not exist, or {error} if it exists but cannot be read (with the
 * problem code when the reader refused it: not a regular file, or over the size limit).
 */
export type ReadText = (path: string) => string | null | { error: string; code?: ProblemCode };

/** A workbook sheet as a grid, null if the file does not exist, or {error} if it cannot be read. */
export type ReadGrid = (path: string, sheet: string | undefined) => SheetGrid | null | { error: string };

export type Composed =
  | { ok: true; scenario: Record<string, unknown>; files: string[] }
  | { ok: false; problems: Problem[] };

export function composeScenario(path: string, read: ReadText, readGrid?: ReadGrid): Composed {
  const problems: Problem[] = [];
  const files: string[] = [];
  const scenario = load(path, read, [], problems, files, readGrid);
  if (problems.length > 0 || scenario === null) return { ok: false, problems };
  // `set` values and CSV cells holding JSON can nest too: measure the whole once more.
  if (nestsDeeperThan(scenario, MAX_JSON_DEPTH)) return { ok: false, problems: [tooDeep('', path)] };
  return { ok: true, scenario, files };
}

function load(path: string, read: ReadText, chain: string[], problems: Problem[], files: string[], readGrid?: ReadGrid): Record<string, unknown> | null {
  if (chain.includes(path)) {
    problems.push({ ...problem('variant.cycle', 'base', path, { en: `a base that does not lead back to itself (${[...chain, path].join(' → ')})`, zh: `不形成循环的基准情景（${[...chain, path].join(' → ')}）` }), file: chain[chain.length - 1] });
    return null;
  }
  const text = read(path);
  if (text !== null && typeof text === 'object') {
    problems.push({ ...problem(text.code ?? 'file.unreadable', '', path, { en: 'a readable file', zh: '可读取的文件' }, { en: `cannot read ${path}: ${text.error}`, zh: `无法读取 ${path}：${text.error}` }), file: chain[chain.length - 1] });
    return null;
  }
  if (text === null) {
    const from = chain[chain.length - 1];
    problems.push({ ...problem('file.notFound', from ? 'base' : '', path, { en: 'an existing scenario file', zh: '存在的情景文件' }, { en: `file not found: ${path}`, zh: `找不到文件：${path}` }), file: from });
    return null;
  }
  files.push(path);
  const data = parseJson(text, path, problems);
  if (data === UNPARSED) return null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ ...problem('schema.type', '', Array.isArray(data) ? '[…]' : data, { en: 'a JSON object (a scenario)', zh: 'JSON 对象（情景）' }), file: path });
    return null;
  }
  if (nestsDeeperThan(data, MAX_JSON_DEPTH)) {
    problems.push(tooDeep('', path));
    return null;
  }
  let own = { ...(data as Record<string, unknown>) };
  const { base, set, parcelsCsv, parcelsXlsx } = own;
  delete own.base;
  delete own.set;
  delete own.parcelsCsv;
  delete own.parcelsXlsx;

  let merged: Record<string, unknown> = own;
  if (base !== undefined) {
    if (typeof base !== 'string') {
      problems.push({ ...problem('schema.type', 'base', base, { en: 'the path of the base scenario file', zh: '基准情景文件路径' }), file: path });
      return null;
    }
    const parent = load(resolvePath(path, base), read, [...chain, path], problems, files, readGrid);
    if (parent === null) return null;
    merged = mergeDeep(parent, own);
  }
  if (set !== undefined) {
    if (set === null || typeof set !== 'object' || Array.isArray(set)) {
      problems.push({ ...problem('schema.type', 'set', set, { en: 'an object of JSON path → value', zh: 'JSON路径→值 的对象' }), file: path });
    } else {
      for (const [p, v] of Object.entries(set as Record<string, unknown>)) {
        const at = `set["${p.length > 60 ? p.slice(0, 57) + '...' : p}"]`;
        if (p.length > MAX_SET_PATH_CHARS) {
          problems.push({ ...problem('set.path', at, `${p.length} characters`, { en: `a path of at most ${MAX_SET_PATH_CHARS} characters and ${MAX_SET_PATH_SEGMENTS} segments`, zh: `不超过 ${MAX_SET_PATH_CHARS} 个字符、${MAX_SET_PATH_SEGMENTS} 段的路径` }), file: path });
          continue;
        }
        const segs = parsePath(p);
        if (!segs) {
          problems.push({ ...problem('schema.format', at, p, { en: 'a JSON path such as parcels[0].sale.price', zh: 'JSON 路径，如 parcels[0].sale.price' }), file: path });
          continue;
        }
        if (segs.length > MAX_SET_PATH_SEGMENTS) {
          problems.push({ ...problem('set.path', at, `${segs.length} segments`, { en: `a path of at most ${MAX_SET_PATH_SEGMENTS} segments`, zh: `不超过 ${MAX_SET_PATH_SEGMENTS} 段的路径` }), file: path });
          continue;
        }
        const beyond = indexBeyond(merged, segs);
        if (beyond) {
          problems.push({ ...problem('set.index', at, beyond.index, { en: `an index from 0 to ${beyond.length} (${beyond.length} item(s) there; the next index adds one)`, zh: `0 至 ${beyond.length} 的下标（现有 ${beyond.length} 项；下一个下标为新增一项）` }), file: path });
          continue;
        }
        merged = setAt(merged, segs, v);
      }
    }
  }
  if (parcelsCsv !== undefined) {
    if (typeof parcelsCsv !== 'string') {
      problems.push({ ...problem('schema.type', 'parcelsCsv', parcelsCsv, { en: 'the path of a CSV file', zh: 'CSV 文件路径' }), file: path });
      return null;
    }
    const csvPath = resolvePath(path, parcelsCsv);
    const csv = read(csvPath);
    if (csv !== null && typeof csv === 'object') {
      problems.push({ ...problem(csv.code ?? 'file.unreadable', 'parcelsCsv', csvPath, { en: 'a readable file', zh: '可读取的文件' }, { en: `cannot read ${csvPath}: ${csv.error}`, zh: `无法读取 ${csvPath}：${csv.error}` }), file: path });
      return null;
    }
    if (csv === null) {
      problems.push({ ...problem('file.notFound', 'parcelsCsv', parcelsCsv, { en: 'an existing CSV file', zh: '存在的 CSV 文件' }, { en: `file not found: ${csvPath}`, zh: `找不到文件：${csvPath}` }), file: path });
      return null;
    }
    files.push(csvPath);
    const rows = parcelsFromCsv(csv, csvPath);
    problems.push(...rows.problems);
    const existing = Array.isArray(merged.parcels) ? merged.parcels : [];
    merged = { ...merged, parcels: [...existing, ...rows.parcels] };
  }
  if (parcelsXlsx !== undefined) {
    const rows = workbookParcels(path, parcelsXlsx, readGrid, problems, files);
    if (rows === null) return null;
    const existing = Array.isArray(merged.parcels) ? merged.parcels : [];
    merged = { ...merged, parcels: [...existing, ...rows] };
  }
  return merged;
}

/** A `set` index past the end of its array (or of the empty array setAt would make): refused, never a sparse array of millions. */
function indexBeyond(data: unknown, segs: readonly PathSegment[]): { index: number; length: number } | null {
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (typeof seg !== 'number') continue;
    const arr = getAt(data, segs.slice(0, i));
    const length = Array.isArray(arr) ? arr.length : 0;
    if (seg > length) return { index: seg, length };
  }
  return null;
}

function tooDeep(at: string, file: string): Problem {
  return { ...problem('limit.depth', at, undefined, { en: `JSON nested at most ${MAX_JSON_DEPTH} levels deep`, zh: `嵌套不超过 ${MAX_JSON_DEPTH} 层的 JSON` }, { en: `the JSON nests more than ${MAX_JSON_DEPTH} levels deep (a scenario nests about 6)`, zh: `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层（情景通常约 6 层）` }), file };
}

const UNPARSED = Symbol('unparsed');

function workbookParcels(path: string, spec: unknown, readGrid: ReadGrid | undefined, problems: Problem[], files: string[]): unknown[] | null {
  const s = spec as { file?: unknown; sheet?: unknown } | null;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || typeof s.file !== 'string' || (s.sheet !== undefined && typeof s.sheet !== 'string') || Object.keys(s).some((k) => k !== 'file' && k !== 'sheet')) {
    problems.push({ ...problem('schema.type', 'parcelsXlsx', spec, { en: '{"file": "parcels.xlsx", "sheet": "地块"} (sheet optional: the first)', zh: '{"file": "parcels.xlsx", "sheet": "地块"}（sheet 可省略：取第一个工作表）' }), file: path });
    return null;
  }
  const xlsxPath = resolvePath(path, s.file);
  const grid = readGrid ? readGrid(xlsxPath, s.sheet as string | undefined) : { error: 'workbooks are not read here / 此处不读取工作簿' };
  if (grid !== null && 'error' in grid) {
    problems.push({ ...problem('file.unreadable', 'parcelsXlsx.file', xlsxPath, { en: 'a readable XLSX workbook', zh: '可读取的 XLSX 工作簿' }, { en: `cannot read ${xlsxPath}: ${grid.error}`, zh: `无法读取 ${xlsxPath}：${grid.error}` }), file: path });
    return null;
  }
  if (grid === null) {
    problems.push({ ...problem('file.notFound', 'parcelsXlsx.file', s.file, { en: 'an existing XLSX file', zh: '存在的 XLSX 文件' }, { en: `file not found: ${xlsxPath}`, zh: `找不到文件：${xlsxPath}` }), file: path });
    return null;
  }
  files.push(xlsxPath);
  const rows = parcelsFromGrid(grid);
  problems.push(...rows.problems);
  return rows.parcels;
}

function parseJson(text: string, file: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    problems.push({ ...problem('file.json', '', undefined, { en: 'valid JSON', zh: '有效的 JSON' }, { en: `${file} is not valid JSON${where}: ${msg}`, zh: `${file} 不是有效的 JSON${where ? `（${where.trim()}）` : ''}：${msg}` }), file });
    return UNPARSED;
  }
}

export function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? mergeDeep(b, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Resolves `rel` against the directory of `from`, with '/' separators ("a/b.json", "../c.json"). */
export function resolvePath(from: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
