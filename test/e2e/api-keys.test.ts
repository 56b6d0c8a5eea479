// Issue 17: a person creates a personal API key in Settings, sees it once, uses it from an MCP client, and
// revokes it; the revoked key fails its next call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthPage } from './pages/auth-page.js';
import { ApiKeysDialog } from './pages/api-keys-dialog.js';
import { eventually, newUser, useBrowserApp, withPage } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

describe('API keys in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  it('creates an MCP key shown once, which lists the tools at /mcp until it is revoked', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await new AuthPage(page).open(suite.app.url);
      await new AuthPage(page).signUp(newUser('Keys'));
      const keys = new ApiKeysDialog(page);
      await keys.open();
      await page.getByTestId('api-keys-empty').waitFor();
      const key = await keys.create('Claude Code', 'mcp', '30');
      assert.match(key, /^todo_mcp_[A-Za-z0-9]{64}$/);
      await eventually(async () => assert.equal(await keys.items.count(), 1));
      const listed = (await keys.items.first().textContent()) ?? '';
      assert.match(listed, /Claude Code/);
      assert.match(listed, /MCP/);
      assert.ok(!listed.includes(key), 'the list shows only the first characters');

      const listTools = () =>
        fetch(`${suite.app.url}/mcp`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
      assert.equal((await listTools()).status, 200);

      await page.getByTestId('api-key-done').click();
      await keys.revoke('Claude Code');
      await page.getByTestId('api-keys-empty').waitFor();
      assert.match((await keys.status.textContent()) ?? '', /Revoked/);
      assert.equal((await listTools()).status, 401, 'the revoked key fails its next call');
    });
  });
});
