// Issue 17: a browser MCP client on an allowed origin (another site listed in CORS_ORIGINS) calls /mcp with
// fetch and reads the tool list; the same page on an origin that is not listed is refused by the browser.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { z } from 'zod';
import { freePort, startTestServer, type TestApp, type TestUser } from '../helpers/test-app.js';
import { TOOL_NAMES } from '../mcp/helpers.js';
import { withPage } from './support/app.js';
import { FOREIGN_HOST, SKIP_BROWSER, launchBrowser } from './support/browser.js';

// The page initializes, then lists the tools, as a browser MCP client does, and shows what it got.
const PAGE = `<!doctype html><html lang="en"><head><title>Browser MCP client</title></head><body>
<pre data-testid="result">working</pre>
<script type="module">
const params = new URLSearchParams(location.hash.slice(1));
const rpc = async (body, headers = {}) => {
  const res = await fetch(params.get('mcp'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: 'Bearer ' + params.get('token'), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const out = document.querySelector('[data-testid=result]');
try {
  const init = await rpc({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'browser-page', version: '1' } } });
  const version = init.body.result.protocolVersion;
  const list = await rpc({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-protocol-version': version });
  out.textContent = JSON.stringify({ status: list.status, tools: list.body.result.tools.map((tool) => tool.name) });
} catch (error) {
  out.textContent = 'failed: ' + error;
}
</script></body></html>`;

describe('a browser MCP client on another origin', { skip: SKIP_BROWSER }, () => {
  let pageServer: Server;
  let pagePort: number;
  let t: TestApp & { url: string };
  let alice: TestUser;
  let browser: Browser;

  before(async () => {
    pagePort = await freePort();
    pageServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((resolve) => pageServer.listen(pagePort, '127.0.0.1', resolve));
    t = await startTestServer({ env: { CORS_ORIGINS: `http://127.0.0.1:${pagePort}` } });
    alice = await t.signUp({ name: 'Alice' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
  });

  const open = (origin: string) => `${origin}/#${new URLSearchParams({ mcp: `${t.url}/mcp`, token: alice.jwt }).toString()}`;

  it('gets the tool list with fetch from an origin listed in CORS_ORIGINS', async (context) => {
    await withPage(context, browser, async (page) => {
      await page.goto(open(`http://127.0.0.1:${pagePort}`));
      const result = page.getByTestId('result');
      await result.filter({ hasNotText: 'working' }).waitFor();
      const shown = z.object({ status: z.number(), tools: z.array(z.string()) }).parse(JSON.parse((await result.textContent()) ?? ''));
      assert.equal(shown.status, 200);
      assert.deepEqual(shown.tools.sort(), TOOL_NAMES);
    });
  });

  it('is refused by the browser from an origin that is not listed', async (context) => {
    await withPage(context, browser, async (page) => {
      await page.goto(open(`http://${FOREIGN_HOST}:${pagePort}`));
      await page.getByTestId('result').filter({ hasNotText: 'working' }).waitFor();
      assert.match((await page.getByTestId('result').textContent()) ?? '', /^failed: TypeError/);
    });
  });
});
