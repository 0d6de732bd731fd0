// Throughput with tinybench, in interleaved rounds: every task warms up once, then the tasks take turns for
// `rounds` rounds of `time / rounds` ms each (the order rotating every round), and a task's figure is the median of
// its rounds. On a shared machine the load drifts within a run; one long block per task (the former method) let a
// burst of other work land on one subject only, which moved a baseline's rate by 2× between runs. Each round's
// ops/s is runs / total time, so garbage collection stays in the figure.
import { Bench } from 'tinybench';

async function once(name, fn, time, warmupTime) {
  const bench = new Bench({ time, warmupTime, warmup: warmupTime > 0, throws: true });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0].result;
  if (result?.state !== 'completed') throw new Error(`bench: task ${name} did not complete`);
  return 1000 / result.period;
}

/**
 * Runs `tasks` ({ name: fn }) and returns { ops: { name: opsPerSecond }, rounds: { name: number[] } }: the median
 * of the rounds, and every round's figure (for ratios within a round, see `pairedRatio`). A failing task throws,
 * so a broken path can never pass as a fast one.
 */
export async function throughput(tasks, { time = 1500, warmupTime = 300, rounds = 7 } = {}) {
  const names = Object.keys(tasks);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await once(name, tasks[name], warmupTime, 0);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      samples[name].push(await once(name, tasks[name], time / rounds, 0));
    }
  }
  return { ops: Object.fromEntries(names.map((name) => [name, median(samples[name])])), rounds: samples };
}

/**
 * `ours ÷ baseline` taken round by round (the two ran next to each other, under the same load), as the median of
 * the rounds with the lowest and highest round: { median, min, max }.
 */
export function pairedRatio(ours, baseline) {
  const ratios = ours.map((value, i) => value / baseline[i]).sort((a, b) => a - b);
  return { median: median(ratios), min: ratios[0], max: ratios[ratios.length - 1] };
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
