// The reminders table (issue 16): reminder phrasing as people type it, each row with the task (and reminders)
// it must leave behind. New tasks get a reminder at their due time; "30 minutes before" goes on the task in
// focus; "remind me about X at T" reminds on an existing task without moving its due; "no reminder" clears
// them. The clock is Thursday 26 Nov 2026, 16:05 in Paris (so "at 5pm" is today). Pure data.
import type { SetupTask } from './domain-tasks.js';
import type { DetailExpectation, Expectation } from './expectations.js';
import { withIds } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';

/** Thursday, late afternoon: "at 5pm" and "at 6" are still today, "at 9" is tomorrow. */
export const REMINDER_NOW = '2026-11-26T16:05';
/** A list with a timed dentist visit, a dated rent and an undated call. */
export const AGENDA: SetupTask[] = [
  'Buy groceries',
  { title: 'Dentist appointment', due: '2026-11-28T10:00' },
  { title: 'Pay the rent', due: '2026-11-30' },
  'Call the plumber',
  { title: 'Team meeting', due: '2026-11-27T14:00', reminders: [{ minutes_before: 15 }] },
];
const AT_DUE = [{ minutes_before: 0 }];

const row = (turns: string[], expect: Expectation[], setup: SetupTask[] = AGENDA): PhrasingCase => ({ id: 'ctx', setup, turns, expect, now: REMINDER_NOW });
/** A new task with a reminder; `mentions` must be in the reply. */
export const remindNew = (turn: string, title: string, details: DetailExpectation, mentions: string[] = []): PhrasingCase =>
  row([turn], [{ op: 'added', title, reminders: AT_DUE, ...details }, ...(mentions.length ? [{ op: 'mentions' as const, text: mentions }] : [])]);
/** An existing task's reminders set (and nothing else of it changed). */
export const remindOld = (turns: string[], from: string, reminders: DetailExpectation['reminders'], mentions: string[] = [], extra: Expectation[] = []): PhrasingCase =>
  row(turns, [...extra, { op: 'updated', from, reminders }, ...(mentions.length ? [{ op: 'mentions' as const, text: mentions }] : [])]);
/** A task added in the conversation, as it ends up (a task added in it is an add, whatever later turns changed). */
export const remindAdded = (turns: string[], title: string, details: DetailExpectation, mentions: string[] = []): PhrasingCase =>
  row(turns, [{ op: 'added', title, ...details }, ...(mentions.length ? [{ op: 'mentions' as const, text: mentions }] : [])]);
/** Nothing changes; the reply says one of `anyOf`. */
export const noChange = (turns: string[], anyOf: string[], extra: Expectation[] = []): PhrasingCase =>
  row(turns, [...extra, { op: 'unchanged' }, { op: 'mentions_any', text: anyOf }]);

/** The tuned rows. */
export const REMINDER_PHRASINGS: PhrasingCase[] = withIds('remind-', [
  // A new task, reminded at its due time.
  remindNew('remind me to call mom at 5pm', 'Call mom', { due: '2026-11-26T17:00' }, ["I'll remind you at 17:00 today"]),
  remindNew('remind me to call dad tomorrow at 9', 'Call dad', { due: '2026-11-27T09:00' }, ['09:00 tomorrow']),
  remindNew('remind me at 6 to feed the cat', 'Feed the cat', { due: '2026-11-26T18:00' }, ['18:00 today']),
  remindNew('set a reminder to pay the gas bill on friday at noon', 'Pay the gas bill', { due: '2026-11-27T12:00' }, ['12:00 tomorrow']),
  remindNew('remind me in 20 minutes to check the oven', 'Check the oven', { due: '2026-11-26T16:25' }, ['16:25 today']),
  remindNew('remind me to take the bins out in 2 hours', 'Take the bins out', { due: '2026-11-26T18:05' }, ['18:05 today']),
  remindNew('remind me to stretch in 5 seconds', 'Stretch', { due: '2026-11-26T16:05' }, ['in 5 seconds']),
  remindNew('Remind me to call Rosa at 7pm', 'Call Rosa', { due: '2026-11-26T19:00' }),
  remindNew('remind me tomorrow at 8am to water the plants', 'Water the plants', { due: '2026-11-27T08:00' }),
  remindNew('set a reminder for 5pm to call the bank', 'Call the bank', { due: '2026-11-26T17:00' }),
  remindNew('can you remind me to buy bread at 6pm?', 'Buy bread', { due: '2026-11-26T18:00' }),
  remindNew('remind me to email Sam on monday at 10am', 'Email Sam', { due: '2026-11-30T10:00' }, ['on Mon 30 Nov']),
  remindNew('remind me in half an hour to take the pizza out', 'Take the pizza out', { due: '2026-11-26T16:35' }),
  remindNew('remind me in 30 seconds to check the tea', 'Check the tea', { due: '2026-11-26T16:05' }),
  row(['remind me to call mom at 5pm, 30 minutes before'], [{ op: 'added', title: 'Call mom', due: '2026-11-26T17:00', reminders: [{ minutes_before: 30 }] }, { op: 'mentions', text: ['30 minutes before, at 16:30 today'] }]),
  row(['add the vet tomorrow at 9 and remind me 30 minutes before'], [{ op: 'added', title: 'The vet', due: '2026-11-27T09:00', reminders: [{ minutes_before: 30 }] }]),
  row(['add call grandma at 6pm and remind me'], [{ op: 'added', title: 'Call grandma', due: '2026-11-26T18:00', reminders: AT_DUE }]),
  noChange(['set a reminder'], ['What should the task say?']),
  // No time: a plain task, no reminder promised.
  row(['remind me to call the council'], [{ op: 'added', title: 'Call the council', reminders: [] }, { op: 'not_mentions', text: ["I'll remind you"] }]),
  row(['remind me tomorrow to renew the insurance'], [{ op: 'added', title: 'Renew the insurance', due: '2026-11-27', reminders: [] }, { op: 'not_mentions', text: ["I'll remind you"] }]),
  // Before the due time of the task in focus.
  remindAdded(['add pick up the kids tomorrow at 3pm', 'remind me 30 minutes before'], 'Pick up the kids', { reminders: [{ minutes_before: 30 }] }, ['30 minutes before, at 14:30 tomorrow']),
  remindAdded(['add pick up the kids tomorrow at 3pm', 'remind me an hour before'], 'Pick up the kids', { reminders: [{ minutes_before: 60 }] }, ['an hour before']),
  remindAdded(['remind me to call the bank at 5pm', 'and remind me 10 min before it'], 'Call the bank', { reminders: [{ minutes_before: 0 }, { minutes_before: 10 }] }, ['10 minutes before, at 16:50 today']),
  remindOld(['remind me 2 hours before the dentist appointment'], 'Dentist appointment', [{ minutes_before: 120 }], ['2 hours before']),
  remindOld(['remind me about the team meeting 30 minutes before'], 'Team meeting', [{ minutes_before: 15 }, { minutes_before: 30 }]),
  remindOld(['remind me a day before the dentist'], 'Dentist appointment', [{ minutes_before: 1440 }], ['a day before']),
  remindOld(['show my tasks', 'remind me 45 minutes before the first one'], 'Team meeting', [{ minutes_before: 15 }, { minutes_before: 45 }]),
  // No due time: asked, nothing called.
  noChange(['add water the plants', 'remind me an hour before'], ['no due date'], [{ op: 'added', title: 'Water the plants' }]),
  noChange(['remind me 30 minutes before the plumber'], ['no due date']),
  noChange(['remind me 30 minutes before the rent'], ['no due time']),
  // An existing task, at a time (its due stays).
  remindOld(['remind me about the dentist tomorrow at 9'], 'Dentist appointment', [{ at: '2026-11-27T09:00' }], ['09:00 tomorrow']),
  remindOld(['remind me about the plumber at 6pm'], 'Call the plumber', [{ at: '2026-11-26T18:00' }]),
  remindOld(['set a reminder for the dentist on saturday at 8am'], 'Dentist appointment', [{ at: '2026-11-28T08:00' }]),
  remindOld(['remind me about the dentist when it is due'], 'Dentist appointment', [{ minutes_before: 0 }]),
  remindOld(['remind me about the team meeting tomorrow at 1pm'], 'Team meeting', [{ minutes_before: 15 }, { at: '2026-11-27T13:00' }]),
  noChange(['remind me about the dentist tomorrow'], ['What time']),
  noChange(['remind me about the plumber'], ["I don't know when to remind you"]),
  // No such task: the reminder comes with a new one.
  row(['remind me about the school play at 7pm'], [{ op: 'added', title: 'The school play', due: '2026-11-26T19:00', reminders: AT_DUE }]),
  // Clearing.
  remindAdded(['remind me to call the bank at 5pm', 'no reminder for that one'], 'Call the bank', { reminders: [] }, ["won't remind you"]),
  remindOld(['remove the reminders from the team meeting task'], 'Team meeting', [], ["won't remind you"]),
  remindOld(["don't remind me about the team meeting"], 'Team meeting', []),
  remindOld(['stop reminding me about the meeting'], 'Team meeting', []),
  remindOld(['cancel the reminder for the team meeting'], 'Team meeting', []),
  remindOld(['turn off reminders for task 5'], 'Team meeting', []),
  // A time already past: the server refuses it, the reply says so and nothing changes.
  noChange(['remind me about the dentist today at 9am'], ['already passed']),
  noChange(['remind me to call the vet today at 10am'], ['already passed']),
  // Not reminders.
  row(['remind me what is on my list'], [{ op: 'unchanged' }, { op: 'mentions', text: ['Buy groceries'] }]),
]);
