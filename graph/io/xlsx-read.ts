/**
 * Excel workbooks in: each worksheet's cells as text, in the order of the
 * workbook's tabs. A workbook is read part by part, straight from its zip
 * and as a stream of XML, so that reading it takes little more memory than
 * the rows it gives: an object model of the whole workbook (exceljs's) took
 * some 16 bytes per unpacked byte. Main function: tablesFromXlsx.
 */
import type { EntityType } from '../model/index.js';
import type { Table } from './table.js';
import { typeNamed } from './type-names.js';
import { storedSize, unpacker, workbookParts } from './xlsx-parts.js';
import { badPart } from './xml-part.js';
import { readSheet } from './xlsx-sheet.js';
import type { SheetLimits } from './xlsx-sheet.js';
import type { ZipEntry } from './zip.js';

export interface Sheet {
  name: string;
  /** The entity type the sheet holds, 'members', or undefined when its name says neither. */
  type: EntityType | 'members' | undefined;
  table: Table;
}

/**
 * The worksheets of the workbook whose zip `entries` are given (their
 * unpacked size checked already: zip-guard.ts), each part unpacked to at
 * most `maxPartBytes`. `onRead` is told as they are read the share of the
 * sheets read, each weighed by its size in the zip.
 */
export function tablesFromXlsx(
  entries: readonly ZipEntry[],
  limits: SheetLimits & { maxPartBytes: number },
  onRead?: (share: number) => void,
): Sheet[] {
  const unpack = unpacker(entries, limits.maxPartBytes);
  const parts = workbookParts(unpack);
  // each sheet weighs what it takes in the zip (at least a byte)
  const weights = parts.sheets.map(({ path }) => Math.max(1, storedSize(entries, path)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let before = 0;
  return parts.sheets.map(({ name, path }, i) => {
    const xml = unpack(path);
    if (!xml) throw badPart(path, 'is missing');
    const weight = weights[i]!;
    const table = readSheet(
      name,
      path,
      xml,
      parts,
      limits,
      onRead && ((share) => onRead((before + share * weight) / total)),
    );
    before += weight;
    return { name, type: typeNamed(name), table };
  });
}
