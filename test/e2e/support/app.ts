// The server under test, pages that screenshot themselves on failure, and polling assertions.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ensureWebBuild } from './build.js';

/** A running server for the browser to talk to. */
export interface AppUnderTest {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the UI if needed and starts the real server on port 0 with a fresh database.
 * E2E_BASE_URL points the tests at a server that is already running instead.
 */
export async function startApp(): Promise<AppUnderTest> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { url: external.replace(/\/+$/, ''), close: async () => {} };
  await ensureWebBuild();
  const { startTestServer } = await import('../../helpers/server.js');
  return startTestServer();
}

/**
 * The server and a browser for the enclosing describe: started before its tests, closed after them. Call it in
 * the describe's body; read `app` and `browser` inside tests.
 */
export function useBrowserApp(): { readonly app: AppUnderTest; readonly browser: Browser } {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowserApp: the app and browser exist only inside tests');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
  };
}

const RESULTS = 'test-results';

function fileSafe(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Runs `body` in a fresh browser context; on failure saves a screenshot of every page to test-results/. */
export async function withContext(
  t: TestContext,
  browser: Browser,
  body: (context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  try {
    await body(context);
  } catch (error) {
    mkdirSync(RESULTS, { recursive: true });
    const pages = context.pages();
    for (const [index, page] of pages.entries()) {
      const file = path.join(RESULTS, `${fileSafe(t.fullName)}${pages.length > 1 ? `-${index + 1}` : ''}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch((cause: unknown) => t.diagnostic(`no screenshot: ${String(cause)}`));
      t.diagnostic(`screenshot saved to ${file}`);
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** `withContext` with one page, for the common case. */
export function withPage(
  t: TestContext,
  browser: Browser,
  body: (page: Page) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  return withContext(t, browser, async (context) => body(await context.newPage()), options);
}

/** Retries an assertion until it passes or the timeout ends (playwright-core has no `expect`). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Whether the element has the keyboard focus, as a keyboard or screen-reader user would find it. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === el.ownerDocument.activeElement);
}

let users = 0;

/** Credentials no other test (or earlier run against the same server) has used. */
export function newUser(label: string): { name: string; email: string; password: string } {
  users += 1;
  const unique = `${Date.now().toString(36)}${process.pid}${users}`;
  return { name: label, email: `${label.toLowerCase()}-${unique}@example.test`, password: 'correct-horse-battery' };
}
