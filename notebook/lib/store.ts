/**
 * The browser's own scenario shelf, in IndexedDB (idb-keyval): scenarios uploaded or saved from
 * the editor, kept as the text they were read from, so a reload (or a week later) finds them.
 * A file that does not parse is kept too — the editor shows its problems and lets you fix it.
 */
import { createStore, del, get, set } from 'idb-keyval';

export interface StoredScenario {
  /** Stable key: the scenario's id, or the file name for text that does not parse. */
  key: string;
  /** The file name it came from, for variants whose `base` names a sibling file. */
  fileName: string;
  text: string;
  savedAt: string;
}

const store = () => createStore('land-reserve-notebook', 'scenarios');
const LIST = 'user-scenarios';

export async function loadStored(): Promise<StoredScenario[]> {
  try {
    return ((await get(LIST, store())) as StoredScenario[] | undefined) ?? [];
  } catch (e) {
    console.warn('IndexedDB unavailable; scenarios will not be kept across reloads', e);
    return [];
  }
}

export async function saveStored(entry: StoredScenario): Promise<StoredScenario[]> {
  const list = (await loadStored()).filter((s) => s.key !== entry.key);
  list.push(entry);
  list.sort((a, b) => a.key.localeCompare(b.key));
  await set(LIST, list, store());
  return list;
}

export async function deleteStored(key: string): Promise<StoredScenario[]> {
  const list = (await loadStored()).filter((s) => s.key !== key);
  if (list.length === 0) await del(LIST, store());
  else await set(LIST, list, store());
  return list;
}
