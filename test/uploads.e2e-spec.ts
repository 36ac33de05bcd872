/**
 * Requests that would hold the server's memory or connections: a request trickled byte by byte
 * is cut off; an upload is refused before its body is read when the sender is not signed in;
 * only a few uploads are read at a time.
 */
import http from 'node:http';
import net from 'node:net';
import { AddressInfo } from 'node:net';
import { UploadGate } from '@ledarspegel/core';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';
import { ORGANISATION } from './support/campaign-fixture';

interface RawAnswer {
  text: string;
  closedAfterMs: number;
}

/** Sends the head of a request, then one body byte every `everyMs` until the server answers. */
function trickle(
  port: number,
  head: string,
  everyMs: number,
  giveUpMs: number,
): Promise<RawAnswer> {
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

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** how much of the body had been sent when the answer came */
  bytesSent: number;
}

interface Upload {
  answer: Promise<Answer>;
  /** sends the rest of the body */
  finish(): void;
  /** the client goes away */
  abort(): void;
}

/**
 * Starts an upload of `body` but sends only its first `firstBytes`; the rest follows on
 * finish(). A server that answers before then has done so without reading the whole body.
 */
function startUpload(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  firstBytes = 64 * 1024,
): Upload {
  const request = http.request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
  });
  let sent = Math.min(firstBytes, body.length);
  request.write(body.subarray(0, sent));
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      const bytesSent = sent;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text,
          bytesSent,
        }),
      );
    });
  });
  return {
    answer,
    finish: () => {
      request.end(body.subarray(sent));
      sent = body.length;
    },
    abort: () => {
      answer.catch(() => undefined);
      request.destroy();
    },
  };
}

const NINE_MB = Buffer.alloc(9 * 1024 * 1024, 'a');

/** A multipart body as a browser sends the console's upload form. */
function multipart(fields: Record<string, string>, file: Buffer): { type: string; body: Buffer } {
  const boundary = '----ledarspegel-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

describe('uploads', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    token = await signInAsAdmin(t);
    const signedIn = await t.http.post('/admin/login').type('form').send(TEST_ADMIN).expect(303);
    cookie = String([signedIn.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
    const page = await t.http.get('/admin/people/import').set('cookie', cookie).expect(200);
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  });
  afterAll(() => t?.close());

  const apiUpload = (headers: Record<string, string>, body: Buffer, firstBytes?: number) =>
    startUpload(
      port,
      '/api/v1/people/import',
      { 'content-type': 'text/csv', ...headers },
      body,
      firstBytes,
    );

  it('answers an unauthenticated 9 MB API upload with 401 before the body has been sent', async () => {
    const gate = t.app.get(UploadGate);
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const upload = apiUpload(authorization ? { authorization } : {}, NINE_MB);
      const answer = await upload.answer;
      upload.abort();
      expect(answer.status).toBe(401);
      expect(answer.bytesSent).toBe(64 * 1024);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(gate.inProgress).toBe(0);
    }
  });

  it('sends an unsigned-in 9 MB console upload to sign in before the body has been sent', async () => {
    const form = multipart({ _csrf: 'x' }, NINE_MB);
    const upload = startUpload(
      port,
      '/admin/people/import',
      { 'content-type': form.type },
      form.body,
    );
    const answer = await upload.answer;
    upload.abort();
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/admin/login?next=%2Fadmin');
    expect(answer.bytesSent).toBe(64 * 1024);
  });

  it('reads two uploads at a time and answers a third with 503 until one is done', async () => {
    const csv = Buffer.from(ORGANISATION);
    const auth = { authorization: `Bearer ${token}` };
    const first = apiUpload(auth, csv, 10);
    const second = apiUpload(auth, csv, 10);
    await waitFor(() => t.app.get(UploadGate).inProgress === 2);

    const third = apiUpload(auth, csv, 10);
    const busy = await third.answer;
    third.abort();
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(JSON.parse(busy.body)).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Other files are being read right now. Try again in a moment.',
    });
    const form = multipart({ _csrf: csrf }, csv);
    const consoleBusy = startUpload(
      port,
      '/admin/people/import',
      { 'content-type': form.type, cookie },
      form.body,
      10,
    );
    const busyPage = await consoleBusy.answer;
    consoleBusy.abort();
    expect(busyPage.status).toBe(503);
    expect(busyPage.body).toContain('Andra filer läses in just nu.');

    first.finish();
    second.abort();
    expect((await first.answer).status).toBe(200);
    await waitFor(() => t.app.get(UploadGate).inProgress === 0);
    const fourth = apiUpload(auth, csv);
    fourth.finish();
    expect((await fourth.answer).status).toBe(200);
    const consoleUpload = startUpload(
      port,
      '/admin/people/import',
      { 'content-type': form.type, cookie },
      form.body,
    );
    consoleUpload.finish();
    const preview = await consoleUpload.answer;
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('name="upload"');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
