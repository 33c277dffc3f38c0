/**
 * Long synchronous work cut into chunks, with a turn of the event loop between
 * them so that other requests are answered meanwhile. Main function: inTurns.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `run(start, end)` over `[0, count)` in chunks of `size`. Between two
 * chunks, `between(start)` is called (progress, say) and other work gets a turn.
 */
export async function inTurns(
  count: number,
  size: number,
  run: (start: number, end: number) => void,
  between?: (start: number) => void,
): Promise<void> {
  for (let start = 0; start < count; start += size) {
    if (start > 0) {
      between?.(start);
      await nextTurn();
    }
    run(start, Math.min(start + size, count));
  }
}
