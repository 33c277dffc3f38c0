/**
 * The parts of a workbook that say how to read its sheets: where each sheet
 * is and what it is called (the package's relationships and workbook.xml),
 * which cell styles show a number as a date (styles.xml), and the shared
 * strings cells point to. Main function: workbookParts.
 */
import { posix } from 'node:path';
import { GraphError } from '../errors.js';
import { readXml, badPart } from './xml-part.js';
import { decodeXstring } from './xstring.js';
import { unzipEntry, ZipBudgetExceeded } from './zip.js';
import type { ZipEntry } from './zip.js';

export interface SheetPart {
  name: string;
  /** The sheet's entry in the zip, e.g. 'xl/worksheets/sheet1.xml'. */
  path: string;
}

export interface WorkbookParts {
  /** The worksheets in the order their tabs show; chart sheets are left out. */
  sheets: SheetPart[];
  sharedStrings: string[];
  /** For each cell style (a cell's `s`), whether it shows a number as a date. */
  dateStyles: boolean[];
  /** Day numbers count from 1904, as old Mac workbooks do, not from 1900. */
  date1904: boolean;
}

/** Unpacks an entry of the zip; the zip's size is checked before (zip-guard.ts). */
export type Unpack = (path: string) => Buffer | undefined;

/** A part's name as looked up: case does not count (OPC), and some zips write backslashes or a leading slash. */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

/** How many bytes a part takes in the zip (0 when it is not there): what reading it weighs. */
export function storedSize(entries: readonly ZipEntry[], path: string): number {
  const key = partKey(path);
  return entries.find((entry) => partKey(entry.name) === key)?.data.length ?? 0;
}

export function unpacker(entries: readonly ZipEntry[], budget: number): Unpack {
  const byName = new Map(entries.map((entry) => [partKey(entry.name), entry]));
  return (path) => {
    const entry = byName.get(partKey(path));
    if (!entry) return undefined;
    try {
      return unzipEntry(entry, budget);
    } catch (error) {
      if (error instanceof ZipBudgetExceeded) {
        // zip-guard.ts has checked the whole zip against the same limit: a safeguard only
        throw new GraphError(
          'LIMIT_EXCEEDED',
          `the workbook's part '${path}' unpacks to more than ${budget} bytes`,
          {
            max: budget,
            reason: 'DECOMPRESSED_SIZE',
          },
        );
      }
      throw error;
    }
  };
}

const TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_TYPES = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

interface Relationship {
  kind: string;
  path: string;
}

/** The relationships of `source`, by id: each one's kind ('worksheet', 'styles', ...) and entry path. */
function relationships(unpack: Unpack, source: string): Map<string, Relationship> {
  const dir = posix.dirname(source);
  const relsPath = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(source)}.rels`);
  const found = new Map<string, Relationship>();
  const bytes = unpack(relsPath);
  if (!bytes) return found;
  readXml(relsPath, bytes, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const type = a.Type ?? '';
      const kind = type.startsWith(TYPES)
        ? type.slice(TYPES.length)
        : type.startsWith(STRICT_TYPES)
          ? type.slice(STRICT_TYPES.length)
          : type;
      const target = a.Target.startsWith('/')
        ? a.Target.slice(1)
        : posix.join(dir === '.' ? '' : dir, a.Target);
      found.set(a.Id, { kind, path: posix.normalize(target) });
    },
  });
  return found;
}

function firstOfKind(rels: Map<string, Relationship>, kind: string): string | undefined {
  for (const rel of rels.values()) if (rel.kind === kind) return rel.path;
  return undefined;
}

/**
 * The text of one string item, shared (`<si>`) or inline (`<is>`), fed the
 * item's tags and text: its runs joined, its phonetic guides (`<rPh>`) left
 * out, Excel's escapes undone (xstring.ts).
 */
export class StringItem {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'rPh') this.phonetic += 1;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  text(value: string): void {
    if (this.inText) this.parts.push(value);
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic -= 1;
  }

  /** The item's text; the next item starts afresh. */
  take(): string {
    const text = decodeXstring(this.parts.join(''));
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
    return text;
  }
}

/** The text of each shared string. */
function sharedStrings(unpack: Unpack, path: string | undefined): string[] {
  const bytes = path ? unpack(path) : undefined;
  if (!path || !bytes) return [];
  const strings: string[] = [];
  const item = new StringItem();
  readXml(path, bytes, {
    open: (name) => item.open(name),
    text: (value) => item.text(value),
    close(name) {
      if (name === 'si') strings.push(item.take());
      else item.close(name);
    },
  });
  return strings;
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, and the East Asian ones). */
function builtInDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/** True when a number format's code shows a date or time: y, m, d, h, s (or b, a Buddhist year) outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\.|[_*]./g, '');
  return /[ymdhsb]/i.test(bare);
}

function dateStyles(unpack: Unpack, path: string | undefined): boolean[] {
  const bytes = path ? unpack(path) : undefined;
  if (!path || !bytes) return [];
  const codes = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  readXml(path, bytes, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) {
        codes.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = codes.get(id);
        styles.push(code === undefined ? builtInDate(id) : isDateFormat(code));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** What a workbook says of its sheets, before any sheet is read. */
export function workbookParts(unpack: Unpack): WorkbookParts {
  const book = firstOfKind(relationships(unpack, ''), 'officeDocument') ?? 'xl/workbook.xml';
  const bytes = unpack(book);
  if (!bytes) throw badPart(book, 'is missing');
  const rels = relationships(unpack, book);
  const sheets: SheetPart[] = [];
  let date1904 = false;
  readXml(book, bytes, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = isTrue(a.date1904);
      if (name !== 'sheet') return;
      const id = a['r:id'] ?? Object.entries(a).find(([key]) => key.endsWith(':id'))?.[1];
      const rel = id === undefined ? undefined : rels.get(id);
      if (rel?.kind === 'worksheet') sheets.push({ name: a.name ?? '', path: rel.path });
    },
  });
  return {
    sheets,
    sharedStrings: sharedStrings(unpack, firstOfKind(rels, 'sharedStrings')),
    dateStyles: dateStyles(unpack, firstOfKind(rels, 'styles')),
    date1904,
  };
}
