/**
 * Reading an import request: the multipart body whole (the file in a field
 * named `file`, and the fields `dryRun` and `type` wherever they stand), and
 * yes/no parameters read strictly, so a dry run asked for in any common
 * spelling is never taken for a commit.
 */
import type { FastifyRequest } from 'fastify';
import { GraphError } from '../../graph/index.js';

export interface Upload {
  bytes: Buffer;
  filename: string;
  /** Form fields other than the file, as [name, value] in the order sent. */
  fields: [string, string][];
}

const YES = new Set(['true', '1', 'yes', 'on', '']);
const NO = new Set(['false', '0', 'no', 'off']);

/**
 * A yes/no parameter: true/false, 1/0, yes/no, on/off in any case, and a bare
 * `?dryRun` is yes. Anything else is refused rather than guessed.
 */
export function flagParam(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  throw new GraphError('INVALID_INPUT', `${name} must be true or false, not '${value}'`, {
    field: name,
  });
}

/** What reading the multipart body threw, as a GraphError: its limits, or a body cut short or malformed. */
function translate(error: unknown, maxBytes: number): GraphError {
  if (error instanceof GraphError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new GraphError(
      'LIMIT_EXCEEDED',
      `the file is larger than ${maxBytes} bytes; nothing was imported`,
      { max: maxBytes },
    );
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new GraphError(
      'INVALID_INPUT',
      'send one file, in a field named "file", and at most the fields dryRun and type',
      { field: 'file' },
    );
  }
  return new GraphError(
    'INVALID_INPUT',
    `the upload could not be read (${(error as Error).message}); nothing was imported`,
    { field: 'file', reason: 'MALFORMED_UPLOAD' },
  );
}

export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new GraphError(
      'INVALID_INPUT',
      'send the file as multipart/form-data in a field named "file"',
      { field: 'file' },
    );
  }
  let file: { bytes: Buffer; filename: string } | undefined;
  const fields: [string, string][] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields.push([part.fieldname, String(part.value)]);
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') {
        throw new GraphError(
          'INVALID_INPUT',
          `the file must be in a field named "file", not "${part.fieldname}"`,
          { field: 'file' },
        );
      }
      file = { bytes, filename: part.filename };
    }
  } catch (error) {
    throw translate(error, maxBytes);
  }
  if (!file) {
    throw new GraphError('INVALID_INPUT', 'no file in the request: use a field named "file"', {
      field: 'file',
    });
  }
  return { ...file, fields };
}
