// Repeat rules: one grammar for a whole API field and for a phrase inside a chat message, one
// canonical form, and occurrences that keep the local time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRepeat, findRepeat, firstLocalDue, formatRepeat, parseRepeat } from '../../src/calendar/repeat.js';

const canonical = (text: string): string | null => {
  const rule = parseRepeat(text);
  return rule ? formatRepeat(rule) : null;
};

test('every phrase the chat finds in a message is read the same as a whole field (one grammar)', () => {
  const phrases: [string, string][] = [
    ['daily', 'daily'], ['every day', 'daily'], ['every single day', 'daily'], ['every morning', 'daily'],
    ['weekdays', 'weekdays'], ['every weekday', 'weekdays'], ['every business day', 'weekdays'], ['on weekdays', 'weekdays'],
    ['every weekend', 'weekly on sun,sat'], ['on weekends', 'weekly on sun,sat'],
    ['every other week', 'every 2 weeks'], ['every 3 days', 'every 3 days'], ['every two months', 'every 2 months'], ['every 1 week', 'weekly'],
    ['weekly', 'weekly'], ['once a week', 'weekly'], ['every week on tuesday and friday', 'weekly on tue,fri'],
    ['monthly', 'monthly'], ['every month', 'monthly'], ['yearly', 'yearly'], ['annually', 'yearly'], ['once a year', 'yearly'],
    ['every monday', 'weekly on mon'], ['every mon and thu', 'weekly on mon,thu'], ['on mondays', 'weekly on mon'],
    ['every saturday morning', 'weekly on sat'], ['every sunday, wednesday & friday', 'weekly on sun,wed,fri'],
  ];
  for (const [phrase, rule] of phrases) {
    assert.equal(canonical(phrase), rule, `field: ${phrase}`);
    const message = `water the plants ${phrase} please`;
    const span = findRepeat(message);
    assert.deepEqual(span && [formatRepeat(span.rule), message.slice(span.index, span.end)], [rule, phrase], `message: ${message}`);
  }
});

test('canonical rules read back as themselves; whole-field forms the chat does not look for in messages', () => {
  for (const rule of ['daily', 'weekdays', 'weekly', 'weekly on mon,thu', 'weekly on sun,sat', 'monthly', 'yearly', 'every 3 days', 'every 2 weeks', 'every 6 months', 'monthly on day 31']) {
    assert.equal(canonical(rule), rule);
  }
  assert.equal(canonical('weekly on thu,mon'), 'weekly on mon,thu');
  assert.equal(canonical('repeat every Mon and Thu'), 'weekly on mon,thu');
  assert.equal(canonical('weekly on weekdays'), 'weekdays');
  assert.equal(canonical('monthly on the 15th'), 'monthly on day 15');
  // In a message, "monthly on the 15th" is a monthly rule and a due date on the 15th, which the date reader takes.
  const span = findRepeat('pay rent monthly on the 15th');
  assert.deepEqual(span && [formatRepeat(span.rule), span.end], ['monthly', 'pay rent monthly'.length]);
});

test('what is not a rule: nonsense, zero or too many, a day that does not exist, "on monday" (one date, not a repeat)', () => {
  for (const bad of ['sometimes', 'every blursday', 'every monday and blursday', 'every 0 days', 'every 366 days', 'every 1000 days', 'monthly on day 32', '', 'x'.repeat(61)]) {
    assert.equal(parseRepeat(bad), null, bad);
  }
  assert.equal(findRepeat('call mom on monday'), null);
  assert.equal(findRepeat('buy sun cream'), null);
});

test('regression: the chat sent "weekly on sat,sun", the domain stored "weekly on sun,sat", and replies said "every Sunday and Saturday"', () => {
  const weekend = findRepeat('clean the flat every weekend');
  assert.equal(weekend && formatRepeat(weekend.rule), 'weekly on sun,sat');
  assert.equal(describeRepeat('weekly on sun,sat'), 'every weekend');
  assert.equal(describeRepeat('weekly on sat,sun'), 'every weekend', 'stored before the fix');
});

test('rules in words', () => {
  const words: [string, string][] = [
    ['daily', 'every day'], ['weekdays', 'every weekday'], ['weekly', 'every week'], ['monthly', 'every month'], ['yearly', 'every year'],
    ['weekly on mon,thu', 'every Monday and Thursday'], ['weekly on sun,wed,fri', 'every Sunday, Wednesday and Friday'],
    ['every 2 weeks', 'every 2 weeks'], ['monthly on day 31', 'every month on day 31'], ['fortnightly-ish', 'fortnightly-ish'],
  ];
  for (const [rule, said] of words) assert.equal(describeRepeat(rule), said, rule);
});

test('the first due of a new task repeating on days: today if it is one of them and the time is still to come', () => {
  const thursday = { today: '2026-11-26', local: '2026-11-26T23:05' };
  const rule = (text: string) => {
    const parsed = parseRepeat(text);
    assert.ok(parsed, text);
    return parsed;
  };
  assert.equal(firstLocalDue(rule('every monday'), undefined, thursday), '2026-11-30');
  assert.equal(firstLocalDue(rule('every thursday'), undefined, thursday), '2026-11-26');
  assert.equal(firstLocalDue(rule('every thursday'), '2026-11-26T09:00', thursday, true), '2026-12-03T09:00', '09:00 has passed today');
  assert.equal(firstLocalDue(rule('every thursday'), '2026-11-26T23:30', thursday, true), '2026-11-26T23:30');
  assert.equal(firstLocalDue(rule('weekdays'), '2026-11-28', thursday), '2026-11-30', 'a Saturday given moves to Monday');
  assert.equal(firstLocalDue(rule('monthly'), '2026-12-31', thursday), '2026-12-31', 'a rule not tied to days keeps the date given');
});
