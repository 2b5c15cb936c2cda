/**
 * `lrsim` as a user runs it: `node bin/lrsim.mjs …` in a child process, which runs the build made on
 * `npm install` (build/; test/support/build-cli.ts rebuilds it first when the sources changed).
 *
 *   const { code, out, err } = await lrsim('run', 'scenarios/xingning-buyback.json', '--json');
 */
import { spawn } from 'node:child_process';

export interface LrsimRun {
  code: number | null;
  out: string;
  err: string;
}

export function lrsim(...args: string[]): Promise<LrsimRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lrsim.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
