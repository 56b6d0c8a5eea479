// Screenshots of the main screen for the README, and the load-to-interactive time of the composer.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { ConversationSidebar } from './pages/conversation-sidebar.js';
import { HistoryDialog } from './pages/history-dialog.js';
import { TaskPanel } from './pages/task-panel.js';
import { Toast } from './pages/toast.js';
import { createTaskViaApi } from './support/api.js';
import { newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';

// A test run writes its pictures next to the test results; the committed ones in docs/ change only when a person
// asks for it with UPDATE_SCREENSHOTS=1.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
const user = newUser('Margaret');
const STABLE = { locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' } as const;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
// Pictures of the other screens, to look at after a run: never written to docs/.
const VIEWS = 'test-results/screenshots';

/** The UTC day `days` from today, "YYYY-MM-DD" (the pictures are taken in UTC). */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Milliseconds from navigation start to the composer's first interactive render (a mark the app sets). */
async function composerReadyMs(page: Page): Promise<number> {
  const value = await page.evaluate(() => performance.getEntriesByName('composer-ready')[0]?.startTime ?? -1);
  assert.ok(value >= 0, 'the app marks composer-ready');
  return value;
}

describe('main screen screenshots and timing', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();
  before(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  it('saves docs/screenshots/desktop.png and measures load to an interactive composer', async (t) => {
    t.diagnostic(`screenshots go to ${SCREENSHOTS} (UPDATE_SCREENSHOTS=1 rewrites docs/screenshots)`);
    await withPage(t, suite.browser, async (page) => {
      await new AuthPage(page).open(suite.app.url);
      await new AuthPage(page).signUp(user);
      const chat = new ChatPage(page);
      const tasks = new TaskPanel(page);
      assert.equal(await createTaskViaApi(page, { title: 'renew passport', due_at: daysFromNow(-2) }), 201); // overdue
      for (const text of ['add buy milk #groceries', 'call mom tomorrow at 5pm p1', 'water the plants every monday', 'add report #work medium priority']) {
        await chat.send(text);
      }
      await tasks.toggle('buy milk');
      await chat.send('what is still pending?');

      const samples: number[] = [];
      const wallClock: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = Date.now();
        await page.reload();
        await chat.waitUntilReady();
        wallClock.push(Date.now() - started);
        samples.push(await composerReadyMs(page));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
      const metrics = { composerReadyMs: Math.round(median(samples)), reloadToReadyWallMs: median(wallClock), samples: samples.map(Math.round) };
      t.diagnostic(`load → interactive composer: ${JSON.stringify(metrics)}`);
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/ui-metrics.json', `${JSON.stringify(metrics, null, 2)}\n`);
      assert.ok(metrics.composerReadyMs < 5000, 'the composer is usable within 5 s of navigation');

      await tasks.item('water the plants').getByTestId('task-repeat').waitFor();
      await page.mouse.move(0, 0); // no hover highlight in the picture
      await page.screenshot({ path: `${SCREENSHOTS}/desktop.png` });
    }, STABLE);
  });

  it('saves docs/screenshots/phone.png and phone-tasks.png at phone width', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        await new AuthPage(page).open(suite.app.url);
        await new AuthPage(page).signIn(user);
        const chat = new ChatPage(page);
        await chat.waitUntilReady();
        await page.getByTestId('toggle-conversations').click();
        await new ConversationSidebar(page).open(0);
        await chat.replies.last().waitFor();
        assert.equal(await page.getByTestId('task-panel').isVisible(), false, 'the task panel is a closed drawer on a phone');
        await page.waitForTimeout(300); // let the drawer finish sliding away
        await page.screenshot({ path: `${SCREENSHOTS}/phone.png` });

        await page.getByTestId('toggle-tasks').click();
        const tasks = new TaskPanel(page);
        await tasks.item('call mom').getByTestId('task-priority').waitFor();
        await page.getByTestId('task-filters-toggle').click();
        await page.waitForTimeout(300); // let the drawer finish sliding in
        const overflow = await tasks.root.evaluate((panel) => panel.scrollWidth - panel.clientWidth);
        assert.equal(overflow, 0, 'the task panel with its filters open fits a phone without scrolling sideways');
        await page.screenshot({ path: `${SCREENSHOTS}/phone-tasks.png` });
      },
      { ...STABLE, ...PHONE },
    );
  });

  it('saves pictures of Undo (a reply, the toast) and History (activity, recently deleted) at desktop and phone size', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await new AuthPage(page).open(suite.app.url);
      await new AuthPage(page).signIn(user);
      const chat = new ChatPage(page);
      const tasks = new TaskPanel(page);
      await new ConversationSidebar(page).open(0);
      await chat.replies.last().waitFor();
      await chat.undoReply(2); // "water the plants every monday"
      await tasks.remove('report');
      await new Toast(page).waitFor(/Deleted/);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${VIEWS}/undo-desktop.png` });
    }, STABLE);
    await withPage(
      t,
      suite.browser,
      async (page) => {
        await new AuthPage(page).open(suite.app.url);
        await new AuthPage(page).signIn(user);
        const history = new HistoryDialog(page);
        await history.open();
        await page.screenshot({ path: `${VIEWS}/history-activity-phone.png` });
        await history.showTrash();
        await page.screenshot({ path: `${VIEWS}/history-trash-phone.png` });
        await history.close();
        await page.getByTestId('toggle-tasks').click();
        await new TaskPanel(page).toggle('call mom');
        await new Toast(page).waitFor(/Completed/);
        await page.waitForTimeout(300); // let the drawer finish sliding in
        await page.screenshot({ path: `${VIEWS}/undo-toast-phone.png` });
      },
      { ...STABLE, ...PHONE },
    );
  });
});
