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

/**
 * Watches this thread while `fn` runs: the longest stretch it was held
 * without a turn for anything else (what another request would have waited).
 */
export async function longestHold<T>(fn: () => Promise<T>): Promise<{ holdMs: number; value: T }> {
  let last = performance.now();
  let holdMs = 0;
  const tick = () => {
    const now = performance.now();
    holdMs = Math.max(holdMs, now - last);
    last = now;
  };
  const timer = setInterval(tick, 5);
  try {
    const value = await fn();
    // the last stretch ends when the timer next gets its turn
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { holdMs, value };
  } finally {
    clearInterval(timer);
  }
}
