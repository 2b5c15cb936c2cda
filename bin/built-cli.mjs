// The built CLI (build/cli.mjs, made by scripts/build-cli.ts on `npm install`) and whether it still
// matches the sources: it is stale when any file it was bundled from is newer than it, or gone
// (a developer editing the TypeScript, a checkout). Plain JavaScript: it runs before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILT_CLI = ROOT + 'build/cli.mjs';

/** True when build/cli.mjs exists and no source it was bundled from changed since. */
export function builtCliIsFresh() {
  try {
    const built = statSync(BUILT_CLI).mtimeMs;
    const inputs = JSON.parse(readFileSync(ROOT + 'build/cli-inputs.json', 'utf8'));
    return inputs.every((file) => statSync(ROOT + file).mtimeMs <= built);
  } catch {
    return false;
  }
}
