import type { Response } from 'superagent';

/** A supertest parser that keeps a response's body as the bytes it is (a PDF, an XLSX file). */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
