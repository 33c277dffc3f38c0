/**
 * A look inside a zip (an .xlsx) before anything reads it: every entry is
 * inflated against a budget, so a small file that would inflate to hundreds
 * of megabytes is refused instead of read. Main function: checkZipSize.
 */
import { GraphError } from '../errors.js';
import { unzipEntry, ZipBudgetExceeded, zipEntries } from './zip.js';
import type { ZipEntry } from './zip.js';

function tooLarge(limit: number): GraphError {
  return new GraphError(
    'LIMIT_EXCEEDED',
    `the workbook unpacks to more than ${limit} bytes; nothing was imported (a workbook is read whole: save large sheets as CSV)`,
    {
      max: limit,
      reason: 'DECOMPRESSED_SIZE',
    },
  );
}

/**
 * The zip's entries, once they are found to inflate to at most `maxBytes`
 * together and to number at most `maxEntries`; else throws LIMIT_EXCEEDED.
 */
export function checkZipSize(bytes: Buffer, maxBytes: number, maxEntries = 10_000): ZipEntry[] {
  const entries = zipEntries(bytes);
  if (entries.length > maxEntries) throw tooLarge(maxBytes);
  let budget = maxBytes;
  for (const entry of entries) {
    if (entry.zip64 || entry.declared > budget) throw tooLarge(maxBytes);
    try {
      budget -= unzipEntry(entry, budget).length;
    } catch (error) {
      if (error instanceof ZipBudgetExceeded) throw tooLarge(maxBytes);
      throw error;
    }
    if (budget < 0) throw tooLarge(maxBytes);
  }
  return entries;
}
