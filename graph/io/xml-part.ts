/**
 * One XML part of a workbook read as a stream of tags and text (saxes), fed
 * a megabyte at a time, so that a large sheet never sits in memory as one
 * string. Names come without their namespace prefix (`x:row` -> `row`), as
 * some writers prefix every element. Main function: readXml.
 */
import { SaxesParser } from 'saxes';
import { GraphError } from '../errors.js';

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const SLICE = 1024 * 1024;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function badPart(part: string, why: string): GraphError {
  return new GraphError(
    'INVALID_INPUT',
    `the file is not a readable .xlsx workbook: its part '${part}' ${why}`,
    { reason: 'INVALID_XLSX', part },
  );
}

/**
 * Reads the XML in `bytes` (UTF-8), calling `handler` for each tag and run of
 * text; throws INVALID_INPUT when it is not well-formed. What the handler
 * throws (a limit, say) passes through. `onRead` is told after each slice
 * the share of the bytes read.
 */
export function readXml(
  part: string,
  bytes: Uint8Array,
  handler: XmlHandler,
  onRead?: (share: number) => void,
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes));
  if (handler.text) {
    const text = (value: string) => handler.text!(value);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (handler.close) parser.on('closetag', (tag) => handler.close!(localName(tag.name)));
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (slice: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(slice, { stream });
    } catch {
      throw badPart(part, 'is not UTF-8 text');
    }
  };
  // with an error handler set, saxes reports bad XML there and throws nothing itself
  for (let at = 0; at < bytes.length && !failure; at += SLICE) {
    const end = Math.min(bytes.length, at + SLICE);
    parser.write(decode(bytes.subarray(at, end), end < bytes.length));
    onRead?.(end / bytes.length);
  }
  if (!failure) parser.close();
  if (failure) throw badPart(part, `is not well-formed XML (${failure.message})`);
}
