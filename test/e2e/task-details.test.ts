// Task details in the browser: due dates, priority, repeats, tags, overdue, and the panel's filters and sort.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { TaskPanel } from './pages/task-panel.js';
import { createTaskViaApi } from './support/api.js';
import { eventually, newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';
import { addDays, PARIS_BROWSER, today, weekday, ZONE } from './support/paris.js';

const BROWSER = PARIS_BROWSER;
const SETTINGS = /\/api\/[^/]+\/settings$/;
const plain = (title: string) => title.replace(/^#\d+\s*/, '').trim().toLowerCase();
const isList = (url: string) => /\/api\/[^/]+\/tasks\?/.test(url);

describe('task details in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  async function signUp(page: Page): Promise<void> {
    await new AuthPage(page).open(suite.app.url);
    await new AuthPage(page).signUp(newUser('Kim'));
  }

  it('adds "call mom tomorrow p1" by chat and shows tomorrow and high priority; completing a weekly task brings the next Monday', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const chat = new ChatPage(page);
        const tasks = new TaskPanel(page);
        const settings = page.waitForResponse((r) => r.request().method() === 'PUT' && SETTINGS.test(r.url()));
        await signUp(page);
        const saved = await settings;
        assert.deepEqual(saved.request().postDataJSON(), { timezone: ZONE, locale: 'en-GB' }, 'the UI sends the browser time zone and locale after sign-in');
        assert.ok(saved.ok(), `PUT settings answered ${saved.status()}`);

        const chatRequest = page.waitForRequest((r) => r.method() === 'POST' && /\/chat$/.test(r.url()));
        const before = today();
        const reply = await chat.send('call mom tomorrow p1');
        const body: unknown = (await chatRequest).postDataJSON();
        assert.ok(typeof body === 'object' && body !== null && 'timezone' in body && body.timezone === ZONE, 'each chat turn carries the time zone');
        assert.ok('locale' in body && body.locale === 'en-GB', 'each chat turn carries the locale');
        const call = tasks.item('call mom');
        const details = await eventually(async () => {
          const shown = await tasks.details(call);
          assert.equal(shown.priority, 'High priority');
          return shown;
        });
        const tomorrow = [addDays(before, 1), addDays(today(), 1)]; // the turn may straddle midnight
        assert.ok(tomorrow.some((day) => details.dueAt.startsWith(day)), `due ${details.dueAt}, expected ${tomorrow.join(' or ')}`);
        assert.equal(details.dueBadge, 'Tomorrow');
        assert.match(details.dueLabel ?? '', /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}$/, 'en-GB: "Fri 27 Nov"');
        assert.ok(reply.includes(details.dueLabel ?? '?'), `the reply writes the date as the panel does: "${reply}" / "${details.dueLabel}"`);
        assert.equal(details.overdue, false);
        assert.deepEqual((await tasks.titles()).map(plain), ['call mom'], 'the date and priority words are not in the title');

        await chat.send('water plants every monday');
        const first = await eventually(async () => {
          const shown = await tasks.details(tasks.item('water plants', { completed: false }));
          assert.equal(shown.repeat, 'Every Monday');
          return shown;
        });
        const firstDue = first.dueAt.slice(0, 10);
        assert.equal(weekday(firstDue), 1, `the first occurrence (${first.dueAt}) is a Monday`);

        await tasks.toggle('water plants', { completed: false });
        await eventually(async () => assert.equal(await tasks.item('water plants').count(), 2, 'the record and the next occurrence'));
        for (const reload of [false, true]) {
          if (reload) {
            await page.reload();
            await tasks.item('water plants', { completed: false }).waitFor();
          }
          const done = await tasks.details(tasks.item('water plants', { completed: true }));
          const next = await tasks.details(tasks.item('water plants', { completed: false }));
          assert.equal(done.dueAt.slice(0, 10), firstDue, 'the completed one keeps its date');
          assert.equal(await tasks.item('water plants', { completed: true }).getByTestId('task-toggle').isChecked(), true);
          assert.equal(next.dueAt.slice(0, 10), addDays(firstDue, 7), 'the next one is due the following Monday');
          assert.equal(next.repeat, 'Every Monday');
          assert.match(next.dueLabel ?? '', /^Mon\b/);
          assert.equal(next.completed, false);
        }
      },
      BROWSER,
    );
  });

  it('filters by priority, tag, text and overdue, sorts by due date, highlights overdue tasks and edits details', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const chat = new ChatPage(page);
        const tasks = new TaskPanel(page);
        await signUp(page);
        await chat.send('call mom tomorrow p1');
        await chat.send('add report #work high priority');
        await chat.send('add buy milk');
        assert.equal(await createTaskViaApi(page, { title: 'pay rent', due_at: '2020-01-01' }), 201);
        await tasks.reload();
        await eventually(async () => assert.equal(await tasks.items.count(), 4));

        const rent = await tasks.details(tasks.item('pay rent'));
        assert.equal(rent.overdue, true);
        assert.match(await tasks.item('pay rent').getByTestId('task-due').innerText(), /Overdue/, 'said to screen readers, not only shown in red');
        assert.equal(await tasks.overdueCount.innerText(), '1 overdue');
        assert.deepEqual((await tasks.details(tasks.item('report'))).tags, ['work']);

        await tasks.sortBy('due');
        await eventually(async () => assert.deepEqual((await tasks.titles()).slice(0, 2).map(plain), ['pay rent', 'call mom']));

        const listed = page.waitForRequest((r) => isList(r.url()) && r.url().includes('priority=high'));
        await tasks.setFilters({ priority: 'high' });
        assert.match((await listed).url(), /sort=due/, 'filters and sort go to the server together');
        await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['call mom', 'report']));
        await tasks.clearFilters();

        await tasks.search('rent');
        await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['pay rent']));
        await tasks.clearFilters();
        await eventually(async () => assert.equal(await tasks.items.count(), 4));

        await tasks.item('report').getByTestId('task-tag').click();
        await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['report']));
        await tasks.item('report').getByTestId('task-tag').click(); // the active tag again clears it
        await eventually(async () => assert.equal(await tasks.items.count(), 4));

        await tasks.setFilters({ overdue: true });
        await eventually(async () => assert.deepEqual((await tasks.titles()).map(plain), ['pay rent']));
        await tasks.toggle('pay rent');
        await tasks.empty.waitFor();
        assert.match(await tasks.empty.innerText(), /No tasks match/);
        await tasks.root.getByTestId('tasks-empty-clear').click();
        await eventually(async () => assert.equal(await tasks.items.count(), 4));

        const day = addDays(today(), 1);
        await tasks.editDetails('buy milk', { due: day, priority: 'medium' });
        const edited = async () => {
          const milk = await tasks.details(tasks.item('buy milk'));
          assert.equal(milk.dueAt.slice(0, 10), day);
          assert.equal(milk.priority, 'Medium priority');
          assert.equal(milk.dueBadge, 'Tomorrow');
        };
        await eventually(edited);
        await page.reload();
        await tasks.item('buy milk').waitFor();
        await eventually(edited);
      },
      BROWSER,
    );
  });

  it('ignores a 404 from a server without the settings route, sends the zone alone to one without locale, and shows any other failure with Retry', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const failWith = (status: number) =>
          page.route(SETTINGS, (route) =>
            route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error: { code: `HTTP_${status}`, message: 'Settings are broken' } }) }),
          );
        const banner = page.getByTestId('settings-error-banner');
        await failWith(404);
        const ignored = page.waitForEvent('console', (message) => message.text().includes('no settings route'));
        await signUp(page);
        await ignored;
        assert.equal(await banner.count(), 0, 'an older server without the route is not an error');

        // A server from before `locale` refuses the field by name: the time zone alone is sent again.
        await page.unroute(SETTINGS);
        const sent: unknown[] = [];
        await page.route(SETTINGS, async (route) => {
          const body: unknown = route.request().postDataJSON();
          sent.push(body);
          if (typeof body === 'object' && body !== null && 'locale' in body) {
            const error = { code: 'VALIDATION_FAILED', message: 'body has unknown field(s): locale' };
            return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error }) });
          }
          return route.continue();
        });
        const zoneOnly = page.waitForEvent('console', (message) => message.text().includes('does not keep a locale'));
        await page.reload();
        await zoneOnly;
        assert.deepEqual(sent, [{ timezone: ZONE, locale: 'en-GB' }, { timezone: ZONE }]);
        assert.equal(await banner.count(), 0);

        await page.unroute(SETTINGS);
        await failWith(500);
        await page.reload();
        await banner.waitFor();
        assert.match(await banner.innerText(), /time zone \(Europe\/Paris\).*Settings are broken/);

        await page.unroute(SETTINGS);
        const retried = page.waitForResponse((r) => r.request().method() === 'PUT' && SETTINGS.test(r.url()));
        await page.getByTestId('settings-error-banner-retry').click();
        assert.ok((await retried).ok());
        await banner.waitFor({ state: 'detached' });
      },
      BROWSER,
    );
  });
});
