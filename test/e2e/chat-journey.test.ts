// The main journey: sign up, manage a task by chat and in the panel, and find everything after a reload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ConversationSidebar } from './pages/conversation-sidebar.js';
import { TaskPanel } from './pages/task-panel.js';
import { eventually, newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

describe('chat journey in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  it('signs up, adds "buy milk" by chat, ticks it in the panel, asks about it, and keeps it all after a reload', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const auth = new AuthPage(page);
      const chat = new ChatPage(page);
      const tasks = new TaskPanel(page);
      const sidebar = new ConversationSidebar(page);

      await auth.open(suite.app.url);
      await auth.signUp(newUser('Ada'));
      await tasks.empty.waitFor();
      assert.match(await tasks.empty.innerText(), /Try: add buy milk/);

      await chat.send('add buy milk');
      assert.match((await chat.chips.allInnerTexts()).join(' | '), /Added #\d+ buy milk/i);
      await tasks.item('buy milk').waitFor();
      assert.equal(await tasks.isDone('buy milk'), false);

      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/tasks\/\d+$/.test(r.url()));
      await tasks.toggle('buy milk');
      assert.equal((await saved).status(), 200);
      assert.equal(await tasks.isDone('buy milk'), true);

      const reply = await chat.send('what have I completed?');
      assert.match(reply, /buy milk/i);
      await eventually(async () => assert.equal(await sidebar.items.count(), 1));

      await page.reload();
      await chat.waitUntilReady();
      assert.equal(await page.getByTestId('auth-screen').count(), 0, 'still signed in after a reload');
      await eventually(async () => assert.deepEqual(await chat.sentTexts(), ['add buy milk', 'what have I completed?']));
      assert.match((await chat.replyTexts()).at(-1) ?? '', /buy milk/i);
      assert.equal(await sidebar.items.count(), 1);
      await sidebar.active.waitFor();
      await tasks.item('buy milk').waitFor();
      assert.equal(await tasks.isDone('buy milk'), true);
    });
  });
});
