/**
 * Medians of repeated runs, measured with tinybench in this process: the same clock, the same
 * warm JIT, side by side, so that ratios between two measurements mean something.
 *
 *   medianMs('run 500x120', () => run(model), 50) → 1.9   (ms, median of 50 timed calls after warm-up)
 */
import { Bench } from 'tinybench';

export function medianMs(name: string, fn: () => unknown, iterations: number, warmupIterations = Math.min(5, iterations)): number {
  const bench = new Bench({ iterations, time: 0, warmupIterations, warmupTime: 0 });
  bench.add(name, () => { fn(); });
  const [task] = bench.runSync();
  const result = task.result;
  if (!('latency' in result)) throw new Error(`${name}: benchmark did not complete (${result.state})`);
  return result.latency.p50;
}

/** Wall time of one call, for things too slow to repeat (building a large workbook). */
export function onceMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Wall and CPU milliseconds of each call (CPU: this process, user + system — steadier than the wall on a shared machine). */
export interface WallAndCpu {
  /** Median wall time. */
  wall: number;
  /** Median CPU time. */
  cpu: number;
  /** Tenth percentile of the wall time: the run least disturbed by the machine's other work. */
  p10: number;
}

/** Wall and CPU medians of `iterations` calls after `warmup` untimed ones. */
export function wallAndCpuMs(fn: () => unknown, iterations: number, warmup: number): WallAndCpu {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.floor(xs.length * q)];
  return { wall: at(wall, 0.5), cpu: at(cpu, 0.5), p10: at(wall, 0.1) };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
