// Zones and local dates: one DST rule for the API, the domain and the engine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock } from '../../src/calendar/clock.js';
import { addDays, addMonths, parseLocal, shiftLocal, weekdayOf } from '../../src/calendar/local.js';
import { formatZoned, fromLocal, isTimeZone, startOfLocalDay, toLocal, wallTime, zonedInstant } from '../../src/calendar/zones.js';

const at = (local: string, zone: string): string => formatZoned(zonedInstant(local, zone), zone);

test('a wall time away from any DST change is one instant, read back the same', () => {
  assert.equal(zonedInstant('2026-11-26T23:05', 'Europe/Paris').toISOString(), '2026-11-26T22:05:00.000Z');
  assert.equal(zonedInstant('2026-03-28T09:00', 'Europe/Berlin').toISOString(), '2026-03-28T08:00:00.000Z');
  assert.equal(zonedInstant('2026-03-29T09:00', 'Europe/Berlin').toISOString(), '2026-03-29T07:00:00.000Z');
  assert.equal(wallTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin'), '2026-03-29T01:30');
  assert.equal(wallTime(new Date('2026-03-29T02:30:00Z'), 'Europe/Berlin'), '2026-03-29T04:30');
  assert.equal(at('2026-07-01T12:00:30', 'Asia/Kathmandu'), '2026-07-01T12:00:30+05:45');
});

test('a time the clocks skip is moved on by the jump, in zones east and west of UTC and with a 30-minute change', () => {
  assert.equal(at('2026-03-29T02:30', 'Europe/Berlin'), '2026-03-29T03:30:00+02:00');
  assert.equal(at('2026-03-08T02:30', 'America/New_York'), '2026-03-08T03:30:00-04:00');
  assert.equal(at('2026-10-04T02:15', 'Australia/Sydney'), '2026-10-04T03:15:00+11:00');
  assert.equal(at('2026-10-04T02:15', 'Australia/Lord_Howe'), '2026-10-04T02:45:00+11:00');
});

test('a time the clocks repeat is its first occurrence (regression: the domain and the engine both took the second)', () => {
  assert.equal(at('2026-10-25T02:30', 'Europe/Berlin'), '2026-10-25T02:30:00+02:00');
  assert.equal(at('2026-11-01T01:30', 'America/New_York'), '2026-11-01T01:30:00-04:00');
  assert.equal(at('2026-04-05T02:45', 'Australia/Sydney'), '2026-04-05T02:45:00+11:00');
  assert.equal(at('2026-04-05T01:50', 'Australia/Lord_Howe'), '2026-04-05T01:50:00+11:00');
  // Either side of the repeated hour is unambiguous.
  assert.equal(at('2026-10-25T01:59', 'Europe/Berlin'), '2026-10-25T01:59:00+02:00');
  assert.equal(at('2026-10-25T03:00', 'Europe/Berlin'), '2026-10-25T03:00:00+01:00');
});

test('every wall time of a year round-trips through its instant where it exists once (Berlin, New York, Lord Howe, Chatham)', () => {
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 97 * 60_000) {
      const instant = new Date(t - (t % 60_000));
      const local = wallTime(instant, zone);
      const back = zonedInstant(local, zone);
      // Back to the same instant, or (in a repeated hour) to the earlier one showing the same wall time.
      assert.equal(wallTime(back, zone), local, `${zone} ${instant.toISOString()}`);
      assert.ok(back.getTime() <= instant.getTime() && instant.getTime() - back.getTime() <= 3_600_000, `${zone} ${instant.toISOString()}`);
    }
  }
});

test('the start of a day whose midnight is skipped is the first minute it has (Santiago, Havana)', () => {
  assert.equal(formatZoned(startOfLocalDay(new Date('2026-09-06T12:00:00Z'), 'America/Santiago'), 'America/Santiago'), '2026-09-06T01:00:00-03:00');
  assert.equal(formatZoned(startOfLocalDay(new Date('2026-03-08T12:00:00Z'), 'America/Havana'), 'America/Havana'), '2026-03-08T01:00:00-04:00');
  assert.equal(formatZoned(startOfLocalDay(new Date('2026-11-26T22:05:00Z'), 'Europe/Paris'), 'Europe/Paris'), '2026-11-26T00:00:00+01:00');
});

test('zone names: known IANA names and UTC; anything else, empty or too long is not one', () => {
  for (const zone of ['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires']) assert.equal(isTimeZone(zone), true, zone);
  for (const zone of ['', 'Mars/Olympus', 'Europe/Paris '.repeat(6), 'not a zone']) assert.equal(isTimeZone(zone), false, zone);
  assert.throws(() => toLocal(new Date(), 'Mars/Olympus'), RangeError);
});

test('wallClock: an unknown zone reads as UTC, an invalid instant as the real clock', () => {
  assert.equal(wallClock(new Date('2026-11-26T22:05:00Z'), 'Mars/Olympus').local, '2026-11-26T22:05');
  assert.deepEqual(
    (({ timeZone, today, local }) => ({ timeZone, today, local }))(wallClock(new Date('2026-11-26T22:05:00Z'), 'Asia/Tokyo')),
    { timeZone: 'Asia/Tokyo', today: '2026-11-27', local: '2026-11-27T07:05' },
  );
  assert.equal(Number.isNaN(wallClock(new Date(NaN), 'UTC').now.getTime()), false);
});

test('local dates: impossible ones are refused; days, weeks and months move on the calendar, the 31st clamped', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '2026-11-27T24:00', '2026-11-27T10:60', '27/11/2026', '']) assert.equal(parseLocal(bad), null, bad);
  assert.deepEqual(parseLocal('2026-11-27T17:05:09'), { year: 2026, month: 11, day: 27, hour: 17, minute: 5, second: 9 });
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(weekdayOf('2026-11-26'), 4);
  assert.deepEqual([addMonths('2027-01-31', 1), addMonths('2027-01-31', 2), addMonths('2027-02-28', 1, 31), addMonths('2028-02-29', 12)], [
    '2027-02-28',
    '2027-03-31',
    '2027-03-31',
    '2029-02-28',
  ]);
  assert.deepEqual([shiftLocal('2026-11-27T17:00', 1, 'week'), shiftLocal('2027-01-31', 1, 'month'), shiftLocal('2026-11-27', -2, 'day')], [
    '2026-12-04T17:00',
    '2027-02-28',
    '2026-11-25',
  ]);
  assert.equal(fromLocal({ year: 2026, month: 11, day: 27, hour: 0, minute: 0, second: 0 }, 'UTC').toISOString(), '2026-11-27T00:00:00.000Z');
});
