// The first screen a visitor sees: what the app is, how to get an account, why a sign-up is refused, and the
// files that make it installable (manifest, icons, favicon).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthPage } from './pages/auth-page.js';
import { newUser, withPage, useBrowserApp } from './support/app.js';
import { FOREIGN_HOST, SKIP_BROWSER } from './support/browser.js';

const SIGN_UP = '**/api/auth/sign-up/email';
const BARE = /^\s*invalid origin\.?\s*$/i;

/** Answers sign-up with Better Auth's 403 shape: its own message and code, and the contract's error body. */
async function refuseSignUp(page: Page, message: string): Promise<void> {
  await page.route(SIGN_UP, (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ message, code: 'INVALID_ORIGIN', error: { code: 'FORBIDDEN', message } }),
    }),
  );
}

describe('the first screen in the browser', { skip: SKIP_BROWSER }, () => {
  const suite = useBrowserApp();

  it('says in one line what the app does, with examples, and switches to sign-up with one visible button', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const auth = new AuthPage(page);
      await auth.open(suite.app.url);
      assert.match(await auth.pitch.innerText(), /Manage your tasks by talking: “add buy milk tomorrow”, “what’s due this week\?”/);
      const toSignUp = auth.modeButton('sign-up');
      assert.equal(await toSignUp.innerText(), 'Create account');
      const box = await toSignUp.boundingBox();
      assert.ok(box && box.height >= 40 && box.width >= 100, `the switch is a real button, not small print: ${JSON.stringify(box)}`);
      await toSignUp.click();
      assert.equal(await auth.heading.innerText(), 'Create your account');
      assert.equal(await toSignUp.getAttribute('aria-pressed'), 'true');
      await page.getByTestId('auth-name').waitFor();
      await auth.modeButton('sign-in').click();
      assert.equal(await page.getByTestId('auth-name').count(), 0, 'sign-in asks no name');
    });
  });

  it('regression: signing up at another loopback spelling of the server (localhost for 127.0.0.1) was 403 "Invalid origin"; it works', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      const auth = new AuthPage(page);
      await auth.open(suite.app.url.replace('127.0.0.1', 'localhost'));
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-up/email'));
      await auth.submitSignUp(newUser('Lena'));
      assert.equal((await answered).status(), 200);
      await page.getByTestId('composer-input').waitFor();
    });
  });

  it('explains a sign-up refused for the page address instead of a bare "Invalid origin", and shows the server\'s own reason', async (t) => {
    // The real server, opened at an address that is none of its origins.
    const elsewhere = suite.app.url.replace('127.0.0.1', FOREIGN_HOST);
    await withPage(t, suite.browser, async (page) => {
      const auth = new AuthPage(page);
      await auth.open(elsewhere);
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-up/email'));
      await auth.submitSignUp(newUser('Olga'));
      assert.equal((await refused).status(), 403, 'the server refuses the foreign origin');
      await auth.error.waitFor();
      const shown = await auth.error.innerText();
      assert.doesNotMatch(shown, BARE);
      assert.match(shown, /127\.0\.0\.1:\d+|PUBLIC_URL/, `it says where to open the app: ${shown}`);

      await refuseSignUp(page, 'Invalid origin');
      await page.getByTestId('auth-submit').click();
      await auth.error.filter({ hasText: 'PUBLIC_URL' }).waitFor();
      assert.match(await auth.error.innerText(), new RegExp(`does not accept sign-ins from http://${FOREIGN_HOST}:\\d+.*PUBLIC_URL`));

      await page.unrouteAll();
      const named = `Open ${suite.app.url} to sign up: this address is not the one the server was set up with.`;
      await refuseSignUp(page, named);
      await page.getByTestId('auth-submit').click();
      await auth.error.filter({ hasText: 'Open ' }).waitFor();
      assert.equal(await auth.error.innerText(), named, "the server's message is shown as it is");
    });
  });

  it('links a web app manifest that loads with its icons, a real favicon.ico, an apple-touch-icon and a theme colour', async (t) => {
    await withPage(t, suite.browser, async (page) => {
      await new AuthPage(page).open(suite.app.url);
      const href = (rel: string) => page.locator(`link[rel="${rel}"]`).first().getAttribute('href');
      const manifestUrl = new URL((await href('manifest')) ?? 'missing', suite.app.url).href;
      const manifestResponse = await page.request.get(manifestUrl);
      assert.equal(manifestResponse.status(), 200, manifestUrl);
      const manifest: unknown = await manifestResponse.json();
      assert.ok(typeof manifest === 'object' && manifest !== null);
      assert.deepEqual(
        Object.fromEntries(['name', 'short_name', 'start_url', 'display', 'theme_color', 'background_color'].map((k) => [k, Reflect.get(manifest, k)])),
        { name: 'Todo Chat', short_name: 'Todo Chat', start_url: '/', display: 'standalone', theme_color: '#ffffff', background_color: '#f4f6f9' },
      );
      const icons: unknown = Reflect.get(manifest, 'icons');
      assert.ok(Array.isArray(icons));
      const wanted = [
        { sizes: '192x192', purpose: 'any', type: 'image/png' },
        { sizes: '512x512', purpose: 'any', type: 'image/png' },
        { sizes: '512x512', purpose: 'maskable', type: 'image/png' },
        { sizes: 'any', purpose: 'any', type: 'image/svg+xml' },
      ];
      for (const want of wanted) {
        const icon: unknown = icons.find((i: unknown) => Object.entries(want).every(([k, v]) => typeof i === 'object' && i !== null && Reflect.get(i, k) === v));
        assert.ok(typeof icon === 'object' && icon !== null, `an icon ${JSON.stringify(want)}`);
        const response = await page.request.get(new URL(String(Reflect.get(icon, 'src')), manifestUrl).href);
        assert.equal(response.status(), 200, JSON.stringify(want));
        const body = await response.body();
        if (want.type === 'image/png') {
          assert.equal(body.subarray(1, 4).toString('latin1'), 'PNG');
          const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)];
          assert.equal(`${width}x${height}`, want.sizes, 'the PNG is the size the manifest says');
        } else assert.match(body.toString('utf8'), /^<svg[^>]*viewBox="0 0 512 512"/);
      }

      const favicon = await page.request.get(new URL('/favicon.ico', suite.app.url).href);
      assert.equal(favicon.status(), 200);
      const ico = await favicon.body();
      assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'an ICO header (reserved 0, type 1 = icon)');
      assert.ok(ico.readUInt16LE(4) >= 1, 'with at least one image');
      assert.equal(ico.subarray(ico.readUInt32LE(18) + 1, ico.readUInt32LE(18) + 4).toString('latin1'), 'PNG', 'its first image is a PNG');

      for (const rel of ['icon', 'apple-touch-icon']) {
        const url = new URL((await href(rel)) ?? 'missing', suite.app.url).href;
        assert.equal((await page.request.get(url)).status(), 200, `${rel}: ${url}`);
      }
      assert.equal(await page.locator('meta[name="theme-color"]').count(), 2, 'a theme colour for light and dark');
    });
  });
});
