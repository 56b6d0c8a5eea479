// The task panel's own ways to add and change tasks: quick add (chat phrasing, previewed as chips) and the full
// editor (every detail), each refusal said next to its field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { TaskPanel } from './pages/task-panel.js';
import { eventually, hasFocus, newUser, withPage, useBrowserApp } from './support/app.js';
import { SKIP_BROWSER } from './support/browser.js';
import { addDays, PARIS_BROWSER as BROWSER, today, weekday } from './support/paris.js';

const PARSE = /\/api\/[^/]+\/tasks\/parse$/;
const LINE = 'call mom friday 5pm p1 #family every week';

describe('quick add and the task editor in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  async function signUp(page: Page): Promise<void> {
    await new AuthPage(page).open(suite.app.url);
    await new AuthPage(page).signUp(newUser('Quinn'));
  }

  it('quick add previews "call mom friday 5pm p1 #family every week" as chips, drops a stale preview, and Enter creates the task with those details', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = new TaskPanel(page);
        await signUp(page);
        assert.equal(await page.getByRole('textbox', { name: 'Quick add a task' }).count(), 1, 'the field is labelled');
        assert.equal(await page.getByTestId('quick-add-preview').getAttribute('role'), 'status', 'the chips are announced politely');

        // A slow answer for an older line must not replace the chips of the line typed since: it is cancelled.
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(PARSE, async (route) => {
          if (route.request().postDataJSON()?.text === 'buy milk') await held;
          await route.continue().catch((error: unknown) => t.diagnostic(`stale preview cancelled: ${String(error)}`));
        });
        const stale = page.waitForRequest((r) => PARSE.test(r.url()) && r.postDataJSON()?.text === 'buy milk');
        await tasks.quickAddInput.fill('buy milk');
        const staleRequest = await stale;
        const cancelled = page.waitForEvent('requestfailed', (r) => r === staleRequest);
        const chips = await tasks.previewQuickAdd(LINE);
        await cancelled;
        release();
        assert.deepEqual(
          chips.map(([kind]) => kind),
          ['title', 'due', 'priority', 'tag', 'repeat'],
        );
        const shown = Object.fromEntries(chips);
        assert.equal(shown.title, 'Call mom');
        assert.match(shown.due ?? '', /^Fri \d{1,2} [A-Z][a-z]{2}, 17:00$/, 'the date in the one date style (en-GB)');
        assert.equal(shown.priority, 'High priority');
        assert.equal(shown.tag, '#family');
        assert.equal(shown.repeat, 'Every week');
        assert.equal(await tasks.items.count(), 0, 'nothing is created before Enter');

        const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/[^/]+\/tasks$/.test(r.url()));
        await tasks.quickAddInput.press('Enter');
        const response = await created;
        assert.equal(response.status(), 201);
        const sent: unknown = response.request().postDataJSON();
        assert.ok(typeof sent === 'object' && sent !== null);
        assert.deepEqual(Object.keys(sent).sort(), ['description', 'due_at', 'priority', 'repeat', 'tags', 'title']);
        await tasks.item('Call mom').waitFor();
        assert.equal(await tasks.quickAddInput.inputValue(), '', 'the field is cleared');
        assert.match(await page.getByTestId('quick-add-added').innerText(), /Added “Call mom”/);
        const row = await tasks.details(tasks.item('Call mom'));
        assert.equal(row.dueLabel, shown.due, 'the row shows the date the chip promised');
        assert.match(row.dueAt, /T17:00:00\+0[12]:00$/, `due at 17:00 Paris time: ${row.dueAt}`);
        assert.equal(weekday(row.dueAt.slice(0, 10)), 5, 'on a Friday');
        assert.equal(row.priority, 'High priority');
        assert.deepEqual(row.tags, ['family']);
        assert.equal(row.repeat, 'Every week');
      },
      BROWSER,
    );
  });

  it('quick add says next to the field why a line cannot be added: no title, or the server refusing it', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const tasks = new TaskPanel(page);
        await signUp(page);
        await tasks.quickAddInput.fill('p1 tomorrow');
        await tasks.quickAddInput.press('Enter');
        await tasks.quickAddError.waitFor();
        // Enter beat the typing preview's 250 ms pause; the preview read it cancelled must not land later and clear the refusal.
        await page.waitForTimeout(800);
        assert.match(await tasks.quickAddError.innerText({ timeout: 1000 }), /no task in that yet/);
        assert.equal(await tasks.quickAddInput.getAttribute('aria-invalid'), 'true');

        await tasks.quickAddInput.fill(`buy ${'milk '.repeat(220)}`);
        await tasks.quickAddError.filter({ hasText: '1000' }).waitFor();
        assert.match(await tasks.quickAddError.innerText(), /^Text must be at most 1000 characters/, "the server's own message");
        assert.equal(await tasks.items.count(), 0);
      },
      BROWSER,
    );
  });

  it('the full editor changes title, description, due day and time, priority, tags and repeat, shows the description, and clears them again', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const chat = new ChatPage(page);
        const tasks = new TaskPanel(page);
        await signUp(page);
        await chat.send('add buy milk');
        const day = addDays(today(), 1);
        const saved = page.waitForRequest((r) => r.method() === 'PUT' && /\/tasks\/\d+$/.test(r.url()));
        await tasks.editDetails('buy milk', {
          title: 'Buy oat milk',
          description: 'the barista one',
          due: day,
          time: '08:30',
          priority: 'low',
          tags: '#Groceries, errands',
          repeat: 'weekly',
        });
        assert.deepEqual((await saved).postDataJSON(), {
          title: 'Buy oat milk',
          description: 'the barista one',
          due_at: `${day}T08:30`,
          priority: 'low',
          tags: ['groceries', 'errands'],
          repeat: 'weekly',
        });
        const edited = async () => {
          const row = await tasks.details(tasks.item('Buy oat milk'));
          assert.equal(row.description, 'the barista one', 'the description is shown on the task');
          assert.ok(row.dueAt.startsWith(`${day}T08:30`), row.dueAt);
          assert.match(row.dueLabel ?? '', /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, 8:30$/);
          assert.equal(row.dueBadge, 'Tomorrow');
          assert.equal(row.priority, 'Low priority');
          assert.deepEqual(row.tags, ['errands', 'groceries']);
          assert.equal(row.repeat, 'Every week');
        };
        await tasks.editor.waitFor({ state: 'detached' });
        await eventually(edited);
        await page.reload();
        await tasks.item('Buy oat milk').waitFor();
        await eventually(edited);

        const cleared = page.waitForRequest((r) => r.method() === 'PUT' && /\/tasks\/\d+$/.test(r.url()));
        await tasks.editDetails('Buy oat milk', { description: '', due: '', time: '', priority: '', tags: '', repeat: '' });
        assert.deepEqual((await cleared).postDataJSON(), { description: null, due_at: null, priority: null, tags: [], repeat: null });
        await eventually(async () => {
          const row = await tasks.details(tasks.item('Buy oat milk'));
          assert.deepEqual([row.description, row.dueAt, row.priority, row.tags, row.repeat], [null, '', null, [], null]);
        });
      },
      BROWSER,
    );
  });

  it('a title of only spaces is refused next to the field with the server\'s reason and the focus stays there (it used to vanish without a word)', async (t) => {
    await withPage(
      t,
      suite.browser,
      async (page) => {
        const chat = new ChatPage(page);
        const tasks = new TaskPanel(page);
        await signUp(page);
        await chat.send('add pay rent');
        await tasks.editDetails('pay rent', { title: '   ' });
        await tasks.editError.waitFor();
        assert.match(await tasks.editError.innerText(), /^Title must not be empty/);
        const input = tasks.editor.getByTestId('task-title-input');
        assert.equal(await hasFocus(input), true, 'the focus is back in the title');
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        assert.equal(await input.getAttribute('aria-describedby'), await tasks.editError.getAttribute('id'));

        await input.fill('Pay the rent');
        await input.press('Enter');
        await tasks.editor.waitFor({ state: 'detached' });
        await tasks.item('Pay the rent').waitFor();

        await tasks.item('Pay the rent').getByTestId('task-rename').click();
        await tasks.editor.getByTestId('task-title-input').press('Escape');
        await tasks.editor.waitFor({ state: 'detached' });
        assert.equal(
          await hasFocus(tasks.item('Pay the rent').getByTestId('task-rename')),
          true,
          'Escape gives the focus back to the edit button (it used to drop to the page)',
        );
      },
      BROWSER,
    );
  });
});
