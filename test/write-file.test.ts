/**
 * Output files are whole or absent: a write interrupted by SIGINT/SIGTERM leaves no temporary
 * file, one killed by SIGKILL (which no process can catch) leaves one that the next write of the
 * same target removes, and a failed write is a user error ("cannot write …: reason").
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeFileAtomic } from '../cli/write-file';

const ROOT = resolve(import.meta.dirname, '..');
const BYTES = 16 * 1024 * 1024;

/** A child that writes `target` over and over (16 MiB each time), so a signal can land mid-write. */
function writer(dir: string, target: string) {
  const script = join(dir, 'writer.ts');
  writeFileSync(script, `
    import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'cli/write-file.ts'))};
    const data = new Uint8Array(${BYTES}).fill(65);
    const again = () => { writeFileAtomic(${JSON.stringify(target)}, data); setImmediate(again); };
    again();
  `);
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'ignore' });
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** Waits until a temporary file of the target exists (the child is mid-write). */
async function midWrite(dir: string): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (temps(dir).length > 0) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error('the writer never started a write');
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));

describe('interrupted writes', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s during a write leaves no temporary file and the target whole or absent', async (signal, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-write-'));
    const target = join(dir, 'out.xlsx');
    const child = writer(dir, target);
    const done = exited(child);
    await midWrite(dir);
    child.kill(signal);
    expect((await done).code).toBe(code);
    expect(temps(dir)).toEqual([]);
    if (existsSync(target)) expect(statSync(target).size).toBe(BYTES);
  });

  it('SIGKILL leaves a temporary file; the next write of that target removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-write-'));
    const target = join(dir, 'out.csv');
    const child = writer(dir, target);
    const done = exited(child);
    await midWrite(dir);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const left = temps(dir);
    writeFileAtomic(target, 'a,b\n');
    expect(temps(dir)).toEqual([]);
    expect(left.length).toBeLessThanOrEqual(1);
  });

  it('a failed write names the path and the reason and leaves nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-write-'));
    expect(() => writeFileAtomic(join(dir, 'no/such/dir/out.csv'), 'x')).toThrow(OutputError);
    expect(() => writeFileAtomic(join(dir, 'no/such/dir/out.csv'), 'x')).toThrow(/cannot write .*: no such directory/);
    expect(() => writeFileAtomic(dir, 'x')).toThrow(/it is a directory/);
    expect(() => writeFileAtomic('', 'x')).toThrow(/an empty file name/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
