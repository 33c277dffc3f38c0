/** Timing and printing for benchmarks. */
export async function timeIt<T>(
  fn: () => T | Promise<T>,
  runs = 1,
): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

export function report(label: string, ms: number | null, note = ''): void {
  const time = ms === null ? '' : `${ms.toFixed(1)} ms`;
  console.log(`${label.padEnd(46)} ${time.padStart(12)}  ${note}`);
}
