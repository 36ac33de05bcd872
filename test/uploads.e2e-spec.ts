/**
 * Requests that would hold the server's memory or connections: a request trickled byte by byte
 * is cut off; an upload is refused before its body is read when the sender is not signed in;
 * only a few uploads are read at a time.
 */
import http from 'node:http';
import net from 'node:net';
import { AddressInfo } from 'node:net';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';
import { ORGANISATION } from './support/campaign-fixture';

interface RawAnswer {
  text: string;
  closedAfterMs: number;
}

/** Sends the head of a request, then one body byte every `everyMs` until the server answers. */
function trickle(port: number, head: string, everyMs: number, giveUpMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => socket.write('a'), everyMs);
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
  });
}

interface EarlyAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** how much of the body had been sent when the answer came */
  bytesSent: number;
}

/**
 * Starts an upload of `size` bytes but sends only its first 64 KiB, then waits for the answer:
 * a server that answers has done so without the rest of the body.
 */
function startUpload(
  port: number,
  path: string,
  headers: Record<string, string>,
  size: number,
): { answer: Promise<EarlyAnswer>; finish: () => void; request: http.ClientRequest } {
  const request = http.request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { ...headers, 'content-length': String(size) },
  });
  let sent = 0;
  const first = Buffer.alloc(Math.min(64 * 1024, size), 'a');
  request.write(first);
  sent += first.length;
  const answer = new Promise<EarlyAnswer>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, bytesSent: sent }),
      );
    });
  });
  return {
    answer,
    request,
    finish: () => {
      request.end(Buffer.alloc(size - sent, 'a'));
      sent = size;
    },
  };
}

describe('request timeout', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ REQUEST_TIMEOUT: '1' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  it('cuts off a POST whose body trickles in, with 408', async () => {
    const head = [
      'POST /api/v1/auth/login HTTP/1.1',
      'Host: ledarspegel.test',
      'Content-Type: application/json',
      'Content-Length: 1000',
      '',
      '',
    ].join('\r\n');
    const answer = await trickle(port, head, 200, 8000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 408/);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(answer.closedAfterMs).toBeLessThan(4000);
  });

  it('cuts off headers that never end', async () => {
    const answer = await trickle(port, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ', 200, 8000);
    expect(answer.closedAfterMs).toBeLessThan(4000);
  });
});
