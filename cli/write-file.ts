/**
 * Writing an output file whole or not at all: write beside it, then rename over it, so an
 * interrupted or failed run never leaves half a file behind. A path that cannot be written (no
 * such directory, a directory, a full disk, an empty name) is the user's to fix: it comes back as
 * "cannot write …: reason", never a stack trace. While the temporary file exists, SIGINT and
 * SIGTERM remove it before the process ends. SIGKILL cannot be caught: the temporary file it
 * leaves (`.NAME.PID.tmp` beside the target) is removed by the next write of that target once
 * its process is gone.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export class OutputError extends Error {
  constructor(readonly path: string, reason: readonly [en: string, zh: string]) {
    super(`cannot write ${path || '""'}: ${reason[0]} / 无法写入 ${path || '""'}：${reason[1]}`);
    this.name = 'OutputError';
  }
}

/** Temporary files being written; SIGINT/SIGTERM remove them before the process ends. */
const pending = new Set<string>();
let handlersInstalled = false;

/**
 * Installed once, at the first write, for the rest of the process: a signal that lands during a
 * (synchronous) write is delivered when the write returns, so the handler must still be there.
 */
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      for (const tmp of pending) { try { unlinkSync(tmp); } catch { /* already gone */ } }
      process.exit(code);
    });
  }
}

function whileWriting<T>(tmp: string, write: () => T): T {
  installSignalHandlers();
  pending.add(tmp);
  try {
    return write();
  } finally {
    pending.delete(tmp);
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  if (path.trim() === '') throw new OutputError(path, ['an empty file name', '文件名为空']);
  const existing = statOrNull(path);
  if (existing?.isDirectory()) throw new OutputError(path, ['it is a directory', '这是一个目录']);
  // A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written into, never replaced by a file.
  if (existing && !existing.isFile()) return writeInto(path, data);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  removeStale(path);
  whileWriting(tmp, () => writeThenRename(tmp, path, data));
}

function writeThenRename(tmp: string, path: string, data: string | Uint8Array): void {
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) { try { closeSync(fd); } catch { /* closing a failed file */ } }
    try { unlinkSync(tmp); } catch { /* nothing to clean */ }
    throw new OutputError(path, reasonOf(e));
  }
}

/** A temporary file of this target left by a process that no longer runs (killed with SIGKILL): removed. */
function removeStale(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try { names = readdirSync(dirname(path)); } catch { return; }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try { unlinkSync(join(dirname(path), name)); } catch { /* another run took it */ }
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

function statOrNull(path: string) {
  try { return statSync(path); } catch { return null; }
}

function writeInto(path: string, data: string | Uint8Array): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (e) {
    throw new OutputError(path, reasonOf(e));
  } finally {
    if (fd !== null) { try { closeSync(fd); } catch { /* closing a failed device */ } }
  }
}

const REASONS: Record<string, [string, string]> = {
  ENOENT: ['no such directory', '目录不存在'],
  EISDIR: ['it is a directory', '这是一个目录'],
  EACCES: ['permission denied', '无权限'],
  EPERM: ['permission denied', '无权限'],
  ENOSPC: ['no space left on the device', '设备空间已满'],
  EROFS: ['a read-only file system', '只读文件系统'],
  ENOTDIR: ['a part of the path is not a directory', '路径中有一段不是目录'],
  EEXIST: ['a temporary file of the same name exists', '同名临时文件已存在'],
  EPIPE: ['the reader closed the pipe', '读取端已关闭管道'],
};

export function reasonOf(e: unknown): [string, string] {
  const err = e as NodeJS.ErrnoException;
  const known = err?.code ? REASONS[err.code] : undefined;
  return known ?? [err?.message ?? String(e), err?.message ?? String(e)];
}
