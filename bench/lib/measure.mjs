// Throughput with tinybench: every task warms up, then runs for `time` ms; ops/s = runs / total time.
import { Bench } from 'tinybench';

/**
 * Runs `tasks` ({ name: fn }) in one tinybench and returns { name: opsPerSecond }. A failing task throws, so a
 * broken path can never pass as a fast one.
 */
export async function throughput(tasks, { time = 1500, warmupTime = 300 } = {}) {
  const bench = new Bench({ time, warmupTime, throws: true });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const results = {};
  for (const task of bench.tasks) {
    const result = task.result;
    if (result?.state !== 'completed') throw new Error(`bench: task ${task.name} did not complete`);
    results[task.name] = 1000 / result.period;
  }
  return results;
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
