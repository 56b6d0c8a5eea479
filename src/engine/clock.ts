// The user's clock at the turn, as the engine uses it: the calendar's wall clock of their zone, and
// the locale dates are written for. Everything about zones, dates and their wording is in src/calendar.
import type { WallClock } from '../calendar/clock.js';
import { wallClock } from '../calendar/clock.js';
import { dateLocale } from '../calendar/format.js';

/** When and where the turn happens: the current instant, the user's IANA time zone and the locale dates are written for. */
export interface EngineContext {
  now: Date;
  timeZone: string;
  /** A BCP 47 tag ("en-GB", "en-US"); dates are written en-GB style without one. */
  locale?: string;
}

/** The user's wall clock at the turn, and the locale (en-GB when the one given is unknown). */
export interface Clock extends Readonly<WallClock> {
  readonly locale: string;
}

/** The user's clock for a context; an unknown time zone reads as UTC, an unknown locale as en-GB, an invalid date as the real clock. */
export function clockOf(ctx: EngineContext): Clock {
  // Every step of a turn is asked with the same context: the clock it got last is kept.
  const key = `${ctx.now.getTime()}|${ctx.timeZone}|${ctx.locale ?? ''}`;
  if (last?.key === key && !Number.isNaN(ctx.now.getTime())) return last.clock;
  const { timeZone, today, local, wall, now } = wallClock(ctx.now, ctx.timeZone);
  const clock: Clock = Object.freeze({ timeZone, today, local, wall, now, locale: dateLocale(ctx.locale) });
  last = { key, clock };
  return clock;
}

let last: { key: string; clock: Clock } | undefined;

const MINUTE_MS = 60_000;

/**
 * The current instant to the second, for "in 5 seconds": the context's, except that the chat's time line
 * gives only the minute, so when the context is the current minute the real clock gives its seconds.
 */
export function preciseNow(clock: Clock): number {
  const said = clock.now.getTime();
  const real = Date.now();
  return said % MINUTE_MS === 0 && real >= said && real < said + MINUTE_MS ? real : said;
}
