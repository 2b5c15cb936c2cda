/**
 * CPU seconds used by this process and by its children that have ended (Linux's /proc/self/stat:
 * utime, stime, cutime, cstime); elsewhere this process's own. Monte Carlo on child processes
 * does its work in the children, which process.cpuUsage() does not count.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function cpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime are fields 14–17 of the line: 12–15 after the name.
    return fields.slice(11, 15).reduce((s, f) => s + Number(f), 0) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}

/** A moment for children just killed to be reaped, so that their CPU time is counted. */
export const childrenReaped = (): Promise<void> => sleep(300);
