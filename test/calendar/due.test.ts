// A due field read by the API the way the chat reads a date: one reader (chrono-node called in one place).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock } from '../../src/calendar/clock.js';
import { findDates } from '../../src/calendar/date-phrases.js';
import { formatDue, readDue } from '../../src/calendar/due.js';

const PARIS = 'Europe/Paris';
// Thursday 26 Nov 2026, 23:05 in Paris.
const NOW = new Date('2026-11-26T22:05:00Z');
const field = (text: string, zone = PARIS, now = NOW): string | null => {
  const due = readDue(text, zone, now);
  return due ? formatDue(due, zone) : null;
};

test('a due field and a chat message read the same words as the same date (regression: the API read them with chrono\'s defaults)', () => {
  const clock = wallClock(NOW, PARIS);
  const cases: [string, string][] = [
    // Each of these was read otherwise by the API before (05:00, 3 Dec, 26 Dec, 26 Nov 2027, Friday 00:00, 12 May, an error).
    ['tomorrow at 5', '2026-11-27T17:00:00+01:00'],
    ['next week', '2026-11-30'],
    ['next month', '2026-12-01'],
    ['next year', '2027-01-01'],
    ['friday at midnight', '2026-11-28T00:00:00+01:00'],
    ['5/12', '2026-12-05'],
    ['on the 31st', '2026-12-31'],
    // And these were read alike already.
    ['tomorrow at 5pm', '2026-11-27T17:00:00+01:00'],
    ['friday', '2026-11-27'],
    ['next friday', '2026-12-04'],
    ['in 2 hours', '2026-11-27T01:05:00+01:00'],
    ['at midnight', '2026-11-27T00:00:00+01:00'],
  ];
  for (const [text, due] of cases) {
    assert.equal(field(text), due, `field: ${text}`);
    const [span] = findDates(`add call mom ${text}`, clock);
    assert.equal(span && due.startsWith(span.due), true, `message: ${text} -> ${span?.due}`);
  }
});

test('a field may say only a date: filler words are fine; a date in a sentence, two dates or no date are not', () => {
  assert.equal(field('due by friday, please'), '2026-11-27');
  // A whole field needs none of the date words a message must have ("this evening" in a message stays in the title).
  assert.equal(field('end of month'), '2026-11-30');
  assert.equal(field('this evening'), '2026-11-26', 'still today at 23:05 (the API read 27 Nov before)');
  for (const bad of ['the day after never', 'not a date at all', 'call mom friday', 'friday or monday', 'x'.repeat(101)]) assert.equal(field(bad), null, bad);
});

test('dates and local times in the zone; ISO instants keep their offset; days that do not exist are refused', () => {
  assert.equal(field('2026-11-27'), '2026-11-27');
  assert.equal(field('2026-11-27T17:00'), '2026-11-27T17:00:00+01:00');
  assert.equal(field('2026-11-27 17:00:30'), '2026-11-27T17:00:30+01:00');
  assert.equal(field('2026-11-27T17:00:00Z'), '2026-11-27T18:00:00+01:00');
  assert.equal(field('2026-03-29T09:00', 'Europe/Berlin'), '2026-03-29T09:00:00+02:00');
  for (const bad of ['2026-02-30', '2026-13-01', '2026-11-27T25:00', '1969-12-31']) assert.equal(field(bad), null, bad);
});

test('a date inside a web address is no date, in a field or a message', () => {
  assert.deepEqual(findDates('read https://blog.example.com/2026-12-01/post', wallClock(NOW, PARIS)), []);
  assert.equal(field('https://blog.example.com/2026-12-01/post'), null);
});
