// Dates written for people, in their locale: the same style the web panel uses, so the chat and the
// task list agree ("Fri 27 Nov, 17:00" in en-GB, "Fri, Nov 27, 5:00 PM" in en-US).
import { localDue, type WallClock } from './clock.js';

/** The style dates are written in when the user has no locale (the web panel's default too). */
export const DEFAULT_LOCALE = 'en-GB';
const locales = new Map<string, string>();

/** The canonical form of a BCP 47 tag Intl can write dates in ("en-gb" -> "en-GB"), or null for a malformed or unknown one. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 ? canonical : null;
  } catch (error) {
    // RangeError: a malformed tag. That is the answer, not a failure.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The locale dates are written in: the tag canonicalised, or en-GB for none, a malformed tag or one Intl does not know. */
export function dateLocale(tag: string | null | undefined): string {
  if (!tag) return DEFAULT_LOCALE;
  let known = locales.get(tag);
  if (known === undefined) {
    known = canonicalLocale(tag) ?? DEFAULT_LOCALE;
    if (locales.size >= 256) locales.clear();
    locales.set(tag, known);
  }
  return known;
}

// Building a DateTimeFormat costs ~50 µs, formatting with one ~2 µs: one is kept per locale and shape.
const dueFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The panel's format: short weekday, day and month, the year only when asked, the time only for a
 * timed due — two-digit hours where the locale counts 24 of them, as in the panel. What it formats is
 * a wall reading written as UTC, so one formatter serves every time zone.
 */
function dueFormat(locale: string, withYear: boolean, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear ? 'y' : ''}|${withTime ? 't' : ''}`;
  let format = dueFormats.get(key);
  if (!format) {
    const cycle = withTime ? new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle : undefined;
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric', minute: '2-digit' } : {}),
      timeZone: 'UTC',
    });
    dueFormats.set(key, format);
  }
  return format;
}

/**
 * A due value in words, in the user's zone and locale: "Fri 27 Nov", "Fri 27 Nov, 17:00", with the
 * year only when it is not this year where the user is. Reads "YYYY-MM-DD", a local
 * "YYYY-MM-DDTHH:mm", or an ISO instant with an offset; anything else comes back as it is.
 */
export function writeDue(due: string, clock: WallClock, locale: string = DEFAULT_LOCALE): string {
  const local = localDue(due, clock);
  const date = local.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return due;
  const time = /T(\d{2}:\d{2})/.exec(local)?.[1];
  const wall = Date.parse(`${date}T${time ?? '12:00'}:00Z`);
  if (Number.isNaN(wall)) return due;
  return dueFormat(dateLocale(locale), date.slice(0, 4) !== clock.today.slice(0, 4), time !== undefined).format(wall);
}
