import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureWebBuild } from '../e2e/support/build.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const DIST = 'web/dist';

describe('regression: the web app was sent uncompressed with max-age=0, and /favicon.ico answered the HTML page', () => {
  let t: TestApp;
  let script: string;
  before(async () => {
    await ensureWebBuild();
    script = readdirSync(path.join(DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    t = await buildTestApp();
  });
  after(() => t.close());

  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

  test('hashed scripts are sent precompressed (brotli first, then gzip) and cached as immutable', async () => {
    const original = readFileSync(path.join(DIST, 'assets', script));
    const br = await get(`/assets/${script}`, 'gzip, deflate, br');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.ok(brotliDecompressSync(br.rawPayload).equals(original), 'the brotli body is the script');
    const gz = await get(`/assets/${script}`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.rawPayload).equals(original), 'the gzip body is the script');
    assert.ok(gz.rawPayload.length < original.length / 2, 'compressed to less than half');
    const plain = await get(`/assets/${script}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.equals(original));
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('index.html, at / and at any app route, is revalidated on every load', async () => {
    for (const url of ['/', '/index.html', '/some/app/route']) {
      const res = await get(url, 'br');
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /text\/html/, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
    }
  });

  test('the service worker is revalidated on every load (an updated sw.js takes over at once)', async () => {
    const res = await get('/sw.js', 'br');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
  });

  test('/favicon.ico is a real icon, the manifest has its media type, and both are cached for a day', async () => {
    const icon = await get('/favicon.ico');
    assert.equal(icon.statusCode, 200);
    assert.match(String(icon.headers['content-type']), /^image\//);
    assert.deepEqual([...icon.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header, not HTML');
    const manifest = await get('/manifest.webmanifest');
    assert.equal(manifest.statusCode, 200);
    assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
    assert.equal((manifest.json() as { start_url: string }).start_url, '/');
    for (const res of [icon, manifest]) assert.equal(res.headers['cache-control'], 'public, max-age=86400');
  });

  test('a missing file is a JSON 404, never the HTML page', async () => {
    for (const url of ['/missing-icon.png', '/assets/gone-12345678.js', '/robots.txt']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND', url);
    }
  });
});
