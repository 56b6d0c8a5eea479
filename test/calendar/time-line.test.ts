// The "Current date and time" line: what the chat turn writes, the engine reads back, in every zone,
// on every kind of day, across DST changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentTimeLine, readTimeLine } from '../../src/calendar/time-line.js';
import { offsetMinutes } from '../../src/calendar/zones.js';

const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const minute = (t: number): number => t - (((t % 60_000) + 60_000) % 60_000);

/** Instants around every change of UTC offset in a year (changes fall on whole hours UTC or within the hour before): each quarter hour for two hours either side. */
function aroundChanges(zone: string, year: number): number[] {
  const out: number[] = [];
  let previous = offsetMinutes(new Date(Date.UTC(year, 0, 1)), zone);
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 60 * 60_000) {
    const offset = offsetMinutes(new Date(t), zone);
    if (offset !== previous) for (let d = -120; d <= 120; d += 15) out.push(t + d * 60_000 + 7_000);
    previous = offset;
  }
  return out;
}

/** A spread of ordinary instants: every 11 days and 7 hours and 13 minutes over two years, with seconds. */
function spread(): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(2026, 0, 1, 0, 0, 42); t < Date.UTC(2028, 0, 1); t += ((11 * 24 + 7) * 60 + 13) * 60_000) out.push(t);
  return out;
}

const WEEKDAY = new Map<string, Intl.DateTimeFormat>();
const weekdayIn = (zone: string, instant: Date): string => {
  const format = WEEKDAY.get(zone) ?? new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: zone });
  WEEKDAY.set(zone, format);
  return format.format(instant);
};

test('round trip: the line read back gives the minute, the zone and the locale written, around every DST change of 2026', () => {
  let checked = 0;
  let ambiguous = 0;
  for (const zone of ZONES) {
    for (const t of [...aroundChanges(zone, 2026), ...spread()]) {
      const now = new Date(t);
      for (const locale of [null, 'en-US']) {
        const line = currentTimeLine(now, zone, locale);
        const read = readTimeLine(`You are a todo-list assistant.\n${line}`);
        assert.deepEqual(read, { now: new Date(minute(t)), timeZone: zone, ...(locale ? { locale } : {}) }, line);
        checked += 1;
        if (line.includes('UTC offset')) ambiguous += 1;
      }
      // The weekday written is the one of that day where the user is.
      assert.match(currentTimeLine(now, zone), new RegExp(`\\(${weekdayIn(zone, now)}\\), time zone`));
    }
  }
  assert.ok(checked > 2000, `${checked} lines checked`);
  assert.ok(ambiguous > 0, 'some instants fell in a repeated hour');
});

test('the line keeps the shape models and tests read; the offset sentence appears only in a repeated hour', () => {
  const paris = currentTimeLine(new Date('2026-11-26T22:05:30Z'), 'Europe/Paris', 'en-GB');
  assert.equal(paris, "Current date and time: 2026-11-26T23:05 (Thursday), time zone Europe/Paris. Write dates for the user's locale: en-GB.");
  assert.equal(currentTimeLine(new Date('2026-11-26T22:05:30Z'), 'Asia/Tokyo'), 'Current date and time: 2026-11-27T07:05 (Friday), time zone Asia/Tokyo.');
  // 02:30 happens twice in Berlin on 25 October 2026: first at +02:00, then at +01:00.
  assert.equal(currentTimeLine(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin'), 'Current date and time: 2026-10-25T02:30 (Sunday), time zone Europe/Berlin.');
  assert.equal(
    currentTimeLine(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin'),
    'Current date and time: 2026-10-25T02:30 (Sunday), time zone Europe/Berlin. The UTC offset is +01:00.',
  );
});

test('reading: no line, a date-time that does not exist, or an unknown zone', () => {
  assert.equal(readTimeLine('Manage the user’s tasks.'), null);
  assert.equal(readTimeLine(undefined), null);
  assert.equal(readTimeLine('Current date and time: 2026-13-45T99:00 (Someday), time zone UTC.'), null);
  assert.deepEqual(readTimeLine('Current date and time: 2026-11-26T23:05 (Thursday), time zone Nowhere/Land.'), {
    now: new Date('2026-11-26T23:05:00Z'),
    timeZone: 'UTC',
  });
});
