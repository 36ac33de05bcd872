/**
 * Pages and their files leave compressed, and the files a page links carry their content's
 * hash so a browser keeps them for a year (issue 12: the report web view on a phone).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from './support/test-app';

describe('compressed pages and long-cached assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** The bytes as sent (supertest would decompress them). */
  let port = 0;
  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  const raw = async (url: string, encoding: string) => {
    return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(
          { host: '127.0.0.1', port, path: url, headers: { 'accept-encoding': encoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
            );
          },
        )
        .on('error', reject);
    });
  };

  it('links the stylesheet with a content hash and serves it for a year', async () => {
    const page = await t.http.get('/admin/login').expect(200);
    const link = /href="(\/assets\/app\.css\?v=[0-9a-f]{12})"/.exec(page.text)?.[1];
    expect(link).toBeDefined();
    const css = await t.http.get(link ?? '').expect(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // without the hash (an old link) only an hour
    const plain = await t.http.get('/assets/app.css').expect(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
  });

  it.each(['br', 'gzip'])('sends HTML, CSS and chart.js compressed with %s', async (encoding) => {
    for (const url of ['/admin/login', '/assets/app.css', '/assets/vendor/chart.umd.min.js']) {
      const response = await raw(url, encoding);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.body.length).toBeGreaterThan(0);
    }
    const chart = await raw('/assets/vendor/chart.umd.min.js', encoding);
    // chart.js is 208 KB as it is
    expect(chart.body.length).toBeLessThan(100_000);
  });

  it('sends nothing compressed to a client that does not ask', async () => {
    const response = await raw('/assets/app.css', 'identity');
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('serves a favicon at /favicon.ico and links an SVG one from every layout', async () => {
    const ico = await t.http.get('/favicon.ico').buffer(true).expect(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    const body = ico.body as Buffer;
    // an icon directory (reserved 0, type 1) with at least one image
    expect([body.readUInt16LE(0), body.readUInt16LE(2)]).toEqual([0, 1]);
    expect(body.readUInt16LE(4)).toBeGreaterThan(0);

    for (const url of ['/admin/login', '/s/thanks', '/s/okand-lank', '/reports/okand']) {
      const page = await t.http.get(url);
      const link = /<link rel="icon" href="(\/assets\/favicon\.svg\?v=[0-9a-f]{12})"/.exec(
        page.text,
      )?.[1];
      expect({ url, link }).toEqual({ url, link: expect.any(String) });
      const svg = await t.http.get(link ?? '').expect(200);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    }
  });
});
