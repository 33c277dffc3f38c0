/**
 * Text as a workbook holds it (ECMA-376's ST_Xstring): a character XML 1.0
 * cannot hold, or that XML would change (a carriage return reads back as a
 * line feed), is written `_xHHHH_`, and a literal `_xHHHH_` in the text is
 * written `_x005F_xHHHH_`, as Excel writes and reads them. Main functions:
 * encodeXstring, decodeXstring.
 */

/** What XML 1.0 cannot hold, and the CR it would read back as a line feed: as a regex character class. */
const UNSAFE_CLASS = '[\\u0000-\\u0008\\u000B-\\u001F\\uFFFE\\uFFFF]';
const UNSAFE = new RegExp(UNSAFE_CLASS, 'g');
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** An underscore that would start an escape once written: before another, or before a character written as one. */
const STARTS_ESCAPE = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNSAFE_CLASS}))`, 'g');
/** Text that needs an escape: most has none. */
const NEEDS_ESCAPES = new RegExp(`${UNSAFE_CLASS}|_x[0-9A-Fa-f]{4}_`);

function hex(char: string): string {
  return `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

export function encodeXstring(text: string): string {
  if (!NEEDS_ESCAPES.test(text)) return text;
  // overlapping ones too: _x0041_x0042_, or _x000D before a CR (written _x000D_)
  return text.replace(STARTS_ESCAPE, '_x005F_').replace(UNSAFE, hex);
}

export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}
