/**
 * A look inside a zip (an .xlsx) before anything unpacks it: every entry is
 * inflated against a budget, so a small file that would inflate to hundreds
 * of megabytes is refused instead of read. Main function: checkZipSize.
 */
import { inflateRawSync } from 'node:zlib';
import { GraphError } from '../errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notAZip(why: string): GraphError {
  return new GraphError('INVALID_INPUT', `the file is not a readable .xlsx (zip) file: ${why}`, {
    reason: 'INVALID_XLSX',
  });
}

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

/** Throws LIMIT_EXCEEDED when the entries inflate to more than `maxBytes` together, or number more than `maxEntries`. */
export function checkZipSize(bytes: Buffer, maxBytes: number, maxEntries = 10_000): void {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip('no end of central directory');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (entries > maxEntries) throw tooLarge(maxBytes);
  let budget = maxBytes;
  for (let k = 0; k < entries; k += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL)
      throw notAZip('a damaged central directory');
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const declared = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    if (declared === 0xffffffff || compressed === 0xffffffff || declared > budget)
      throw tooLarge(maxBytes);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
      throw notAZip('a damaged entry');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    let size = data.length;
    if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
        throw notAZip('an entry does not inflate');
      }
    } else if (method !== 0) throw notAZip(`compression method ${method}`);
    budget -= size;
    if (budget < 0) throw tooLarge(maxBytes);
    offset += 46 + nameLength + extraLength + commentLength;
  }
}
