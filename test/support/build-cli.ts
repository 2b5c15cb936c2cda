/**
 * vitest's global setup: the CLI tests run the built CLI (build/) as a user would after
 * `npm install`; when a source is newer than the build (an edit since), it is built again first.
 */
import { builtCliIsFresh } from '../../bin/built-cli.cjs';
import { buildCli } from '../../scripts/build-cli';

export default async function setup(): Promise<void> {
  if (!builtCliIsFresh()) await buildCli();
}
