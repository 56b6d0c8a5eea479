// The sidebar, the task panel and the composer, driven like a user would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ConversationSidebar } from './pages/conversation-sidebar.js';
import { TaskPanel } from './pages/task-panel.js';
import { eventually, hasFocus, newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

describe('workspace in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  async function signUp(page: Page): Promise<void> {
    await new AuthPage(page).open(suite.app.url);
    await new AuthPage(page).signUp(newUser('Linus'));
  }

  it('signs out, refuses a wrong password with a visible message, and signs back in', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const user = newUser('Barbara');
      const auth = new AuthPage(page);
      await auth.open(suite.app.url);
      await auth.signUp(user);
      assert.match(await page.getByTestId('current-user').innerText(), /Barbara/);
      await page.getByTestId('sign-out').click();
      await auth.root.waitFor();
      await page.reload();
      await auth.root.waitFor(); // the session is really gone, not just hidden

      await page.getByTestId('auth-email').fill(user.email);
      await page.getByTestId('auth-password').fill('wrong-password-123');
      await page.getByTestId('auth-submit').click();
      await auth.error.waitFor();
      assert.match(await auth.error.innerText(), /invalid email or password/i);
      await auth.signIn(user);
      await new ChatPage(page).waitUntilReady();
    });
  });

  it('starts, resumes, renames and deletes conversations, most recent first', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await signUp(page);
      const chat = new ChatPage(page);
      const sidebar = new ConversationSidebar(page);

      await chat.send('add buy milk');
      await sidebar.startNew();
      await page.getByTestId('chat-empty').waitFor();
      await chat.send('add call mom');
      await eventually(async () => assert.equal(await sidebar.items.count(), 2));

      await sidebar.open(1); // the older one
      await eventually(async () => assert.deepEqual(await chat.sentTexts(), ['add buy milk']));
      await chat.send('add water the plants');
      await eventually(async () => assert.deepEqual(await chat.sentTexts(), ['add buy milk', 'add water the plants']));
      await eventually(async () =>
        assert.equal(
          await sidebar.items.first().getByTestId('conversation-open').getAttribute('aria-current'),
          'page',
          'the resumed conversation moved to the top',
        ),
      );

      await sidebar.rename(0, 'Groceries');
      await eventually(async () => assert.equal((await sidebar.titles())[0], 'Groceries'));

      await sidebar.items.nth(1).getByTestId('conversation-delete').click();
      await sidebar.root.getByTestId('conversation-delete-cancel').click();
      assert.equal(await sidebar.items.count(), 2, 'cancel keeps the conversation');
      await sidebar.remove(1);
      await eventually(async () => assert.equal(await sidebar.items.count(), 1));
      assert.equal(await hasFocus(sidebar.items.first().getByTestId('conversation-open')), true, 'the focus goes to the conversation left, not the page');

      await page.reload();
      await chat.waitUntilReady();
      await eventually(async () => assert.deepEqual(await sidebar.titles(), ['Groceries']));
      await eventually(async () => assert.deepEqual(await chat.sentTexts(), ['add buy milk', 'add water the plants']));
    });
  });

  it('filters, renames and deletes tasks in the panel; a deleted row hands the focus on instead of dropping it to the page', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await signUp(page);
      const chat = new ChatPage(page);
      const tasks = new TaskPanel(page);
      await chat.send('add buy milk');
      await chat.send('add pay rent');
      await tasks.item('pay rent').waitFor();

      await tasks.toggle('buy milk');
      await eventually(async () => assert.equal(await tasks.isDone('buy milk'), true));
      await tasks.filter('pending');
      await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['pay rent']));
      await tasks.filter('completed');
      await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['buy milk']));
      await tasks.filter('all');
      await eventually(async () => assert.equal(await tasks.items.count(), 2));

      await tasks.rename('pay rent', 'Pay the rent');
      await page.reload();
      await tasks.item('Pay the rent').waitFor();

      await tasks.remove('Pay the rent');
      assert.equal(await hasFocus(tasks.item('buy milk').getByTestId('task-toggle')), true, 'the focus goes to the row that took its place');
      await tasks.remove('buy milk');
      await tasks.empty.waitFor();
      assert.equal(await hasFocus(tasks.quickAddInput), true, 'with no row left, to quick add');
      await page.reload();
      await tasks.empty.waitFor();
      assert.match(await tasks.empty.innerText(), /Try: add buy milk/);
    });
  });

  it('says under the field why a conversation name is refused (300 characters, or nothing) and keeps the focus there; it used to revert silently', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await signUp(page);
      const chat = new ChatPage(page);
      const sidebar = new ConversationSidebar(page);
      await chat.send('add buy milk');
      await sidebar.items.first().waitFor();
      const before = await sidebar.titles();

      for (const [name, reason] of [['x'.repeat(300), /^Title must be at most 200 characters/], ['', /^Title must not be empty/]] as const) {
        const answered = page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/conversations\/\d+$/.test(r.url()));
        await sidebar.rename(0, name);
        assert.equal((await answered).status(), 400);
        await sidebar.renameError.filter({ hasText: reason }).waitFor();
        assert.equal(await hasFocus(sidebar.renameInput), true, 'the focus stays in the field to fix the name');
        assert.equal(await sidebar.renameInput.inputValue(), name, 'what was typed is kept');
        assert.equal(await sidebar.renameInput.getAttribute('aria-describedby'), await sidebar.renameError.getAttribute('id'));
        await sidebar.renameInput.press('Escape');
        assert.deepEqual(await sidebar.titles(), before, 'Escape keeps the old name');
        assert.equal(
          await hasFocus(sidebar.items.first().getByTestId('conversation-rename')),
          true,
          'and gives the focus back to the rename button',
        );
      }

      await sidebar.rename(0, 'Groceries');
      await eventually(async () => assert.deepEqual(await sidebar.titles(), ['Groceries']));
      assert.equal(await sidebar.renameError.count(), 0);
    });
  });

  it('puts completed tasks in their own group under All, keeps the focus on a ticked box as it moves, and folds the group away', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await signUp(page);
      const chat = new ChatPage(page);
      const tasks = new TaskPanel(page);
      await chat.send('add buy milk');
      await chat.send('add pay rent');
      await tasks.item('pay rent').waitFor();
      assert.equal(await tasks.completedGroup.count(), 0, 'no group while nothing is done');

      await tasks.toggle('buy milk');
      await tasks.completedItems.first().waitFor();
      assert.deepEqual((await tasks.completedItems.getByTestId('task-title').allInnerTexts()).map(plain), ['buy milk']);
      assert.deepEqual((await tasks.openItems.getByTestId('task-title').allInnerTexts()).map(plain), ['pay rent']);
      assert.equal(
        await hasFocus(tasks.item('buy milk').getByTestId('task-toggle')),
        true,
        'the focus moved with the row',
      );

      const toggle = tasks.root.getByTestId('tasks-completed-toggle');
      assert.match(await toggle.innerText(), /Completed\s*1/i);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await tasks.toggleCompletedGroup();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await tasks.item('buy milk').isVisible(), false, 'folded away');
      await tasks.toggleCompletedGroup();
      await tasks.item('buy milk').waitFor();

      await page.reload();
      await tasks.completedItems.first().waitFor();
      assert.deepEqual((await tasks.completedItems.getByTestId('task-title').allInnerTexts()).map(plain), ['buy milk']);
      await tasks.filter('completed');
      await eventually(async () => assert.equal(await tasks.completedGroup.count(), 0, 'the Completed tab is one plain list'));
      assert.deepEqual((await tasks.titles()).map(plain), ['buy milk']);
    });
  });

  it('sends on Enter, adds a line on Shift+Enter, and shows the limit near 4,000 characters', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await signUp(page);
      const chat = new ChatPage(page);
      await chat.waitUntilReady();
      await chat.composer.pressSequentially('first line');
      await chat.composer.press('Shift+Enter');
      await chat.composer.pressSequentially('second line');
      assert.equal(await chat.draft(), 'first line\nsecond line');

      const counter = page.getByTestId('composer-counter');
      await chat.composer.fill('x'.repeat(3700));
      assert.match(await counter.innerText(), /3,700 \/ 4,000/);
      await chat.composer.fill('x'.repeat(4010));
      assert.match(await counter.innerText(), /10 too many/);
      assert.equal(await chat.sendButton.isDisabled(), true);
      await chat.composer.press('Enter');
      assert.equal(await chat.userMessages.count(), 0, 'an over-long message is not sent');
    });
  });
});

function plain(title: string): string {
  return title.replace(/^#\d+\s*/, '').trim().toLowerCase();
}
