// Unit tests for due-date parsing, labels and overdue, with a fixed "now", zone and locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDue, dueClockValue, dueDateValue, formatDue, isOverdue, isPastDue, parseDue, relativeDay, type Due } from '../src/lib/due';

// Thursday 26 November 2026, 23:05 in Paris (22:05 UTC).
const now = new Date('2026-11-26T22:05:00Z');
const paris = { now, timeZone: 'Europe/Paris', locale: 'en-GB' } as const;

function due(value: string): Due {
  const parsed = parseDue(value);
  assert.ok(parsed, `${value} parses`);
  return parsed;
}

describe('parseDue', () => {
  it('reads a day and a date-time with an offset', () => {
    assert.deepEqual(parseDue('2026-11-27'), { kind: 'day', year: 2026, month: 11, day: 27 });
    const timed = parseDue('2026-11-27T17:00:00+01:00');
    assert.equal(timed?.kind, 'time');
    assert.equal(timed?.kind === 'time' && timed.instant.toISOString(), '2026-11-27T16:00:00.000Z');
  });

  it('returns null for nothing and for nonsense', () => {
    for (const value of [null, undefined, '', 'soon', '2026-02-31', '2026-13-01']) assert.equal(parseDue(value), null, String(value));
  });
});

describe('formatDue: the one date style, shared with the chat replies', () => {
  it('writes weekday, day and month, and the time only for a due with a time (en-GB)', () => {
    assert.equal(formatDue(due('2026-11-27'), paris), 'Fri 27 Nov');
    assert.equal(formatDue(due('2026-11-27T17:00:00+01:00'), paris), 'Fri 27 Nov, 17:00');
    assert.equal(formatDue(due('2026-12-04T08:00:00+01:00'), paris), 'Fri 4 Dec, 8:00');
  });

  it('follows the locale: en-US puts the month first and uses a 12-hour clock', () => {
    const us = { ...paris, locale: 'en-US' };
    assert.equal(formatDue(due('2026-11-27T17:00:00+01:00'), us), 'Fri, Nov 27, 5:00 PM');
    assert.equal(formatDue(due('2026-11-27'), us), 'Fri, Nov 27');
    assert.equal(formatDue(due('2026-11-27T17:00:00+01:00'), { ...paris, locale: 'fr-FR' }), 'ven. 27 nov., 17:00');
  });

  it('adds the year only when the due is not in the current year of the zone', () => {
    assert.equal(formatDue(due('2027-01-08'), paris), 'Fri, 8 Jan 2027');
    assert.equal(formatDue(due('2025-11-27T17:00:00+01:00'), paris), 'Thu, 27 Nov 2025, 17:00');
    // 31 Dec 23:30 UTC is already next year in Paris: "this year" is the zone's, not UTC's.
    const newYearsEve = { ...paris, now: new Date('2026-12-31T23:30:00Z') };
    assert.equal(formatDue(due('2027-01-02'), newYearsEve), 'Sat 2 Jan');
    assert.equal(formatDue(due('2026-12-30'), newYearsEve), 'Wed, 30 Dec 2026');
  });

  it('reads a date-time in the given zone: 23:30 UTC is already the 27th in Paris, still the 26th in New York', () => {
    const late = due('2026-11-26T23:30:00Z');
    assert.equal(formatDue(late, paris), 'Fri 27 Nov, 0:30');
    assert.equal(formatDue(late, { ...paris, timeZone: 'America/New_York', locale: 'en-US' }), 'Thu, Nov 26, 6:30 PM');
  });

  it('never moves a whole day across zones', () => {
    const day = due('2026-11-27');
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) assert.equal(formatDue(day, { ...paris, timeZone }), 'Fri 27 Nov');
    assert.equal(dueDateValue(day, 'Pacific/Kiritimati'), '2026-11-27');
  });

  it('gives the full date for a tooltip', () => {
    assert.equal(describeDue(due('2026-11-27T17:00:00+01:00'), paris), 'Friday, 27 November 2026 at 17:00');
    assert.equal(describeDue(due('2026-11-27'), paris), 'Friday, 27 November 2026');
  });
});

describe('relativeDay: the extra badge', () => {
  it('says Today, Tomorrow and Yesterday in the zone, and nothing for other days', () => {
    assert.equal(relativeDay(due('2026-11-26T17:00:00+01:00'), paris), 'Today');
    assert.equal(relativeDay(due('2026-11-27'), paris), 'Tomorrow');
    assert.equal(relativeDay(due('2026-11-25'), paris), 'Yesterday');
    assert.equal(relativeDay(due('2026-11-28'), paris), null);
    assert.equal(relativeDay(due('2026-11-26T23:30:00Z'), paris), 'Tomorrow', 'already the 27th in Paris');
    assert.equal(relativeDay(due('2026-11-26T23:30:00Z'), { ...paris, timeZone: 'America/New_York' }), 'Today');
  });

  it('uses the locale\'s words', () => {
    assert.equal(relativeDay(due('2026-11-27'), { ...paris, locale: 'fr-FR' }), 'Demain');
  });
});

describe('overdue', () => {
  it('a day is overdue from the next day in the zone; a time from that instant', () => {
    assert.equal(isPastDue(due('2026-11-26'), paris), false, 'due today is not overdue yet');
    assert.equal(isPastDue(due('2026-11-25'), paris), true);
    assert.equal(isPastDue(due('2026-11-26'), { ...paris, now: new Date('2026-11-26T23:00:00Z') }), true, 'after midnight in Paris');
    assert.equal(isPastDue(due('2026-11-26T23:30:00+01:00'), paris), false);
    assert.equal(isPastDue(due('2026-11-26T23:30:00+01:00'), { ...paris, now: new Date('2026-11-26T22:30:01Z') }), true);
  });

  it('takes the server flag, or the clock when the flag has gone stale, and never for a completed task', () => {
    assert.equal(isOverdue({ completed: false, due_at: '2026-12-01', overdue: true }, paris), true);
    assert.equal(isOverdue({ completed: false, due_at: '2026-11-20', overdue: false }, paris), true);
    assert.equal(isOverdue({ completed: false, due_at: '2026-11-20' }, paris), true, 'an older server sends no flag');
    assert.equal(isOverdue({ completed: true, due_at: '2026-11-20', overdue: true }, paris), false);
    assert.equal(isOverdue({ completed: false, due_at: null }, paris), false);
    assert.equal(isOverdue({ completed: false }, paris), false);
  });
});

describe('editor values', () => {
  it('gives the day and 24-hour clock in the zone', () => {
    const late = due('2026-11-26T23:30:00Z');
    assert.equal(dueDateValue(late, 'Europe/Paris'), '2026-11-27');
    assert.equal(dueClockValue(late, 'Europe/Paris'), '00:30');
    assert.equal(dueDateValue(due('2026-03-05'), 'Asia/Tokyo'), '2026-03-05');
    assert.equal(dueClockValue(due('2026-03-05'), 'Asia/Tokyo'), null);
  });
});
