import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dueBound, formatDue, isOverdue, parseDue } from '../../src/domain/tasks/due.js';
import { anchorRule, firstOccurrence, formatRepeat, nextOccurrence, parseRepeat } from '../../src/domain/tasks/repeat.js';
import { formatZoned, fromLocal } from '../../src/calendar/zones.js';

const PARIS = 'Europe/Paris';
const BERLIN = 'Europe/Berlin';
// Thursday 2026-11-26 23:05 in Paris (UTC+1).
const NOW = new Date('2026-11-26T22:05:00Z');

describe('parseDue: dates and times in the user time zone', () => {
  test('a date is the start of that local day, shown back as the date', () => {
    const due = parseDue('2026-11-27', PARIS, NOW);
    assert.equal(due.allDay, true);
    assert.equal(due.at.toISOString(), '2026-11-26T23:00:00.000Z');
    assert.equal(formatDue(due, PARIS), '2026-11-27');
    assert.equal(formatDue(due, 'UTC'), '2026-11-26', 'the same instant is another date elsewhere');
  });

  test('a local date-time is read in the zone; an ISO instant keeps its offset', () => {
    const local = parseDue('2026-11-27T17:00', PARIS, NOW);
    assert.deepEqual([local.allDay, local.at.toISOString()], [false, '2026-11-27T16:00:00.000Z']);
    assert.equal(formatDue(local, PARIS), '2026-11-27T17:00:00+01:00');
    const zoned = parseDue('2026-11-27T17:00:00Z', PARIS, NOW);
    assert.equal(formatDue(zoned, PARIS), '2026-11-27T18:00:00+01:00');
  });

  test('English is read relative to now in the zone', () => {
    assert.equal(formatDue(parseDue('tomorrow at 5pm', PARIS, NOW), PARIS), '2026-11-27T17:00:00+01:00');
    assert.equal(formatDue(parseDue('tomorrow', PARIS, NOW), PARIS), '2026-11-27');
    assert.equal(formatDue(parseDue('friday', PARIS, NOW), PARIS), '2026-11-27');
    assert.equal(formatDue(parseDue('due by friday, please', PARIS, NOW), PARIS), '2026-11-27', 'filler words around the date are fine');
    assert.equal(formatDue(parseDue('at midnight', PARIS, new Date('2026-11-26T10:00:00Z')), PARIS).slice(0, 16), '2026-11-27T00:00');
  });

  test('a DST change: 09:00 local on the day clocks go forward is 07:00 UTC, the day before 08:00 UTC', () => {
    const saturday = parseDue('2026-03-28T09:00', BERLIN, NOW);
    const sunday = parseDue('2026-03-29T09:00', BERLIN, NOW);
    assert.equal(saturday.at.toISOString(), '2026-03-28T08:00:00.000Z');
    assert.equal(sunday.at.toISOString(), '2026-03-29T07:00:00.000Z');
    assert.equal(formatDue(sunday, BERLIN), '2026-03-29T09:00:00+02:00');
    // 02:30 does not exist that night: it lands just after the jump rather than failing.
    assert.equal(formatZoned(fromLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, BERLIN), BERLIN), '2026-03-29T03:30:00+02:00');
  });

  test('impossible or unreadable dates are validation errors naming the field', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-27T25:00', 'not a date at all', 'the day after never', 'x'.repeat(150)]) {
      assert.throws(() => parseDue(bad, PARIS, NOW, 'due_at'), (e: Error & { code?: string }) => e.code === 'VALIDATION_FAILED' && /^due_at /.test(e.message), bad);
    }
  });

  test('overdue: a date from the next local day, a time from its instant; midnight edges', () => {
    const today = parseDue('2026-11-26', PARIS, NOW);
    const yesterday = parseDue('2026-11-25', PARIS, NOW);
    assert.equal(isOverdue(today, NOW, PARIS), false, 'due today is not overdue at 23:05');
    assert.equal(isOverdue(yesterday, NOW, PARIS), true);
    assert.equal(isOverdue(today, new Date('2026-11-26T23:00:00Z'), PARIS), true, 'from local midnight on, it is');
    assert.equal(isOverdue(parseDue('2026-11-26T23:30', PARIS, NOW), NOW, PARIS), false, '23:30 has not come at 23:05');
    assert.equal(isOverdue(parseDue('2026-11-26T23:00', PARIS, NOW), NOW, PARIS), true, '23:00 has passed at 23:05');
  });

  test('dueBound: a date covers its whole local day', () => {
    const bound = dueBound('2026-11-27', PARIS, NOW, 'due_before');
    assert.equal(bound.start.toISOString(), '2026-11-26T23:00:00.000Z');
    assert.equal(bound.endExclusive.toISOString(), '2026-11-27T23:00:00.000Z');
  });
});

describe('repeat rules', () => {
  test('everyday phrasings parse to canonical rules', () => {
    const cases: [string, string][] = [
      ['daily', 'daily'], ['every day', 'daily'], ['weekdays', 'weekdays'], ['every weekday', 'weekdays'],
      ['weekly', 'weekly'], ['every monday', 'weekly on mon'], ['every Mon and Thu', 'weekly on mon,thu'],
      ['weekly on thu,mon', 'weekly on mon,thu'], ['monthly', 'monthly'], ['every month', 'monthly'], ['yearly', 'yearly'],
      ['every 3 days', 'every 3 days'], ['every 2 weeks', 'every 2 weeks'], ['every other week', 'every 2 weeks'],
      ['every 6 months', 'every 6 months'], ['monthly on day 31', 'monthly on day 31'], ['every 1 day', 'daily'],
    ];
    for (const [input, canonical] of cases) assert.equal(formatRepeat(parseRepeat(input)), canonical, input);
  });

  test('nonsense is a validation error', () => {
    for (const bad of ['sometimes', 'every blursday', 'every 0 days', 'every 1000 days', 'monthly on day 32', '']) {
      assert.throws(() => parseRepeat(bad), (e: Error & { code?: string }) => e.code === 'VALIDATION_FAILED', bad);
    }
  });

  const next = (rule: string, due: string, zone = PARIS) => formatDue(nextOccurrence(parseRepeat(rule), parseDue(due, zone, NOW), zone), zone);

  test('daily, weekly, every N, weekdays (Friday → Monday), weekly on days', () => {
    assert.equal(next('daily', '2026-11-26'), '2026-11-27');
    assert.equal(next('every 3 days', '2026-11-30'), '2026-12-03');
    assert.equal(next('weekly', '2026-11-26T08:30'), '2026-12-03T08:30:00+01:00');
    assert.equal(next('weekdays', '2026-11-27'), '2026-11-30');
    assert.equal(next('weekly on mon,thu', '2026-11-26'), '2026-11-30');
    assert.equal(next('weekly on mon,thu', '2026-11-30'), '2026-12-03');
    assert.equal(next('yearly', '2028-02-29'), '2029-02-28');
  });

  test('the local time is kept across a DST change', () => {
    assert.equal(next('daily', '2026-03-28T09:00', BERLIN), '2026-03-29T09:00:00+02:00');
    assert.equal(next('daily', '2026-10-24T09:00', BERLIN), '2026-10-25T09:00:00+01:00');
  });

  test('monthly on the 31st falls on the last day of shorter months and returns to the 31st', () => {
    const rule = anchorRule(parseRepeat('every month'), parseDue('2027-01-31', PARIS, NOW), PARIS);
    assert.equal(formatRepeat(rule), 'monthly on day 31');
    let due = parseDue('2027-01-31', PARIS, NOW);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      due = nextOccurrence(rule, due, PARIS);
      seen.push(formatDue(due, PARIS));
    }
    assert.deepEqual(seen, ['2027-02-28', '2027-03-31', '2027-04-30']);
    assert.equal(formatRepeat(anchorRule(parseRepeat('monthly'), parseDue('2027-01-15', PARIS, NOW), PARIS)), 'monthly', 'days that fit every month need no anchor');
  });

  test('a repeating task with no due date is due on its first occurrence from today', () => {
    assert.equal(formatDue(firstOccurrence(parseRepeat('every monday'), NOW, PARIS), PARIS), '2026-11-30');
    assert.equal(formatDue(firstOccurrence(parseRepeat('every thursday'), NOW, PARIS), PARIS), '2026-11-26', 'today counts');
    assert.equal(formatDue(firstOccurrence(parseRepeat('daily'), NOW, PARIS), PARIS), '2026-11-26');
  });
});
