/**
 * Reading scenario files from disk for the CLI: the engine's composeScenario does the merging;
 * this only supplies the file system (a missing file is null, so the engine can name it).
 *
 * Only regular files are read, and at most MAX_FILE_BYTES of them: a FIFO would block forever
 * and /dev/zero never ends. The file is opened without blocking and checked through its open
 * descriptor, so what is checked is what is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { composeScenario, type Composed, type ReadGrid } from '../engine/index';
import { MAX_FILE_BYTES } from '../engine/limits';
import type { ReadText } from '../engine/scenario/compose';

export function loadScenarioFile(path: string, readGrid?: ReadGrid): Composed {
  return composeScenario(path.replace(/\\/g, '/'), readLimited, readGrid);
}

export const readLimited: ReadText = (p) => {
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return { error: code === 'EISDIR' ? 'it is a directory / 这是一个目录' : (e as Error).message };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: 'it is a directory / 这是一个目录' };
    if (!st.isFile()) return { error: 'not a regular file (a device, a pipe or a socket) / 不是普通文件（设备、管道或套接字）', code: 'file.notRegular' };
    if (st.size > MAX_FILE_BYTES) return { error: tooLarge(st.size), code: 'file.tooLarge' };
    // The size can change under us: read at most one byte past the limit and refuse if it is there.
    const buf = Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_FILE_BYTES) return { error: tooLarge(n), code: 'file.tooLarge' };
    return buf.subarray(0, n).toString('utf8');
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    closeSync(fd);
  }
};

function tooLarge(bytes: number): string {
  return `${bytes} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for a scenario or parcel table / 超过情景或宗地表文件 ${MAX_FILE_BYTES / 1024 / 1024} MiB 的上限`;
}
