/** Multipart/form-data bodies for fastify.inject. */
export type FormPart =
  { name: string; value: string } | { name: string; filename: string; content: string | Buffer };

/** A multipart/form-data body of the given parts, in order. */
export function multipartForm(parts: readonly FormPart[]) {
  const boundary = `----mandatemap${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    ...parts.flatMap((part) =>
      'filename' in part
        ? [
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
            Buffer.from('\r\n'),
          ]
        : [
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
            ),
          ],
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return {
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart/form-data body with one file field. */
export function multipartFile(filename: string, content: string | Buffer, field = 'file') {
  return multipartForm([{ name: field, filename, content }]);
}
