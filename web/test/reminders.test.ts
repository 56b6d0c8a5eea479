// Unit tests for the reminder text and list helpers the task editor and the task row use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addReminder, describeMinutesBefore, describeReminder, localDateTime, sameReminders } from '../src/lib/reminders';

describe('reminders', () => {
  it('says how long before the due time', () => {
    const cases: [number, string][] = [
      [0, 'At the due time'],
      [1, '1 minute before'],
      [30, '30 minutes before'],
      [60, '1 hour before'],
      [90, '1 h 30 min before'],
      [120, '2 hours before'],
      [1440, '1 day before'],
      [2880, '2 days before'],
    ];
    for (const [minutes, text] of cases) assert.equal(describeMinutesBefore(minutes), text, `${minutes}`);
  });

  it('writes an absolute reminder in the app date style, in the zone', () => {
    const text = describeReminder({ at: '2031-05-02T09:00:00+02:00' }, { timeZone: 'Europe/Paris', locale: 'en-GB', now: new Date('2031-01-01T00:00:00Z') });
    assert.equal(text, 'Fri 2 May, 9:00');
  });

  it('adds a reminder once and compares lists in order', () => {
    const list = addReminder([{ minutes_before: 30 }], { minutes_before: 30 });
    assert.deepEqual(list, [{ minutes_before: 30 }], 'an equal one is not added twice');
    const more = addReminder(list, { at: '2031-05-02T09:00' });
    assert.equal(more.length, 2);
    assert.equal(sameReminders(more, [{ minutes_before: 30 }, { at: '2031-05-02T09:00' }]), true);
    assert.equal(sameReminders(more, [{ at: '2031-05-02T09:00' }, { minutes_before: 30 }]), false);
    assert.equal(sameReminders([], []), true);
  });

  it('takes only a full local date and time from the date-time field', () => {
    assert.equal(localDateTime('2031-05-02T09:00'), '2031-05-02T09:00');
    assert.equal(localDateTime('2031-05-02'), null);
    assert.equal(localDateTime(''), null);
  });
});
