/**
 * Text as a workbook holds it (ECMA-376's ST_Xstring): a character XML 1.0
 * cannot hold, or that XML would change (a carriage return reads back as a
 * line feed), is written `_xHHHH_`, and a literal `_xHHHH_` in the text is
 * written `_x005F_xHHHH_`, as Excel writes and reads them. Main functions:
 * encodeXstring, decodeXstring.
 */

// eslint-disable-next-line no-control-regex -- these characters are the point
const UNSAFE = /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function hex(char: string): string {
  return `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

export function encodeXstring(text: string): string {
  const escaped = text.includes('_x') ? text.replace(ESCAPE, '_x005F_x$1_') : text;
  return escaped.replace(UNSAFE, hex);
}

export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}
