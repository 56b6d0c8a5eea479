// Reminders and notifications in the browser: a reminder set from chat and one set in the task editor fire (the
// scheduler runs with a short poll), the toast says so, the bell counts it, the dialog lists it and marks it read;
// the browser's Notification while the tab is hidden; the notification settings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Scheduler } from '../../src/notify/scheduler.js';
import type { TestApp } from '../helpers/test-app.js';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { Notifications } from './pages/notifications.js';
import { TaskPanel } from './pages/task-panel.js';
import { Toast } from './pages/toast.js';
import { createTaskViaApi } from './support/api.js';
import { assertAccessible } from './support/axe.js';
import { eventually, newUser, withPage } from './support/app.js';
import { launchBrowser, SKIP_BROWSER } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';

const DESKTOP = { locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } } as const;
const PHONE = { locale: 'en-US', timezoneId: 'Europe/Paris', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
/** How long a reminder a few seconds ahead may take to reach the page: its time, the 200 ms poll, the stream. */
const FIRES_WITHIN_MS = 20_000;
/** Where the screenshots of the bell and the dialog go when NOTIFICATION_SCREENSHOTS names a directory. */
const SHOTS = process.env.NOTIFICATION_SCREENSHOTS;
/**
 * Runs in the page before the app: records each Notification the page shows (through the real API, which the
 * test grants) and lets the test hide the tab (headless Chromium never does).
 */
const RECORD_NOTIFICATIONS = `
  const shown = [];
  Object.defineProperty(window, 'shownNotifications', { value: shown });
  const Real = window.Notification;
  class Recording extends Real {
    constructor(title, options) {
      super(title, options);
      shown.push({ title, tag: (options && options.tag) || '' });
    }
  }
  Object.defineProperty(window, 'Notification', { value: Recording });
  let hidden = false;
  Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(window, 'hideTab', { value: () => { hidden = true; } });
`;

describe('reminders and notifications in the browser', { skip: SKIP_BROWSER }, () => {
  let app: (TestApp & { url: string }) | undefined;
  let browser: Browser | undefined;
  let scheduler: Scheduler | undefined;
  before(async () => {
    await ensureWebBuild();
    const { startTestServer } = await import('../helpers/server.js');
    app = await startTestServer();
    // The scheduler main.ts starts, polling often so a reminder seconds ahead fires within the test.
    scheduler = app.deps.startScheduler({ pollMs: 200 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await scheduler?.stop();
    await app?.close();
  });
  const started = () => {
    if (!app || !browser) throw new Error('the app and browser start before the tests');
    return { url: app.url, browser };
  };

  async function signUp(page: Page, name: string): Promise<void> {
    const auth = new AuthPage(page);
    await auth.open(started().url);
    await auth.signUp(newUser(name));
    await new ChatPage(page).waitUntilReady();
  }

  it('a reminder set from chat fires: the toast says it, the bell counts it, the dialog lists it and marks it read', async (t) => {
    await withPage(
      t,
      started().browser,
      async (page) => {
        await signUp(page, 'Remi');
        const notifications = new Notifications(page);
        assert.equal(await notifications.bellName(), 'Notifications, 0 unread');
        const reply = await new ChatPage(page).send('remind me to stretch in 5 seconds');
        assert.match(reply, /stretch/i);
        await new TaskPanel(page).item('stretch').getByTestId('task-reminders').waitFor();

        assert.match(await new Toast(page).waitFor(/stretch/i), /^Reminder: stretch$/i, 'the toast says the reminder as it arrives');
        await eventually(async () => assert.equal(await notifications.bellName(), 'Notifications, 1 unread'), FIRES_WITHIN_MS);
        assert.equal(await notifications.bell.getByTestId('notification-count').innerText(), '1');

        await notifications.open();
        assert.equal(await notifications.items.count(), 1);
        const row = notifications.item('stretch');
        assert.equal(await row.getAttribute('data-read'), 'false');
        assert.equal(await row.getAttribute('data-late'), 'false');
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/notifications-desktop.png` });
        // With an unread row: its "Mark read" button's name must contain what it shows (voice control users say it).
        await assertAccessible(page, 'the notifications dialog with an unread reminder');
        await notifications.markRead('stretch');
        await notifications.close();
        assert.equal(await notifications.bellName(), 'Notifications, 0 unread');
        assert.equal(await notifications.bell.getByTestId('notification-count').count(), 0);

        await page.reload();
        await notifications.bell.waitFor();
        assert.equal(await notifications.bellName(), 'Notifications, 0 unread', 'read stays read after a reload');
      },
      DESKTOP,
    );
  });

  it('a reminder added in the task editor ("at the due time") fires on a phone too, and the bell shows on the task', async (t) => {
    await withPage(
      t,
      started().browser,
      async (page) => {
        await signUp(page, 'Edie');
        // Due 12 s from now, to the second (REST takes an ISO instant): the editor's "At the due time" fires then.
        assert.equal(await createTaskViaApi(page, { title: 'take the bread out', due_at: new Date(Date.now() + 12_000).toISOString() }), 201);
        await page.getByTestId('toggle-tasks').click();
        const tasks = new TaskPanel(page);
        await tasks.reload();
        await tasks.item('take the bread out').getByTestId('task-rename').click();
        const editor = tasks.editor.getByTestId('reminder-editor');
        await editor.getByTestId('reminder-kind').selectOption('due');
        await editor.getByTestId('reminder-add').click();
        assert.deepEqual(await editor.getByTestId('reminder-item').allInnerTexts(), ['At the due time']);
        const saved = page.waitForRequest((r) => r.method() === 'PUT' && /\/tasks\/\d+$/.test(r.url()));
        await tasks.editor.getByTestId('task-edit-save').click();
        assert.deepEqual((await saved).postDataJSON(), { reminders: [{ minutes_before: 0 }] }, 'only the reminders are sent');
        const bell = tasks.item('take the bread out').getByTestId('task-reminders');
        await bell.waitFor();
        assert.equal((await bell.textContent())?.replace(/\s+/g, ' ').trim(), 'Reminder: At the due time', 'the bell says the reminder to screen readers');
        await page.keyboard.press('Escape'); // closes the drawer

        const notifications = new Notifications(page);
        assert.equal(await new Toast(page).waitFor(/^Reminder/), 'Reminder: take the bread out', 'the reminder replaces the "Updated" toast');
        await eventually(async () => assert.equal(await notifications.bellName(), 'Notifications, 1 unread'), FIRES_WITHIN_MS);
        await new Toast(page).dismissButton.click();
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/notifications-phone-bell.png` });
        await notifications.open();
        await notifications.item('take the bread out').waitFor();
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/notifications-phone.png` });
      },
      PHONE,
    );
  });

  it('a past reminder is refused in the editor with the server’s reason, and the focus goes to the reminders', async (t) => {
    await withPage(
      t,
      started().browser,
      async (page) => {
        await signUp(page, 'Paz');
        assert.equal(await createTaskViaApi(page, { title: 'old errand', due_at: '2020-01-01T09:00' }), 201);
        const tasks = new TaskPanel(page);
        await tasks.reload();
        await tasks.item('old errand').getByTestId('task-rename').click();
        const editor = tasks.editor.getByTestId('reminder-editor');
        await editor.getByTestId('reminder-kind').selectOption('before');
        await editor.getByTestId('reminder-minutes').fill('30');
        await editor.getByTestId('reminder-minutes').press('Enter');
        assert.deepEqual(await editor.getByTestId('reminder-item').allInnerTexts(), ['30 minutes before'], 'Enter adds the reminder');
        await tasks.editor.getByTestId('task-edit-save').click();
        const error = editor.getByTestId('reminder-error');
        await error.waitFor();
        assert.match(await error.innerText(), /has passed/);
        assert.equal(await editor.getByTestId('reminder-kind').getAttribute('aria-invalid'), 'true');
        await eventually(async () => assert.equal(await editor.getByTestId('reminder-kind').evaluate((el) => el === el.ownerDocument.activeElement), true));
      },
      DESKTOP,
    );
  });

  it('“Notify me in this browser” asks for permission from the click; a reminder arriving while the tab is hidden shows a Notification', async (t) => {
    await withPage(
      t,
      started().browser,
      async (page) => {
        await page.context().grantPermissions(['notifications']);
        // Record what the page shows through the real Notification API, and let the test hide the tab.
        await page.addInitScript({ content: RECORD_NOTIFICATIONS });
        await signUp(page, 'Nora');
        const notifications = new Notifications(page);
        await notifications.open();
        assert.equal(await notifications.alerts.getAttribute('data-status'), 'off');
        assert.equal(await notifications.alerts.getAttribute('data-push'), 'true', 'the server has a VAPID key: push is offered');
        const subscribed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/push-subscriptions'));
        subscribed.catch(() => undefined); // headless Chromium may have no push service: then the error line below says so
        await notifications.alerts.getByTestId('browser-alerts-on').click();
        await notifications.alerts.and(page.locator('[data-status="on"]')).waitFor();
        // A browser with a push service subscribes and the server keeps it; one without (headless Chromium here)
        // keeps the in-page notifications on and says the closed-tab part failed.
        const refused = notifications.alerts.getByRole('alert');
        const outcome = await Promise.race([subscribed.then((r) => r), refused.waitFor().then(() => 'refused' as const)]);
        if (outcome === 'refused') assert.match(await refused.innerText(), /work while this tab is open, but not when it is closed/);
        else assert.equal(outcome.status(), 201, 'the service worker subscribed with the VAPID key and the server kept it');
        await notifications.close();

        await page.evaluate('window.hideTab()');
        assert.equal(await createTaskViaApi(page, { title: 'feed the cat', due_at: new Date(Date.now() + 3000).toISOString(), reminders: [{ minutes_before: 0 }] }), 201);
        const shown = await eventually(async () => {
          const list = (await page.evaluate('window.shownNotifications')) as { title: string; tag: string }[];
          assert.equal(list.length, 1);
          return list;
        }, FIRES_WITHIN_MS);
        assert.equal(shown[0]?.title, 'feed the cat');
        assert.match(shown[0]?.tag ?? '', /^notification-\d+$/, 'tagged like the push one, so it shows once');
      },
      DESKTOP,
    );
  });

  it('the settings keep the daily digest time, a webhook URL (showing its signing secret) and e-mail', async (t) => {
    await withPage(
      t,
      started().browser,
      async (page) => {
        await signUp(page, 'Seth');
        const notifications = new Notifications(page);
        await notifications.open();
        await notifications.showSettings();
        const form = notifications.settings;
        assert.equal(await form.getByTestId('digest-enabled').isChecked(), false, 'the digest is off by default');
        assert.equal(await form.getByTestId('digest-time').isDisabled(), true);
        assert.equal(await form.getByTestId('webhook-secret').count(), 0);
        await form.getByTestId('digest-enabled').check();
        await form.getByTestId('digest-time').fill('07:30');
        await form.getByTestId('webhook-url').fill('https://ntfy.example.test/my-tasks');
        await form.getByTestId('email-notifications').check();
        const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/settings'));
        assert.equal(await notifications.saveSettings(), 'Settings saved.');
        assert.deepEqual((await put).postDataJSON(), { digest_time: '07:30', webhook_url: 'https://ntfy.example.test/my-tasks', email_notifications: true });
        assert.match(await form.getByTestId('webhook-secret').innerText(), /^\S{16,}$/, 'the signing secret shows once a URL is set');

        await notifications.close();
        await page.reload();
        await notifications.open();
        await notifications.showSettings();
        assert.equal(await form.getByTestId('digest-time').inputValue(), '07:30');
        assert.equal(await form.getByTestId('webhook-url').inputValue(), 'https://ntfy.example.test/my-tasks');
        assert.equal(await form.getByTestId('email-notifications').isChecked(), true);

        await form.getByTestId('webhook-url').fill('not a url');
        await form.getByTestId('notification-settings-save').click();
        assert.equal(await form.getByTestId('webhook-url').evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid), false, 'the browser checks the URL first');
      },
      DESKTOP,
    );
  });
});
