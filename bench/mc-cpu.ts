/**
 * CPU seconds used by this process and by its children that have ended (Linux's /proc/self/stat:
 * utime, stime, cutime, cstime); elsewhere this process's own. Monte Carlo on child processes
 * does its work in the children, which process.cpuUsage() does not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** This process's children, alive or not yet reaped (the children file of each of its tasks in Linux's /proc); 0 where /proc cannot tell. */
function childCount(): number {
  try {
    return readdirSync('/proc/self/task').reduce((n, t) => n + readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).length, 0);
  } catch {
    return 0;
  }
}

/** Waits (up to 10 s) until every child has ended and been reaped, so that its CPU time is counted. */
export async function childrenReaped(): Promise<void> {
  for (let i = 0; i < 200 && childCount() > 0; i++) await sleep(50);
}
