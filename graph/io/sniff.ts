/**
 * What a file's first bytes say it is, whatever its name: a file named for
 * one format that holds another gets an error naming both, not a misleading
 * one ("not UTF-8") from the wrong reader. Main function: checkContent.
 */
import { GraphError } from '../errors.js';
import { hasUtf16Bom } from './csv.js';

type Content = 'zip' | 'xls' | 'pdf' | 'utf16' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);

/** The kind of content, from its signature; 'binary' when the first kilobyte holds a NUL byte. */
function contentOf(bytes: Uint8Array): Content {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // UTF-16 text holds NUL bytes too; with a byte-order mark, decodeText reads it
  if (hasUtf16Bom(bytes)) return 'text';
  // UTF-16 without a byte-order mark: ASCII characters with a NUL byte after (or before) each
  const zeroAt = (i: number) => bytes.length > 3 && bytes[i] === 0 && bytes[i + 2] === 0;
  if ((zeroAt(1) && bytes[0] !== 0) || (zeroAt(0) && bytes[1] !== 0)) return 'utf16';
  if (bytes.subarray(0, 1024).includes(0)) return 'binary';
  return 'text';
}

const WHAT: Record<Exclude<Content, 'text'>, string> = {
  zip: 'a workbook (.xlsx) or another zip file',
  xls: 'an Excel 97-2003 workbook (.xls)',
  pdf: 'a PDF document',
  utf16: 'UTF-16 text: save it as UTF-8 (CSV UTF-8 in Excel)',
  binary: 'not a text file (it holds NUL bytes)',
};

/** Workbook formats, read alike: .xlsm is an .xlsx that may carry macros (never run, nor read). */
export const WORKBOOK_FORMATS = ['xlsx', 'xlsm'] as const;

export function isWorkbookFormat(format: string): boolean {
  return (WORKBOOK_FORMATS as readonly string[]).includes(format);
}

/**
 * Refuses a file whose content is not what its format (from its name) reads:
 * text formats take text, .xlsx and .xlsm take a zip.
 */
export function checkContent(bytes: Uint8Array, format: string): void {
  const content = contentOf(bytes);
  if (content === 'xls') {
    throw new GraphError(
      'INVALID_INPUT',
      `the file is ${WHAT.xls}, which is not read: save it as an Excel Workbook (.xlsx) or as CSV UTF-8`,
      { reason: 'UNSUPPORTED_FORMAT', format: 'xls' },
    );
  }
  if (isWorkbookFormat(format)) {
    if (content === 'zip') return;
    throw refused(
      content === 'text'
        ? `the file is named .${format} but holds text: if it is CSV, name it .csv`
        : `the file is named .${format} but is ${WHAT[content]}`,
    );
  }
  if (content === 'text') return;
  const advice =
    content === 'zip'
      ? ': if it is a workbook, name it .xlsx'
      : content === 'utf16'
        ? ''
        : `; a .${format} file must be text`;
  throw refused(`the file is named .${format} but is ${WHAT[content]}${advice}`);
}

function refused(message: string): GraphError {
  return new GraphError('INVALID_INPUT', message, { reason: 'WRONG_CONTENT' });
}
