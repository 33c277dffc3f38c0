/**
 * Files to and from the server: a list checked or imported through
 * POST /api/import, and exports through GET /api/export/:format, both with
 * the tab's API token.
 */
import type { ImportReport } from '../model/types.js';
import { authHeaders } from './graphql.js';

/** A request the server refused whole (a file it cannot read, a limit, no right to import). */
export class FileRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The server's error, from its JSON answer, or its status when it sent none. */
async function refusal(response: Response): Promise<FileRequestError> {
  try {
    const body = (await response.json()) as { error?: { code: string; message: string } };
    if (body.error) return new FileRequestError(body.error.message, body.error.code);
  } catch {
    // not JSON: the status says what there is to say
  }
  return new FileRequestError(`the server answered ${response.status}`, 'HTTP_ERROR');
}

/**
 * Checks (`dryRun`) or imports a file, of `type` when given (else the server
 * tells it from the name); a report with problems is an answer, not an error.
 */
export async function sendList(file: File, dryRun: boolean, type = ''): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = new URLSearchParams({ dryRun: String(dryRun), ...(type ? { type } : {}) });
  const response = await fetch(`/api/import?${query}`, {
    method: 'POST',
    headers: authHeaders(),
    body: form,
  });
  // 422: the file was read, and its report lists what is wrong
  if (!response.ok && response.status !== 422) throw await refusal(response);
  return (await response.json()) as ImportReport;
}

/** An export as the server names and sends it. */
export async function fetchExport(path: string): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await refusal(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'mandatemap-export';
  return { blob: await response.blob(), filename };
}
