/** Suites that need a program from outside the project (clang, LibreOffice, Python's workbook writers, script). */
import { it } from 'vitest';

/**
 * Whether the suite being declared runs: when the program it needs is
 * `available`, and in CI (CI=true) always, where each test then fails on the
 * missing program; elsewhere the suite is one skipped test, and `reason` is
 * said. Call it first in the describe block, and return when it is false.
 */
export function runsWith(available: boolean, what: string, reason: string): boolean {
  if (available || process.env.CI === 'true') return true;
  console.warn(`skipping ${what}: ${reason}`);
  it.skip(reason, () => {});
  return false;
}
