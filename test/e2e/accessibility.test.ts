// Accessibility: axe-core on every screen at desktop and phone size, and the keyboard paths axe cannot see.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ConversationSidebar } from './pages/conversation-sidebar.js';
import { HistoryDialog } from './pages/history-dialog.js';
import { Notifications } from './pages/notifications.js';
import { TaskPanel } from './pages/task-panel.js';
import { Toast } from './pages/toast.js';
import { createTaskViaApi } from './support/api.js';
import { eventually, newUser, withPage, useBrowserApp } from './support/app.js';
import { assertAccessible } from './support/axe.js';
import { SKIP_BROWSER } from './support/browser.js';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', colorScheme: 'light' };
// The phone tour runs in dark mode, so the contrast of both colour schemes is checked without a third tour.
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
  colorScheme: 'dark',
};

/** The focused element's data-testid ('' when none), to follow the focus like a keyboard user. */
export async function focusedTestId(page: Page): Promise<string> {
  const focused = page.locator('*:focus');
  return (await focused.count()) === 1 ? ((await focused.getAttribute('data-testid')) ?? '') : '';
}

describe('accessibility in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  /** Visits every screen and state a new user meets, running axe on each; `phone` opens the drawers too. */
  async function tour(page: Page, phone: boolean): Promise<void> {
    const size = phone ? 'phone' : 'desktop';
    // Phones get 44 px touch targets (the 18 px checkboxes were the bug); desktop the WCAG 2.2 AA 24 px.
    const check = (screen: string) => assertAccessible(page, `${screen} (${size})`, { minTargetSize: phone ? 44 : 24 });
    const auth = new AuthPage(page);
    const chat = new ChatPage(page);
    const tasks = new TaskPanel(page);
    const sidebar = new ConversationSidebar(page);

    await auth.open(suite.app.url);
    await check('sign-in');
    await auth.modeButton('sign-up').click();
    await check('sign-up');
    await auth.signUp(newUser(phone ? 'Phoebe' : 'Desmond'));
    await chat.waitUntilReady();
    await check('empty workspace');

    for (const text of ['add buy milk #groceries tomorrow p1', 'call mom friday 5pm', 'add pay rent every month']) await chat.send(text);
    assert.equal(await createTaskViaApi(page, { title: 'renew passport', description: 'before the trip', due_at: '2020-01-01' }), 201);
    if (phone) await page.getByTestId('toggle-tasks').click();
    await tasks.reload();
    await tasks.item('renew passport').waitFor();
    await tasks.toggle('pay rent', { completed: false });
    await tasks.completedItems.first().waitFor();
    // The toast covers the foot of the screen for a few seconds; it is checked on its own below.
    await new Toast(page).dismissButton.click();
    if (phone) await page.keyboard.press('Escape');
    await check('workspace with messages and tasks');

    if (phone) await page.getByTestId('toggle-conversations').click();
    await sidebar.items.first().waitFor();
    await check(phone ? 'conversations drawer' : 'conversations');
    await sidebar.rename(0, '');
    await sidebar.renameError.waitFor();
    await check('refused conversation name');
    await page.keyboard.press('Escape');
    if (phone) {
      await page.keyboard.press('Escape');
      await page.getByTestId('toggle-tasks').click();
    }

    await tasks.previewQuickAdd('call mom friday 5pm p1 #family every week');
    await check(phone ? 'tasks drawer with a quick-add preview' : 'quick-add preview');
    await tasks.quickAddInput.fill('');

    await tasks.item('call mom').getByTestId('task-rename').click();
    await check('task editor');
    await tasks.fillEditor({ title: ' ' });
    await tasks.editor.getByTestId('task-edit-save').click();
    await tasks.editError.waitFor();
    await check('refused task edit');
    await page.keyboard.press('Escape');

    await tasks.setFilters({ overdue: false });
    await check('filters open');

    // Undo and History: the toast after a panel change, the dialog's two views, a reply whose changes were undone.
    // Like any toast it covers the foot of the screen for a few seconds; with the filters folded away the list ends
    // above it, so axe checks the toast itself rather than the rows it would cover.
    await page.getByTestId('task-filters-toggle').click();
    await tasks.remove('renew passport');
    await new Toast(page).waitFor(/Deleted/);
    await check('undo toast');
    const history = new HistoryDialog(page);
    await history.open();
    await check('history: activity');
    await history.showTrash();
    await history.trashItems.first().waitFor();
    await check('history: recently deleted');
    await history.close();
    const notifications = new Notifications(page);
    await notifications.open();
    await check('notifications');
    await notifications.showSettings();
    await check('notification settings');
    await notifications.close();
    await chat.undoReply(0);
    await check('reply with its changes undone');
  }

  it('has no serious or critical axe violations on any screen at desktop size (1280×800, light mode)', async (t) => {
    await withPage(t, suite.browser, (page) => tour(page, false), DESKTOP);
  });

  it('has no serious or critical axe violations on any screen on a phone (390×844, touch, dark mode), with 44 px touch targets', async (t) => {
    await withPage(t, suite.browser, (page) => tour(page, true), PHONE);
  });

  it('offers a skip link to the message box, one main landmark, and a message log that scrolls from the keyboard', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const auth = new AuthPage(page);
        const chat = new ChatPage(page);
        await auth.open(suite.app.url);
        await auth.signUp(newUser('Keyes'));
        await chat.waitUntilReady();
        assert.equal(await page.getByRole('main').count(), 1, 'the chat is the main landmark');

        // From the top of the page (the title), the skip link is the one stop before it.
        await page.locator('.topbar__title').click();
        await page.keyboard.press('Shift+Tab');
        assert.equal(await focusedTestId(page), 'skip-link', 'the skip link comes first');
        assert.ok(await page.getByTestId('skip-link').isVisible(), 'it shows when it has the focus');
        await page.keyboard.press('Enter');
        assert.equal(await focusedTestId(page), 'composer-input');

        for (let i = 1; i <= 6; i++) await chat.send(`add errand number ${i}`);
        const log = page.getByRole('log', { name: 'Messages' });
        const list = log.locator(':scope > ol');
        assert.equal(await list.getAttribute('role'), null, 'the messages stay a list (role=log used to replace it)');
        assert.equal(await list.locator(':scope > li').count(), 12);
        const scrollTop = () => log.evaluate((el) => el.scrollTop);
        assert.ok((await log.evaluate((el) => el.scrollHeight - el.clientHeight)) > 0, 'the log overflows at this size');
        await log.focus();
        assert.equal(await focusedTestId(page), 'message-list', 'the log takes the focus');
        await page.keyboard.press('Home');
        await eventually(async () => assert.equal(await scrollTop(), 0));
        await page.keyboard.press('End');
        await eventually(async () => assert.ok((await scrollTop()) > 0, 'End scrolls back to the newest message'));
      },
      { viewport: { width: 1280, height: 600 } },
    );
  });
});
