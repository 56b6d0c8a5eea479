// Launching Debian's Chromium for the browser tests, or a clear reason to skip them.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (override with CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or false when they can. */
export const SKIP_BROWSER: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `chromium not installed at ${CHROMIUM_PATH}: apt-get install chromium`;

/** A host name that reaches the test server but is not one of its origins (a page opened at an unexpected address). */
export const FOREIGN_HOST = 'todo-elsewhere.test';

const ARGS = [
  `--host-resolver-rules=MAP ${FOREIGN_HOST} 127.0.0.1`,
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts a headless Chromium with flags that keep it off the network except for the test server. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
