// Dates written for people: the web panel's style, in the user's locale and zone (issue 12).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock } from '../../src/calendar/clock.js';
import { canonicalLocale, dateLocale, writeDue } from '../../src/calendar/format.js';

const PARIS = wallClock(new Date('2026-11-26T22:05:00Z'), 'Europe/Paris');
// Some ICU versions put a narrow no-break space before AM/PM.
const spaced = (text: string): string => text.replace(/\u202f/g, ' ');

test('en-GB by default: "Fri 27 Nov", "Fri 27 Nov, 17:00", the year only when it is not this year', () => {
  assert.equal(writeDue('2026-11-27T17:00:00+01:00', PARIS), 'Fri 27 Nov, 17:00');
  assert.equal(writeDue('2026-11-27T16:00:00Z', PARIS), 'Fri 27 Nov, 17:00');
  assert.equal(writeDue('2026-11-27', PARIS), 'Fri 27 Nov');
  assert.equal(writeDue('2027-01-04T09:30', PARIS), 'Mon, 4 Jan 2027, 09:30');
});

test('dates are written in the user\'s locale, as the web panel writes them', () => {
  const cases: [string, string, string][] = [
    // [locale, due, written]
    ['en-GB', '2026-11-27T09:05', 'Fri 27 Nov, 09:05'],
    ['en-US', '2026-11-27T17:00', 'Fri, Nov 27, 5:00 PM'],
    ['de-DE', '2026-11-27T17:00', 'Fr., 27. Nov., 17:00'],
    // An all-day date has no time; one in another year says its year.
    ['en-GB', '2026-11-28', 'Sat 28 Nov'],
    ['en-US', '2026-11-28', 'Sat, Nov 28'],
    ['de-DE', '2026-11-28', 'Sa., 28. Nov.'],
    ['en-GB', '2027-01-04', 'Mon, 4 Jan 2027'],
    ['en-US', '2027-01-04T09:30', 'Mon, Jan 4, 2027, 9:30 AM'],
    ['de-DE', '2027-01-04T09:30', 'Mo., 4. Jan. 2027, 09:30'],
    // An unknown or malformed locale writes the default style.
    ['xx-invalid-tag-', '2026-11-27T17:00', 'Fri 27 Nov, 17:00'],
  ];
  for (const [locale, due, written] of cases) assert.equal(spaced(writeDue(due, PARIS, locale)), written, `${locale}: ${due}`);
});

test('"this year" and the time of day are the user\'s, not the server\'s', () => {
  // At 00:30 on 1 January in Paris it is already 2027 there (still 2026 in UTC).
  const newYear = wallClock(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris');
  assert.deepEqual([writeDue('2027-01-04', newYear), writeDue('2026-12-31', newYear)], ['Mon 4 Jan', 'Thu, 31 Dec 2026']);
  // An instant is written at its wall time in the user's zone (16:00 UTC is 11:00 in New York).
  const newYork = wallClock(new Date('2026-11-26T22:05:00Z'), 'America/New_York');
  assert.equal(spaced(writeDue('2026-11-27T16:00:00Z', newYork, 'en-US')), 'Fri, Nov 27, 11:00 AM');
  assert.equal(writeDue('someday', PARIS), 'someday', 'what is not a date is left as it is');
});

test('locales are canonicalised; none, a malformed tag or an unknown one is en-GB', () => {
  assert.deepEqual(['en-us', 'de', null, '', 'not a tag!'].map(dateLocale), ['en-US', 'de', 'en-GB', 'en-GB', 'en-GB']);
  assert.deepEqual(['fr-fr', 'not a tag!', '??'].map(canonicalLocale), ['fr-FR', null, null]);
});
