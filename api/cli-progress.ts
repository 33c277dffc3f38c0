/**
 * The import command's progress bar: one line on stderr, redrawn in place,
 * when stderr is a terminal. Main function: progressBar.
 */
import type { ImportProgress } from '../graph/index.js';

const WIDTH = 30;

/** Erases what is left of a longer line drawn before. */
const CLEAR_TO_END = '\x1b[K';

/**
 * One line of the bar. The write is one transaction that says nothing until
 * it ends, so while it runs the line says how many rows it writes (those
 * created or updated), not a share.
 */
export function progressLine(
  stage: Parameters<ImportProgress>[0],
  done: number,
  total: number,
): string {
  const label = stage.padEnd(9);
  if (stage === 'writing' && done < total) return `${label} ${total} rows in one transaction...`;
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * WIDTH);
  return `${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.round(share * 100)}%`;
}

/** The bar on `stream` when it is a terminal; silent otherwise. `end` closes its line. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress?: ImportProgress;
  end: () => void;
} {
  if (!stream.isTTY) return { end: () => undefined };
  let open = false;
  let last = '';
  const end = () => {
    if (open) stream.write('\n');
    open = false;
  };
  const onProgress: ImportProgress = (stage, done, total) => {
    const line = progressLine(stage, done, total);
    // A terminal's writes are synchronous, so the line shows even while
    // mapping holds the thread; it is redrawn only when it changes.
    if (line === last) return;
    stream.write(`\r${line}${CLEAR_TO_END}`);
    last = line;
    open = true;
    if (stage === 'writing' && done >= total) end();
  };
  return { onProgress, end };
}
