// Unit tests for the repeat-rule text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRepeat } from '../src/lib/repeat';

describe('describeRepeat', () => {
  it('reads every canonical rule of the contract', () => {
    const cases: [string, string][] = [
      ['daily', 'Every day'],
      ['weekdays', 'Every weekday'],
      ['weekly', 'Every week'],
      ['weekly on mon', 'Every Monday'],
      ['weekly on mon,thu', 'Every Mon and Thu'],
      ['weekly on mon,wed,fri', 'Every Mon, Wed and Fri'],
      ['monthly', 'Every month'],
      ['yearly', 'Every year'],
      ['every 3 days', 'Every 3 days'],
      ['every 2 weeks', 'Every 2 weeks'],
      ['every 6 months', 'Every 6 months'],
      ['every 1 day', 'Every day'],
    ];
    for (const [rule, text] of cases) assert.equal(describeRepeat(rule), text, rule);
  });

  it('shows a rule it does not know as written, capitalised', () => {
    assert.equal(describeRepeat('weekly on funday'), 'Weekly on funday');
    assert.equal(describeRepeat('every other tuesday'), 'Every other tuesday');
    assert.equal(describeRepeat(''), '');
  });
});
