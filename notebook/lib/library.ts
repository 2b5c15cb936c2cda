/**
 * The scenarios the notebook knows: the files of scenarios/ bundled with the page, and the
 * user's own (uploaded or edited, kept in IndexedDB). A scenario is named by a ref: the bundled
 * file's name without .json ("hainan-provincial") or "user:<key>". Loading goes through the
 * engine's composeScenario, so a variant file ({"base": "hainan-provincial.json", …}) resolves
 * against the bundled files exactly as the CLI resolves it against the disk.
 */
import { composeScenario, type Composed } from '../../engine/scenario/compose';
import type { Problem } from '../../engine/problem';
import type { StoredScenario } from './store';

// The schema is not a scenario (and the pages that need it import it themselves).
const raw = import.meta.glob(['../../scenarios/**/*.json', '!../../scenarios/*.schema.json'], { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** Bundled files by their path under scenarios/ ("hainan-provincial.json", "stress/…json" → text), the schema excluded. */
export const BUNDLED: ReadonlyMap<string, string> = new Map(
  Object.entries(raw)
    .map(([path, text]) => [path.slice(path.indexOf('/scenarios/') + '/scenarios/'.length), text] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b)),
);

export const DEFAULT_REF = BUNDLED.has('hainan-provincial.json') ? 'hainan-provincial' : [...BUNDLED.keys()][0]?.replace(/\.json$/, '') ?? '';

/** The scenario a page opens on when the URL names none: the first of its list that is bundled. */
export function defaultRef(candidates: readonly string[] | null): string {
  return (candidates ?? []).find((r) => BUNDLED.has(`${r}.json`)) ?? DEFAULT_REF;
}

export interface LibraryEntry {
  ref: string;
  /** Display name (the scenario's zh/en name when it parses). */
  name: { zh: string; en: string };
  source: 'bundled' | 'user';
  fileName: string;
  text: string;
}

export type Loaded =
  | { ok: true; ref: string; scenario: Record<string, unknown>; text: string; entry: LibraryEntry }
  | { ok: false; ref: string; problems: Problem[]; text: string | null; entry: LibraryEntry | null; parsed: unknown };

function nameOf(text: string, fallback: string): { zh: string; en: string } {
  try {
    const j = JSON.parse(text.replace(/^\uFEFF/, '')) as { name?: unknown; id?: unknown };
    const n = j.name;
    if (typeof n === 'string') return { zh: n, en: n };
    if (n && typeof n === 'object') {
      const o = n as { zh?: string; en?: string };
      return { zh: o.zh ?? o.en ?? fallback, en: o.en ?? o.zh ?? fallback };
    }
    if (typeof j.id === 'string') return { zh: j.id, en: j.id };
  } catch {
    /* the editor will say why */
  }
  return { zh: fallback, en: fallback };
}

export function libraryEntries(user: readonly StoredScenario[]): LibraryEntry[] {
  const bundled = [...BUNDLED.entries()].map(([file, text]) => {
    const ref = file.replace(/\.json$/, '');
    return { ref, name: nameOf(text, ref), source: 'bundled' as const, fileName: file, text };
  });
  const mine = user.map((u) => ({ ref: `user:${u.key}`, name: nameOf(u.text, u.key), source: 'user' as const, fileName: u.fileName, text: u.text }));
  return [...bundled, ...mine];
}

/** Reads a file for composeScenario: user files under user/, bundled ones by their path (or, from a user file, by name). */
function reader(user: readonly StoredScenario[]) {
  return (path: string): string | null => {
    if (path.startsWith('user/')) {
      const rest = path.slice('user/'.length);
      const u = user.find((x) => x.fileName === rest);
      if (u) return u.text;
      return BUNDLED.get(rest) ?? BUNDLED.get(rest.split('/').pop()!) ?? null;
    }
    return BUNDLED.get(path) ?? null;
  };
}

export function loadScenario(ref: string, user: readonly StoredScenario[]): Loaded {
  const entries = libraryEntries(user);
  const entry = entries.find((e) => e.ref === ref) ?? null;
  if (!entry) {
    return {
      ok: false, ref, text: null, entry: null, parsed: undefined,
      problems: [{ code: 'file.notFound', path: '', expected: { en: 'a bundled scenario or one saved in this browser', zh: '内置情景或本浏览器中保存的情景' }, message: { en: `no scenario "${ref}" here (a link to a scenario saved in another browser cannot bring it along)`, zh: `找不到情景“${ref}”（其他浏览器中保存的情景无法通过链接带来）` } }],
    };
  }
  const path = entry.source === 'user' ? `user/${entry.fileName}` : entry.fileName;
  const composed: Composed = composeScenario(path, reader(user));
  if (composed.ok) return { ok: true, ref, scenario: composed.scenario, text: entry.text, entry };
  let parsed: unknown;
  try { parsed = JSON.parse(entry.text.replace(/^\uFEFF/, '')); } catch { parsed = undefined; }
  return { ok: false, ref, problems: composed.problems, text: entry.text, entry, parsed };
}

/** A key for a user file: its id when it has one, else the file name without extension. */
export function keyForText(text: string, fileName: string): string {
  try {
    const j = JSON.parse(text.replace(/^\uFEFF/, '')) as { id?: unknown };
    if (typeof j.id === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(j.id)) return j.id;
  } catch {
    /* fall through */
  }
  return fileName.replace(/\.json$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '-') || 'scenario';
}
