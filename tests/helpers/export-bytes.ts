/** The whole file of an export, read from its chunks as a client would. */
import type { ExportResult } from '../../graph/io/export.js';

export async function exportBytes(result: ExportResult): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of result.chunks)
    parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(parts);
}
