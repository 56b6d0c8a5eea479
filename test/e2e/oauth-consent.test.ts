// Connecting an MCP connector in the browser: the authorization sends a signed-out person to the sign-in page,
// back to the request, to the consent screen naming the app; Allow returns a code the app exchanges; Settings →
// Connected apps lists the app and Disconnect cuts its token off.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuthPage } from './pages/auth-page.js';
import { assertAccessible } from './support/axe.js';
import { eventually, newUser, useBrowserApp, withPage } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

// Nothing listens here: the browser's visit to the callback is answered by the test (page.route).
const CALLBACK = 'http://127.0.0.1:9/callback';

describe('connecting an MCP connector: sign-in, consent screen, connected apps', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  async function registerClient(name: string): Promise<string> {
    const res = await fetch(`${suite.app.url}/api/auth/oauth2/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: name, redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { client_id: string }).client_id;
  }

  function authorizationRequest(clientId: string): { url: string; verifier: string } {
    const verifier = randomBytes(32).toString('base64url');
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: CALLBACK,
      scope: 'tasks offline_access',
      state: 'xyz',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      resource: `${suite.app.url}/mcp`,
    });
    return { url: `${suite.app.url}/api/auth/oauth2/authorize?${params.toString()}`, verifier };
  }

  it('Allow after signing in gives the app a working /mcp token; Disconnect in Settings revokes it', async (t) => {
    const clientId = await registerClient('Browser Connector');
    const request = authorizationRequest(clientId);
    await withPage(t, suite.browser, async (page) => {
      const callbacks: URL[] = [];
      await page.route(`${CALLBACK}**`, async (route) => {
        callbacks.push(new URL(route.request().url()));
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'connected' });
      });

      await page.goto(request.url);
      const auth = new AuthPage(page);
      await auth.root.waitFor();
      assert.equal(new URL(page.url()).pathname, '/oauth/sign-in');
      await auth.submitSignUp(newUser('Connie'));

      const consent = page.getByTestId('consent-screen');
      await consent.waitFor();
      assert.equal(new URL(page.url()).pathname, '/oauth/consent');
      await eventually(async () => assert.equal(await page.getByTestId('consent-title').textContent(), 'Browser Connector wants to use your Todo Chat account'));
      assert.ok((await page.getByTestId('consent-scopes').innerText()).includes('Read and change your tasks'));
      await assertAccessible(page, 'consent screen');
      await page.getByTestId('consent-allow').click();

      await eventually(async () => assert.equal(callbacks.length, 1));
      const back = callbacks[0]!;
      assert.equal(back.searchParams.get('state'), 'xyz');
      const code = back.searchParams.get('code');
      assert.ok(code);

      const tokenRes = await fetch(`${suite.app.url}/api/auth/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: CALLBACK,
          client_id: clientId,
          code_verifier: request.verifier,
          resource: `${suite.app.url}/mcp`,
        }),
      });
      assert.equal(tokenRes.status, 200, await tokenRes.clone().text());
      const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string };
      const listTools = () =>
        fetch(`${suite.app.url}/mcp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
        });
      assert.equal((await listTools()).status, 200);

      await page.goto(`${suite.app.url}/settings`);
      const app = page.getByTestId('connected-app');
      await eventually(async () => assert.equal(await app.count(), 1));
      assert.equal(await page.getByTestId('connected-app-name').textContent(), 'Browser Connector');
      await assertAccessible(page, 'settings: connected apps');
      await page.getByTestId('connected-app-revoke').click();
      await page.getByTestId('connected-apps-empty').waitFor();
      assert.equal((await listTools()).status, 401, 'the revoked app fails its next call');
    });
  });

  it('Deny sends the browser back to the app with access_denied', async (t) => {
    const clientId = await registerClient('Unwanted Connector');
    const request = authorizationRequest(clientId);
    await withPage(t, suite.browser, async (page) => {
      const callbacks: URL[] = [];
      await page.route(`${CALLBACK}**`, async (route) => {
        callbacks.push(new URL(route.request().url()));
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'denied' });
      });
      await page.goto(request.url);
      await new AuthPage(page).submitSignUp(newUser('Dora'));
      await page.getByTestId('consent-screen').waitFor();
      await eventually(async () => assert.match((await page.getByTestId('consent-title').textContent()) ?? '', /^Unwanted Connector/));
      await page.getByTestId('consent-deny').click();
      await eventually(async () => assert.equal(callbacks.length, 1));
      assert.equal(callbacks[0]!.searchParams.get('error'), 'access_denied');
      assert.equal(callbacks[0]!.searchParams.get('code'), null);
    });
  });
});
