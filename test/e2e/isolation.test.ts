// Two users in two browser contexts never see each other's tasks or conversations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ConversationSidebar } from './pages/conversation-sidebar.js';
import { TaskPanel } from './pages/task-panel.js';
import { newUser, withContext, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

describe('two users in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  it("never shows one user's tasks or conversations to the other", async (t) => {
    await withContext(t, suite.browser, async (aliceContext) => {
      await withContext(t, suite.browser, async (bobContext) => {
        const alicePage = await aliceContext.newPage();
        const bobPage = await bobContext.newPage();
        await new AuthPage(alicePage).open(suite.app.url);
        await new AuthPage(alicePage).signUp(newUser('Alice'));
        await new AuthPage(bobPage).open(suite.app.url);
        await new AuthPage(bobPage).signUp(newUser('Bob'));

        await new ChatPage(alicePage).send('add buy milk');
        await new ChatPage(bobPage).send('add walk the dog');
        await new ChatPage(alicePage).send('add call the bank');

        const aliceTasks = new TaskPanel(alicePage);
        const bobTasks = new TaskPanel(bobPage);
        await aliceTasks.item('call the bank').waitFor();
        await bobTasks.item('walk the dog').waitFor();
        for (const page of [alicePage, bobPage]) await page.reload();
        await aliceTasks.item('call the bank').waitFor();
        await bobTasks.item('walk the dog').waitFor();

        const alice = (await aliceTasks.titles()).join(' | ');
        const bob = (await bobTasks.titles()).join(' | ');
        assert.match(alice, /buy milk/i);
        assert.doesNotMatch(alice, /walk the dog/i);
        assert.equal(await bobTasks.items.count(), 1, `Bob sees only his task, got: ${bob}`);
        assert.doesNotMatch(bob, /buy milk|call the bank/i);

        const aliceChats = new ConversationSidebar(alicePage);
        const bobChats = new ConversationSidebar(bobPage);
        await aliceChats.items.first().waitFor();
        await bobChats.items.first().waitFor();
        assert.equal(await aliceChats.items.count(), 1);
        assert.equal(await bobChats.items.count(), 1);
        const bobTranscript = await bobPage.getByTestId('message-list').innerText();
        assert.doesNotMatch(bobTranscript, /buy milk|call the bank/i);
      });
    });
  });
});
