// The browser's place for the date tests: a zone that is not the server's UTC default, so a UI that forgot to
// send it gets the wrong "tomorrow", and a locale whose date style the tests can read.
import type { BrowserContextOptions } from 'playwright-core';

/** The browser's time zone in the date tests. */
export const ZONE = 'Europe/Paris';

/** Context options: Paris, British English. */
export const PARIS_BROWSER: BrowserContextOptions = { timezoneId: ZONE, locale: 'en-GB' };

/** Today's date ("YYYY-MM-DD") in ZONE. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The day `days` after `day` ("YYYY-MM-DD"). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The weekday of a "YYYY-MM-DD" (0 = Sunday). */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
