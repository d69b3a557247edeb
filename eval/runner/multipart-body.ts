import { createHash } from 'node:crypto';

/** A `multipart/form-data` body carrying one file, with the headers to send it under. */
export function multipartFileBody(
  fieldName: string,
  fileName: string,
  contentType: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  // Derived from the content: in practice never inside it, and the same on every run.
  const boundary = `----docent-eval-${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown',
  html: 'text/html',
  txt: 'text/plain',
  json: 'application/json',
};

/** The MIME type a browser would send for a file name (Docent decides the type from the content anyway). */
export function contentTypeOf(fileName: string): string {
  return contentTypes[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
