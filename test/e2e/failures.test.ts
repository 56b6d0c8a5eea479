// Failures the user must see: a 500, a connection lost mid-stream, an expired session — never losing the message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage, type Credentials } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { TaskPanel } from './pages/task-panel.js';
import { newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

const CHAT = /\/api\/[^/]+\/chat$/;
const TYPED = 'add renew passport before the trip';

describe('chat failures in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  async function signedIn(page: Page): Promise<{ chat: ChatPage; user: Credentials }> {
    const user = newUser('Grace');
    await new AuthPage(page).open(suite.app.url);
    await new AuthPage(page).signUp(user);
    const chat = new ChatPage(page);
    await chat.waitUntilReady();
    return { chat, user };
  }

  it('shows a banner when the server answers 500, keeps the typed message, and Retry sends it', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const { chat } = await signedIn(page);
      await page.route(CHAT, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something broke on our side' } }),
        }),
      );
      await chat.type(TYPED);
      await chat.banner.waitFor();
      assert.match(await chat.banner.innerText(), /Something broke on our side/);
      assert.equal(await chat.draft(), TYPED, 'the typed message is back in the composer');
      assert.equal(await chat.userMessages.count(), 0, 'no half-sent message stays in the list');

      await page.unroute(CHAT);
      await chat.retryButton.click();
      await chat.replies.first().and(page.locator('[aria-busy="false"]')).waitFor();
      await chat.banner.waitFor({ state: 'detached' });
      assert.equal(await chat.draft(), '');
      assert.deepEqual(await chat.sentTexts(), [TYPED]);
      await new TaskPanel(page).item('renew passport').waitFor();
    });
  });

  it('shows a banner when the stream ends before the reply is done, keeping the message', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const { chat } = await signedIn(page);
      await page.route(CHAT, (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          body: 'event: delta\ndata: {"text":"Sure, I will "}\n\n',
        }),
      );
      await chat.type(TYPED);
      await chat.banner.waitFor();
      assert.match(await chat.banner.innerText(), /connection dropped/i);
      assert.equal(await chat.draft(), TYPED);
      assert.equal(await chat.replies.count(), 0, 'the half reply is not left on screen');
    });
  });

  it('shows a banner when the server goes away mid-request, and the message survives a reload', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const { chat } = await signedIn(page);
      await page.route(CHAT, (route) => route.abort('connectionreset'));
      await chat.type(TYPED);
      await chat.banner.waitFor();
      assert.match(await chat.banner.innerText(), /can't reach the server/i);
      assert.equal(await chat.draft(), TYPED);

      await page.unroute(CHAT);
      await page.reload();
      await chat.waitUntilReady();
      assert.equal(await chat.draft(), TYPED, 'the draft is kept in localStorage');
    });
  });

  it('sends the user to sign in when the session is gone, and gives the draft back afterwards', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const { chat, user } = await signedIn(page);
      const unauthenticated = { status: 401, contentType: 'application/json', body: '{"error":{"code":"UNAUTHENTICATED","message":"Expired"}}' };
      await page.route(CHAT, (route) => route.fulfill(unauthenticated));
      await page.route('**/api/auth/token', (route) => route.fulfill(unauthenticated));
      await chat.type(TYPED);

      const auth = new AuthPage(page);
      await auth.notice.waitFor();
      assert.match(await auth.notice.innerText(), /session has expired/i);
      await page.unrouteAll();
      await auth.signIn(user);
      await chat.waitUntilReady();
      assert.equal(await chat.draft(), TYPED);
    });
  });

  it('shows the typing indicator while waiting, then the reply with its tool chips', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const { chat } = await signedIn(page);
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const call = { name: 'add_task', arguments: { title: 'Buy milk' }, result: { task_id: 12, status: 'created', title: 'Buy milk' } };
      const done = { conversation_id: 999_999, response: 'Added Buy milk.', tool_calls: [call] };
      await page.route(CHAT, async (route) => {
        await released;
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          body: [
            `event: tool_call\ndata: ${JSON.stringify(call)}\n\n`,
            'event: delta\ndata: {"text":"Added "}\n\n',
            'event: delta\ndata: {"text":"Buy milk."}\n\n',
            `event: done\ndata: ${JSON.stringify(done)}\n\n`,
          ].join(''),
        });
      });
      await chat.type('add buy milk');
      await chat.typing.waitFor();
      assert.equal(await chat.composer.isDisabled(), true, 'the composer is disabled while sending');
      release();
      await chat.typing.waitFor({ state: 'detached' });
      assert.deepEqual(await chat.replyTexts(), ['Added Buy milk.']);
      assert.deepEqual(await chat.chips.allInnerTexts(), ['Added #12 Buy milk']);
      await chat.waitUntilReady();
    });
  });
});
