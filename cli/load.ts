/**
 * Reading scenario files from disk for the CLI: the engine's composeScenario does the merging;
 * this only supplies the file system (a missing file is null, so the engine can name it).
 */
import { readFileSync } from 'node:fs';
import { composeScenario, type Composed, type ReadGrid } from '../engine/index';

export function loadScenarioFile(path: string, readGrid?: ReadGrid): Composed {
  const read = (p: string): string | null | { error: string } => {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      return { error: code === 'EISDIR' ? 'it is a directory / 这是一个目录' : (e as Error).message };
    }
  };
  return composeScenario(path.replace(/\\/g, '/'), read, readGrid);
}
