// Trust in the browser: Undo after a panel change (the toast) and after a chat turn (on its reply), the activity
// list, and "Recently deleted".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { HistoryDialog } from './pages/history-dialog.js';
import { TaskPanel } from './pages/task-panel.js';
import { Toast } from './pages/toast.js';
import { createTasksViaApi } from './support/api.js';
import { eventually, hasFocus, newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

const DESKTOP = { locale: 'en-GB', timezoneId: 'Europe/Paris' } as const;
/** More tasks than one turn may delete without a confirmation (3): "delete all my tasks" previews them, "yes" deletes them. */
const BULK_COUNT = 5;
/** The toast's time on screen when nobody uses it (web/src/components/Toast.tsx TOAST_MS), plus a margin. */
const TOAST_GONE_MS = 6000 + 1000;

describe('undo, activity and recently deleted in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  /** Signs up a new user with these tasks (created in order over REST, so the newest is listed first). */
  async function signUpWith(page: Page, titles: readonly string[]): Promise<TaskPanel> {
    await new AuthPage(page).open(suite.app.url);
    await new AuthPage(page).signUp(newUser('Trudy'));
    const tasks = new TaskPanel(page);
    if (titles.length === 0) return tasks;
    assert.deepEqual(await createTasksViaApi(page, titles.map((title) => ({ title }))), titles.map(() => 201));
    await tasks.reload();
    await eventually(async () => assert.equal(await tasks.items.count(), titles.length));
    return tasks;
  }

  it('deleting a task from the panel offers Undo in a toast, and Undo puts it back in its place', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = await signUpWith(page, ['buy milk', 'call mom', 'pay rent']);
        const toast = new Toast(page);
        const before = await tasks.titles();
        assert.deepEqual(before, ['#3 pay rent', '#2 call mom', '#1 buy milk']);

        const deleted = page.waitForRequest((r) => r.method() === 'DELETE' && /\/tasks\/2$/.test(r.url()));
        await tasks.remove('call mom');
        assert.equal((await deleted).headers()['x-todo-client'], 'web', 'the UI names itself, so the journal says "web"');
        assert.equal(await toast.waitFor(/Deleted/), 'Deleted “call mom”');
        assert.equal(await toast.region.getAttribute('role'), 'status', 'the toast is announced politely');
        assert.equal(await toast.action.getAttribute('aria-label'), 'Undo: Deleted “call mom”');
        assert.deepEqual(await tasks.titles(), ['#3 pay rent', '#1 buy milk']);

        const undone = page.waitForRequest((r) => r.method() === 'POST' && /\/undo$/.test(r.url()));
        assert.match(await toast.undo(), /^Undid 1 change: #2 call mom\.$/);
        const group = (await (await deleted).response())?.headers()['x-change-group'];
        assert.ok(group, 'the delete named its change group');
        assert.deepEqual((await undone).postDataJSON(), { group_id: group }, 'Undo takes back exactly that change');
        await eventually(async () => assert.deepEqual(await tasks.titles(), before, 'the task is back, in its place'));
        assert.equal(await hasFocus(toast.dismissButton), true, 'the focus stays in the toast when Undo goes');

        await page.keyboard.press('Escape');
        await toast.root.waitFor({ state: 'detached' });
        await page.reload();
        await tasks.item('call mom').waitFor();
      },
      DESKTOP,
    );
  });

  it('completing a task from the panel offers Undo, and Undo makes it pending again', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = await signUpWith(page, ['water the plants']);
        const toast = new Toast(page);
        await tasks.toggle('water the plants');
        assert.equal(await toast.waitFor(/Completed/), 'Completed “water the plants”');
        await tasks.completedItems.first().waitFor();
        assert.match(await toast.undo(), /^Undid 1 change: #1 water the plants\.$/);
        await eventually(async () => {
          assert.equal(await tasks.isDone('water the plants'), false);
          assert.equal(await tasks.openItems.count(), 1, 'back among the open tasks');
        });
        await page.reload();
        await tasks.item('water the plants').waitFor();
        assert.equal(await tasks.isDone('water the plants'), false, 'pending on the server too');
      },
      DESKTOP,
    );
  });

  it('the toast stays while it has the focus or the pointer, leaves by itself after a few seconds otherwise, and × closes it', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        await page.clock.install(); // the toast's seconds pass when the test says so
        const tasks = await signUpWith(page, ['one', 'two', 'three']);
        const chat = new ChatPage(page);
        const toast = new Toast(page);

        await tasks.toggle('one');
        await toast.waitFor(/Completed “one”/);
        await toast.action.focus();
        await page.clock.runFor(3 * TOAST_GONE_MS);
        assert.equal(await toast.root.isVisible(), true, 'kept while the focus is in it');
        await chat.composer.focus();
        await page.clock.runFor(TOAST_GONE_MS);
        await toast.root.waitFor({ state: 'detached' });

        await tasks.toggle('two');
        await toast.waitFor(/Completed “two”/);
        await toast.root.hover();
        await page.clock.runFor(3 * TOAST_GONE_MS);
        assert.equal(await toast.root.isVisible(), true, 'kept while the pointer is on it');
        await page.mouse.move(0, 0);
        await page.clock.runFor(TOAST_GONE_MS);
        await toast.root.waitFor({ state: 'detached' });

        await tasks.toggle('three');
        await toast.waitFor(/Completed “three”/);
        await page.mouse.move(0, 0);
        await toast.dismissButton.click();
        await toast.root.waitFor({ state: 'detached' });
      },
      DESKTOP,
    );
  });

  it(`"delete all my tasks" with ${BULK_COUNT} tasks, then "yes": Undo on that reply brings all ${BULK_COUNT} back and the reply says so, also after a reload`, async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const titles = Array.from({ length: BULK_COUNT }, (_, i) => `chore ${i + 1}`);
        const tasks = await signUpWith(page, titles);
        const chat = new ChatPage(page);
        const toast = new Toast(page);
        const listed = await tasks.titles();

        await chat.send('delete all my tasks');
        await chat.send('yes');
        await eventually(async () => assert.equal(await tasks.items.count(), 0, 'all deleted'));
        const last = 1; // the replies: the question, then the deletion
        assert.equal(await chat.undoState(0), 'none', 'the question changed nothing, so it offers no Undo');
        assert.equal(await chat.undoState(last), 'undo');

        await chat.undoReply(last);
        await eventually(async () => assert.deepEqual(await tasks.titles(), listed, 'all back, in their places'));
        assert.match(await toast.waitFor(/Undid/), new RegExp(`^Undid ${BULK_COUNT} changes: `));
        assert.equal(await hasFocus(chat.replies.nth(last).getByTestId('message-undone')), true, 'the focus moves to what replaced the button');

        await page.reload();
        await chat.replies.nth(last).waitFor();
        assert.equal(await chat.undoState(last), 'undone', 'the reply still says its changes were undone');
        assert.equal(await tasks.items.count(), BULK_COUNT);
      },
      DESKTOP,
    );
  });

  it('Activity lists the changes newest first with their source (chat, web, API), pages with Load more, and undoes a group', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = await signUpWith(page, []);
        const chat = new ChatPage(page);
        const history = new HistoryDialog(page);
        await chat.send('add buy milk');
        await tasks.toggle('buy milk');
        await tasks.completedItems.first().waitFor();
        // Enough changes from another client to need a second page (25 a page).
        const more = Array.from({ length: 26 }, (_, i) => ({ title: `errand ${i + 1}` }));
        assert.ok((await createTasksViaApi(page, more)).every((status) => status === 201));

        await history.open();
        assert.equal(await history.entries.count(), 25, 'one page');
        const first = await history.readGroups();
        assert.deepEqual(first[0], { source: 'rest', sourceLabel: 'API', undone: false, canUndo: true, entries: [['create', '#27 errand 26']] });
        await history.loadMore();
        await history.end.waitFor();
        assert.equal(await history.loadMoreButton.count(), 0, 'nothing older');
        const groups = await history.readGroups();
        assert.equal(groups.length, 28);
        assert.deepEqual(groups.slice(-2), [
          { source: 'web', sourceLabel: 'Web app', undone: false, canUndo: true, entries: [['complete', '#1 Buy milk']] },
          { source: 'chat', sourceLabel: 'Chat', undone: false, canUndo: true, entries: [['create', '#1 Buy milk']] },
        ]);
        await page.screenshot({ path: 'test-results/screenshots/history-activity-desktop.png' });

        assert.match(await history.undo(26), /^Undid 1 change: #1 Buy milk\.$/);
        const after = await history.readGroups();
        assert.deepEqual(after[0], { source: 'web', sourceLabel: 'Web app', undone: false, canUndo: false, entries: [['reopen', '#1 Buy milk']] }, 'the undo is listed on top');
        assert.equal(after.length, 29, 'the pages already loaded stay');
        assert.equal(after[27]?.undone, true, 'the group undone is marked');
        assert.equal(after[27]?.canUndo, false);
        assert.equal(await hasFocus(history.groups.nth(27)), true, 'the focus goes to the group undone');
        await history.close();
        assert.equal(await hasFocus(page.getByTestId('open-history')), true, 'closing hands the focus back to History');
        await eventually(async () => assert.equal(await tasks.isDone('buy milk'), false));
      },
      DESKTOP,
    );
  });

  it('Recently deleted lists a deleted task with the day it will be purged, and Restore puts it back in the panel', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = await signUpWith(page, ['keep me', 'bring me back']);
        const history = new HistoryDialog(page);
        await tasks.remove('bring me back');
        await eventually(async () => assert.equal(await tasks.items.count(), 1));

        await history.open();
        await history.showTrash();
        assert.equal(await history.trashItems.count(), 1);
        const row = history.trashItem('bring me back');
        assert.equal(await row.getByTestId('trash-title').innerText(), '#2 bring me back');
        const purge = await row.getByTestId('trash-purge').getAttribute('datetime');
        const days = (Date.parse(purge ?? '') - Date.now()) / 86_400_000;
        assert.ok(days > 29.9 && days <= 30, `purged 30 days after the delete: ${purge}`);
        // A day in the locale (en-GB), with its year when that is not this year (a delete in December purges in January).
        const day = new Date(purge ?? '').getFullYear() === new Date().getFullYear() ? /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}$/ : /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}$/;
        assert.match(await row.getByTestId('trash-purge').innerText(), day, 'a day in the locale (en-GB)');
        await page.screenshot({ path: 'test-results/screenshots/history-trash-desktop.png' });

        await history.restore('bring me back');
        assert.equal(await history.status.innerText(), 'Restored “bring me back” to your tasks.');
        await history.trashEmpty.waitFor();
        assert.equal(await hasFocus(history.trashEmpty), true, 'the focus stays in the view when the last row goes');
        await history.showActivity();
        const [restore] = await history.readGroups();
        assert.deepEqual(restore?.entries, [['restore', '#2 bring me back']]);
        assert.equal(restore?.source, 'web');
        await history.close();
        await eventually(async () => assert.deepEqual(await tasks.titles(), ['#2 bring me back', '#1 keep me']));
      },
      DESKTOP,
    );
  });
});
