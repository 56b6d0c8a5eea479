// The MCP TypeScript SDK's own OAuth client against the running server: discover → register → authorize (a
// signed-in user consents) → token → tools/list → refresh → revoke → 401. The browser steps (sign-in page,
// consent screen) are driven over HTTP with the user's session cookie, as the web UI sends them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { decodeJwt } from 'jose';
import { startTestServer, testDrivers, type TestApp, type TestUser } from '../helpers/test-app.js';
import { TOOL_NAMES } from './helpers.js';

const REDIRECT_URL = 'http://127.0.0.1:7777/callback';
// What a browser sends when it follows a link.
const NAVIGATE = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };

/** An OAuth client provider keeping everything in memory; the "browser redirect" is recorded for the test to follow. */
class MemoryProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = '';
  authorizationUrls: URL[] = [];

  get redirectUrl(): string {
    return REDIRECT_URL;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'Test Connector',
      redirect_uris: [REDIRECT_URL],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrls.push(url);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery') {
    if (scope === 'all' || scope === 'tokens') this.saved = undefined;
    if (scope === 'all' || scope === 'client') this.client = undefined;
  }
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

for (const driver of testDrivers) {
  describe(`OAuth 2.1 for remote MCP connectors (${driver})`, () => {
    let t: TestApp & { url: string };
    let mcpUrl: string;
    let alice: TestUser;

    before(async () => {
      t = await startTestServer({ driver });
      mcpUrl = `${t.url}/mcp`;
      alice = await t.signUp({ name: 'Alice' });
    });
    after(async () => {
      await t.close();
    });

    /** Sign in as the browser does on the sign-in page: the session cookie comes back. */
    async function signInCookie(user: TestUser): Promise<string> {
      const res = await fetch(`${t.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: t.url },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      const cookie = cookiesOf(res);
      assert.match(cookie, /session_token=/);
      return cookie;
    }

    /** A browser following a link (undici's fetch always says `sec-fetch-mode: cors`, which gets JSON instead of a redirect). */
    const navigate = (url: URL, cookie?: string) =>
      t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { ...NAVIGATE, ...(cookie ? { cookie } : {}) } });

    /** Follow an authorization URL as the browser would: sign-in page (if signed out), consent screen, then the redirect back with a code. */
    async function authorizeInBrowser(url: URL, user: TestUser, accept = true): Promise<URL> {
      const signedOut = await navigate(url);
      assert.equal(signedOut.statusCode, 302, signedOut.body);
      const signInPage = new URL(String(signedOut.headers.location), t.url);
      assert.equal(signInPage.pathname, '/oauth/sign-in', 'a signed-out person is sent to the sign-in page');
      assert.equal(signInPage.searchParams.get('client_id'), url.searchParams.get('client_id'));

      // After signing in, the sign-in page goes back to the same authorization request.
      const cookie = await signInCookie(user);
      const signedIn = await navigate(url, cookie);
      assert.equal(signedIn.statusCode, 302, signedIn.body);
      const consentPage = new URL(String(signedIn.headers.location), t.url);
      assert.equal(consentPage.pathname, '/oauth/consent');

      // The consent screen names the client…
      const clientId = consentPage.searchParams.get('client_id') ?? '';
      const info = await fetch(`${t.url}/api/auth/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`, { headers: { cookie } });
      assert.equal(info.status, 200);
      assert.equal(((await info.json()) as { client_name?: string }).client_name, 'Test Connector');
      // …and the person answers.
      const answer = await fetch(`${t.url}/api/auth/oauth2/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: t.url, cookie },
        body: JSON.stringify({ accept, oauth_query: consentPage.search.slice(1) }),
      });
      assert.equal(answer.status, 200, await answer.clone().text());
      const body = (await answer.json()) as { url?: string; redirect_uri?: string };
      const back = new URL(body.url ?? body.redirect_uri ?? '');
      assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URL);
      return back;
    }

    async function connect(provider: MemoryProvider): Promise<Client> {
      const client = new Client({ name: 'oauth-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
      return client;
    }

    const postMcp = (token: string) =>
      fetch(mcpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
      });

    const tokenRequest = (form: Record<string, string>) =>
      fetch(`${t.url}/api/auth/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });

    test('the SDK client connects through the whole flow: discover, register, consent, token, tools/list, refresh, revoke → 401', async () => {
      const provider = new MemoryProvider();
      // 1. Unauthorised: the SDK discovers the servers, registers, and asks to send the person to authorize.
      await assert.rejects(connect(provider), /Unauthorized/i);
      assert.ok(provider.client?.client_id, 'registered dynamically');
      const authorizationUrl = provider.authorizationUrls.at(-1);
      assert.ok(authorizationUrl);
      assert.equal(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(authorizationUrl.searchParams.get('resource'), mcpUrl);

      // 2. The person signs in and allows; the SDK exchanges the code.
      const back = await authorizeInBrowser(authorizationUrl, alice);
      const code = back.searchParams.get('code');
      assert.ok(code, `a code comes back: ${back.href}`);
      assert.equal(await auth(provider, { serverUrl: mcpUrl, authorizationCode: code }), 'AUTHORIZED');
      const first = provider.saved;
      assert.ok(first?.access_token && first.refresh_token, 'an access token and a refresh token');
      const claims = decodeJwt(first.access_token);
      assert.equal(claims.aud, mcpUrl, 'bound to the /mcp resource (RFC 8707)');
      assert.equal(claims.sub, alice.id);

      // 3. tools/list over the SDK transport with the OAuth token.
      const client = await connect(provider);
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOL_NAMES);
      await client.close();

      // The REST API refuses the /mcp token.
      const rest = await fetch(`${t.url}/api/${alice.id}/tasks`, { headers: { authorization: `Bearer ${first.access_token}` } });
      assert.equal(rest.status, 401);

      // 4. Refresh: a new access token and a rotated refresh token, and the new token works.
      assert.equal(await auth(provider, { serverUrl: mcpUrl }), 'AUTHORIZED');
      const second = provider.saved;
      assert.ok(second?.access_token && second.refresh_token);
      assert.notEqual(second.access_token, first.access_token);
      assert.notEqual(second.refresh_token, first.refresh_token);
      assert.equal((await postMcp(second.access_token)).status, 200);
      // The rotated-out refresh token is dead: a replay is refused with an RFC 6749 error.
      const replay = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: provider.client!.client_id });
      assert.equal(replay.status, 400);
      assert.equal(((await replay.json()) as { error?: string }).error, 'invalid_grant');

      // 5. Connected apps lists it; revoking cuts it off on the next call, and the refresh token is dead too.
      const listed = await t.app.inject({ method: 'GET', url: `/api/${alice.id}/connected-apps`, headers: alice.headers });
      assert.equal(listed.statusCode, 200);
      const apps = listed.json() as { client_id: string; name: string; scopes: string[] }[];
      assert.deepEqual(
        apps.map((app) => [app.client_id, app.name]),
        [[provider.client?.client_id, 'Test Connector']],
      );
      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/${alice.id}/connected-apps/${encodeURIComponent(apps[0]!.client_id)}`,
        headers: alice.headers,
      });
      assert.equal(revoked.statusCode, 204);
      const afterRevoke = await postMcp(second.access_token);
      assert.equal(afterRevoke.status, 401);
      assert.match(afterRevoke.headers.get('www-authenticate') ?? '', /resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/mcp"/);
      provider.authorizationUrls = [];
      assert.equal(await auth(provider, { serverUrl: mcpUrl }), 'REDIRECT', 'the revoked refresh token gives nothing: the person must authorize again');
      assert.equal(provider.authorizationUrls.length, 1);
      const listedAfter = await t.app.inject({ method: 'GET', url: `/api/${alice.id}/connected-apps`, headers: alice.headers });
      assert.deepEqual(listedAfter.json(), []);
    });

    test('connected apps: another user\'s path is 403, an app never authorised is 404', async () => {
      const other = await t.signUp({ name: 'Olga' });
      const foreign = await t.app.inject({ method: 'GET', url: `/api/${alice.id}/connected-apps`, headers: other.headers });
      assert.equal(foreign.statusCode, 403);
      const unknown = await t.app.inject({ method: 'DELETE', url: `/api/${other.id}/connected-apps/nobody`, headers: other.headers });
      assert.equal(unknown.statusCode, 404);
      assert.equal((unknown.json() as { error: { code: string } }).error.code, 'NOT_FOUND');
    });

    test('a token asked for without the resource parameter is opaque and works on neither /mcp nor REST', async () => {
      const carol = await t.signUp({ name: 'Carol' });
      const provider = new MemoryProvider();
      await assert.rejects(connect(provider), /Unauthorized/i);
      const url = new URL(provider.authorizationUrls.at(-1)!);
      url.searchParams.delete('resource');
      const back = await authorizeInBrowser(url, carol);
      const res = await tokenRequest({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        redirect_uri: REDIRECT_URL,
        client_id: provider.client!.client_id,
        code_verifier: provider.verifier,
      });
      assert.equal(res.status, 200, await res.clone().text());
      const token = ((await res.json()) as { access_token: string }).access_token;
      assert.equal(token.split('.').length, 1, 'not a JWT');
      assert.equal((await postMcp(token)).status, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/${carol.id}/tasks`, headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    });

    test('the consent endpoint refuses a page on another origin (a cross-site form cannot allow an app)', async () => {
      const cookie = await signInCookie(alice);
      const res = await fetch(`${t.url}/api/auth/oauth2/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie },
        body: JSON.stringify({ accept: true, oauth_query: 'client_id=x' }),
      });
      assert.equal(res.status, 403);
    });

    test('Deny sends the person back to the client with access_denied and no code', async () => {
      const provider = new MemoryProvider();
      await assert.rejects(connect(provider), /Unauthorized/i);
      const back = await authorizeInBrowser(provider.authorizationUrls.at(-1)!, alice, false);
      assert.equal(back.searchParams.get('error'), 'access_denied');
      assert.equal(back.searchParams.get('code'), null);
    });

    test('a session JWT still works on /mcp; an OAuth token never works on the REST API', async () => {
      assert.equal((await postMcp(alice.jwt)).status, 200);
      const bob = await t.signUp({ name: 'Bob' });
      const provider = new MemoryProvider();
      await assert.rejects(connect(provider), /Unauthorized/i);
      const back = await authorizeInBrowser(provider.authorizationUrls.at(-1)!, bob);
      await auth(provider, { serverUrl: mcpUrl, authorizationCode: back.searchParams.get('code')! });
      const token = provider.saved!.access_token;
      for (const url of [`/api/${bob.id}/tasks`, `/api/${bob.id}/conversations`, `/api/${bob.id}/settings`, `/api/${bob.id}/connected-apps`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.statusCode, 401, url);
        assert.equal((res.json() as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
      }
    });

    test('serves the discovery documents at the root and RFC 6749 errors from the token endpoint', async () => {
      const meta = (await (await fetch(`${t.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      assert.equal(meta.issuer, t.url);
      assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
      assert.deepEqual(meta.response_types_supported, ['code']);
      assert.ok(Array.isArray(meta.grant_types_supported) && !meta.grant_types_supported.includes('implicit'));
      assert.equal(meta.registration_endpoint, `${t.url}/api/auth/oauth2/register`);
      const oidc = await fetch(`${t.url}/.well-known/openid-configuration`);
      assert.equal(oidc.status, 200);
      const prm = (await (await fetch(`${t.url}/.well-known/oauth-protected-resource/mcp`)).json()) as Record<string, unknown>;
      assert.deepEqual(prm.authorization_servers, [t.url]);
      assert.equal(prm.resource, mcpUrl);

      const bad = await fetch(`${t.url}/api/auth/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'nope', client_id: 'nobody' }),
      });
      assert.equal(bad.status >= 400 && bad.status < 500, true);
      const error = (await bad.json()) as { error?: unknown };
      assert.equal(typeof error.error, 'string', 'an RFC 6749 error code, not the API error object');
    });

    test('GET /authorize, /token, /register and friends at the root are a JSON 404, never the web app', async () => {
      for (const path of ['/authorize', '/token', '/register', '/revoke', '/oauth2/authorize', '/oauth/unknown']) {
        const res = await fetch(`${t.url}${path}`);
        assert.equal(res.status, 404, path);
        assert.match(res.headers.get('content-type') ?? '', /application\/json/, path);
      }
    });
  });
}
