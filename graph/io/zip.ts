/**
 * The entries of a zip (an .xlsx) read from its central directory, and one
 * entry unpacked against a budget. Nothing here trusts the sizes the zip
 * declares. Main functions: zipEntries, unzipEntry.
 */
import { inflateRawSync } from 'node:zlib';
import { GraphError } from '../errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  /** The entry's path in the zip, e.g. 'xl/workbook.xml'. */
  name: string;
  /** 0 stored, 8 deflated: the only two an .xlsx uses. */
  method: number;
  /** What the zip says the entry unpacks to: not to be trusted. */
  declared: number;
  /** True when a size is left to a Zip64 record (an entry of 4 GB or more). */
  zip64: boolean;
  /** The entry's bytes as stored (a view into the zip). */
  data: Buffer;
}

function notAZip(why: string): GraphError {
  return new GraphError('INVALID_INPUT', `the file is not a readable .xlsx (zip) file: ${why}`, {
    reason: 'INVALID_XLSX',
  });
}

/** Thrown when an entry unpacks to more than its budget. */
export class ZipBudgetExceeded extends Error {}

function endOfDirectory(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw notAZip('no end of central directory');
}

/** The zip's entries, in the order its central directory lists them. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  const eocd = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL)
      throw notAZip('a damaged central directory');
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const declared = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    // bit 11: the name is UTF-8; else the old DOS code page, which an .xlsx's ASCII names read the same in
    const name = bytes.toString(
      flags & 0x800 ? 'utf8' : 'latin1',
      offset + 46,
      offset + 46 + nameLength,
    );
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
      throw notAZip('a damaged entry');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    entries.push({
      name,
      method,
      declared,
      zip64: compressed === 0xffffffff || declared === 0xffffffff,
      data,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry unpacked; throws ZipBudgetExceeded when it unpacks to more than `budget` bytes. */
export function unzipEntry(entry: ZipEntry, budget: number): Buffer {
  if (entry.method === 0) {
    if (entry.data.length > budget) throw new ZipBudgetExceeded();
    return entry.data;
  }
  if (entry.method !== 8) throw notAZip(`compression method ${entry.method}`);
  try {
    return inflateRawSync(entry.data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipBudgetExceeded();
    throw notAZip('an entry does not inflate');
  }
}
