// The phrasing table for task details (issue 8): due dates, priorities, tags, repeats, narrowed
// lists and detail edits. Unless a row says otherwise the user is in Europe/Paris on Thursday
// 26 Nov 2026 at 23:05 (runner.ts), so "tomorrow" is Fri 27, "monday" Mon 30 Nov, "this week"
// ends Sun 29 Nov. Edge cases the issue names: midnight, a DST change, "next friday" said on a
// Friday (the Friday a week later), "every month" set on the 31st.
import type { Expectation } from './expectations.js';
import { HOME, TWINS, addWith, convo, list, none, upd, withIds } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';
import type { SetupTask } from './domain-tasks.js';

/** Tasks with details; pending ones newest first: Plan the team offsite, Buy a new lamp, Write the report, … */
export const DETAILED: SetupTask[] = [
  { title: 'Call the dentist', due: '2026-11-25', priority: 'high', tags: ['health'] },
  { title: 'Book the trip to Rome', description: 'flights and hotel', due: '2026-11-28', tags: ['travel'] },
  { title: 'Pay the rent', due: '2026-12-01', priority: 'medium', repeat: 'monthly' },
  { title: 'Water the plants', due: '2026-11-30', repeat: 'weekly on mon' },
  { title: 'Write the report', due: '2026-11-27T17:00', priority: 'high', tags: ['work'] },
  { title: 'Renew passport', completed: true, due: '2026-11-20', priority: 'high' },
  'Buy a new lamp',
  { title: 'Plan the team offsite', due: '2026-12-10', tags: ['work'] },
];

/** Runs a row at another local time and time zone. */
const at = (now: string, timeZone: string, row: PhrasingCase): PhrasingCase => ({ ...row, now, timeZone });
const listD = (turn: string, shown: string[], hidden: string[] = []): PhrasingCase => list(turn, shown, hidden, DETAILED);
const updD = (turn: string, from: string, change: Parameters<typeof upd>[2]): PhrasingCase => upd(turn, from, change, DETAILED);
const says = (...text: string[]): Expectation => ({ op: 'mentions', text });
/** A list whose reply names these tasks in this order. */
const ordered = (turn: string, text: string[]): PhrasingCase => ({ id: 'list', setup: DETAILED, turns: [turn], expect: [{ op: 'unchanged' }, { op: 'in_order', text }] });

const ADD_ROWS: PhrasingCase[] = [
  addWith('buy milk tomorrow at 5pm', 'Buy milk', { due: '2026-11-27T17:00' }, ['Fri 27 Nov, 17:00']),
  addWith('call mom friday p1', 'Call mom', { due: '2026-11-27', priority: 'high' }, ['high priority']),
  addWith('add report #work high priority', 'Report', { tags: ['work'], priority: 'high', due: null }, ['#work']),
  addWith('water plants every monday', 'Water plants', { repeat: 'weekly on mon', due: '2026-11-30' }, ['every Monday']),
  addWith("add 'Friday drinks'", 'Friday drinks', { due: null }),
  addWith('add "Book a table for Friday" tomorrow', 'Book a table for Friday', { due: '2026-11-27' }),
  addWith('remind me to call the bank on monday at 9am', 'Call the bank', { due: '2026-11-30T09:00' }),
  addWith('add pay rent every month', 'Pay rent', { repeat: 'monthly' }),
  addWith('add stretch every day at 7am', 'Stretch', { repeat: 'daily', due: '2026-11-27T07:00' }),
  addWith('add standup every weekday at 9:30am #work', 'Standup', { repeat: 'weekdays', due: '2026-11-27T09:30', tags: ['work'] }),
  addWith('add gym on mondays and thursdays', 'Gym', { repeat: 'weekly on mon,thu', due: '2026-11-26' }),
  addWith('add take out the recycling every other week', 'Take out the recycling', { repeat: 'every 2 weeks' }),
  addWith('add renew the car insurance every year', 'Renew the car insurance', { repeat: 'yearly' }),
  addWith('add water the cactus every 10 days', 'Water the cactus', { repeat: 'every 10 days' }),
  addWith('add submit taxes by dec 15', 'Submit taxes', { due: '2026-12-15' }),
  addWith('add call grandma next friday', 'Call grandma', { due: '2026-12-04' }),
  addWith('add a high priority task to renew the lease', 'Renew the lease', { priority: 'high' }),
  addWith('add an urgent task: fix the boiler', 'Fix the boiler', { priority: 'high' }),
  addWith('add clean the car p3', 'Clean the car', { priority: 'low' }),
  addWith('add buy flowers #home #gifts', 'Buy flowers', { tags: ['gifts', 'home'] }),
  addWith('add pick up the parcel in 2 hours', 'Pick up the parcel', { due: '2026-11-27T01:05' }),
  addWith('add book the dentist tonight', 'Book the dentist', { due: '2026-11-26' }),
  addWith('add lock the door at midnight', 'Lock the door', { due: '2026-11-27T00:00' }),
  addWith('add send the invoice tomorrow at midnight', 'Send the invoice', { due: '2026-11-28T00:00' }),
  addWith('I need to finish the slides by tomorrow morning', 'Finish the slides', { due: '2026-11-27' }),
  addWith('add dinner with Sam at 8pm', 'Dinner with Sam', { due: '2026-11-27T20:00' }),
  addWith('add call the plumber at 11:30pm', 'Call the plumber', { due: '2026-11-26T23:30' }),
  addWith('add pay council tax on the 1st', 'Pay council tax', { due: '2026-12-01' }),
  addWith('add pay the water bill on 5 December', 'Pay the water bill', { due: '2026-12-05' }),
  addWith('add put sun cream on', 'Put sun cream on', { due: null }),
  addWith('add march in the parade', 'March in the parade', { due: null }),
  addWith('add read chapter 4 in 3 days', 'Read chapter 4', { due: '2026-11-29' }),
  addWith('add file the expenses next week', 'File the expenses', { due: '2026-11-30' }),
  addWith('remind me to call dad this weekend', 'Call dad', { due: '2026-11-28' }),
  addWith('add ring the vet tomorrow 10am, high priority', 'Ring the vet', { due: '2026-11-27T10:00', priority: 'high' }),
  addWith('add book flights #travel', 'Book flights', { tags: ['travel'] }),
  addWith('add review the budget on Wednesday with priority low', 'Review the budget', { due: '2026-12-02', priority: 'low' }),
  {
    id: 'add',
    setup: HOME,
    turns: ['add eggs, bread and butter tomorrow'],
    expect: ['Eggs', 'Bread', 'Butter'].map((title) => ({ op: 'added', title, due: '2026-11-27' })),
  },
  {
    id: 'add',
    setup: HOME,
    turns: ['add buy milk tomorrow and call mom on friday next week'],
    expect: [{ op: 'added', title: 'Buy milk', due: '2026-11-27' }, { op: 'added', title: 'Call mom', due: '2026-12-04' }],
  },
  convo(['buy stamps tomorrow', 'yes'], [{ op: 'added', title: 'Buy stamps', due: '2026-11-27' }]),
];

const EDGE_ROWS: PhrasingCase[] = [
  // A DST change: Berlin moves to summer time in the night of 28-29 March 2026.
  at('2026-03-28T10:00', 'Europe/Berlin', addWith('add call the bank tomorrow at 9am', 'Call the bank', { due: '2026-03-29T09:00' }, ['Sun 29 Mar, 09:00'])),
  at('2026-03-29T01:30', 'Europe/Berlin', addWith('add check the clocks in 2 hours', 'Check the clocks', { due: '2026-03-29T04:30' })),
  // "next friday" said on a Friday is the Friday a week later; "friday" is today.
  at('2026-11-27T10:00', 'Europe/Paris', addWith('add call mom next friday', 'Call mom', { due: '2026-12-04' })),
  at('2026-11-27T10:00', 'Europe/Paris', addWith('add call mom friday', 'Call mom', { due: '2026-11-27' })),
  // Midnight: "tonight" at 23:05 is still today; "at midnight" is the one ending today.
  at('2026-11-26T23:59', 'Europe/Paris', addWith('add take the pills at midnight', 'Take the pills', { due: '2026-11-27T00:00' })),
  at('2026-11-27T00:10', 'Europe/Paris', addWith('add call the night nurse tonight', 'Call the night nurse', { due: '2026-11-27' })),
  // "every month" set on the 31st, then completed twice: Feb 28, then back to Mar 31.
  at('2026-12-31T09:00', 'Europe/Paris', addWith('add pay the rent every month', 'Pay the rent', { repeat: 'monthly', due: '2026-12-31' })),
  at('2027-01-31T09:00', 'Europe/Paris', {
    id: 'ctx',
    setup: [{ title: 'Pay the rent', due: '2027-01-31', repeat: 'monthly' }],
    turns: ['I paid the rent', 'I paid the rent'],
    expect: [
      { op: 'completed', title: 'Pay the rent' },
      // The domain keeps the day a monthly rule set on the 31st returns to (the in-memory copy of it did not).
      { op: 'added', title: 'Pay the rent', due: '2027-02-28', repeat: 'monthly on day 31', completed: true },
      { op: 'added', title: 'Pay the rent', due: '2027-03-31', repeat: 'monthly on day 31' },
      says('Next', 'Wed 31 Mar'),
    ],
  }),
  // New York reads "5/12" as May 12; everyone else as 5 December.
  at('2026-11-26T12:00', 'America/New_York', addWith('add renew the permit on 5/12', 'Renew the permit', { due: '2027-05-12' })),
  addWith('add renew the permit on 5/12', 'Renew the permit', { due: '2026-12-05' }),
];

const LIST_ROWS: PhrasingCase[] = [
  listD("what's due this week?", ['Call the dentist', 'Write the report', 'Book the trip to Rome', 'overdue'], ['Pay the rent', 'Water the plants', 'Buy a new lamp', 'Plan the team offsite', 'Renew passport']),
  listD("what's due today?", ['Call the dentist'], ['Write the report', 'Book the trip']),
  listD('anything due tomorrow?', ['Write the report', 'Fri 27 Nov, 17:00'], ['Call the dentist', 'Book the trip']),
  listD("what's overdue?", ['Call the dentist', 'overdue'], ['Write the report', 'Pay the rent', 'Renew passport']),
  listD('show my high priority tasks', ['Call the dentist', 'Write the report'], ['Renew passport', 'Pay the rent', 'Buy a new lamp']),
  listD('find tasks about the trip', ['Book the trip to Rome'], ['Call the dentist', 'Pay the rent']),
  listD('search for rome', ['Book the trip to Rome'], ['Write the report']),
  listD('which tasks mention flights?', ['Book the trip to Rome'], ['Write the report']),
  listD('anything tagged #work?', ['Write the report', 'Plan the team offsite'], ['Call the dentist', 'Book the trip']),
  listD('show #health tasks', ['Call the dentist'], ['Write the report']),
  listD("what's due next week?", ['Water the plants', 'Pay the rent'], ['Book the trip', 'Plan the team offsite', 'Call the dentist']),
  listD('what do I have on this weekend?', ['Book the trip to Rome'], ['Write the report', 'Pay the rent']),
  listD('any low priority tasks?', ['no'], ['Call the dentist', 'Write the report']),
  listD("what's due on friday?", ['Write the report'], ['Book the trip', 'Call the dentist']),
  listD("what's coming up?", ['Write the report', 'Book the trip to Rome', 'Water the plants', 'Pay the rent'], ['Plan the team offsite', 'Buy a new lamp']),
  listD('how many tasks are overdue?', ['1'], ['Write the report']),
  listD("what's urgent?", ['Call the dentist', 'Write the report'], ['Buy a new lamp']),
  listD('show completed high priority tasks', ['Renew passport'], ['Call the dentist']),
  ordered('list my tasks sorted by due date', ['Renew passport', 'Call the dentist', 'Write the report', 'Book the trip', 'Water the plants', 'Pay the rent', 'Plan the team offsite', 'Buy a new lamp']),
  ordered('show my high priority tasks', ['Call the dentist', 'Write the report']),
  ordered('sort my tasks by priority', ['Renew passport', 'Call the dentist', 'Write the report', 'Pay the rent', 'Book the trip', 'Water the plants', 'Plan the team offsite', 'Buy a new lamp']),
  ordered('list my tasks alphabetically', ['Book the trip', 'Buy a new lamp', 'Call the dentist', 'Pay the rent', 'Plan the team offsite', 'Renew passport', 'Water the plants', 'Write the report']),
  ordered("what's due?", ['Call the dentist', 'Write the report', 'Book the trip', 'Water the plants', 'Pay the rent', 'Plan the team offsite', 'Buy a new lamp']),
  listD('show my tasks', ['Call the dentist', 'overdue', 'high priority', '#health', 'repeats every Monday', 'Sat 28 Nov']),
  listD('what is due before monday?', ['Book the trip to Rome', 'Write the report'], ['Water the plants', 'Pay the rent']),
  listD("show me today's tasks", ['Call the dentist'], ['Plan the team offsite']),
];

const EDIT_ROWS: PhrasingCase[] = [
  updD('move the dentist to Monday', 'Call the dentist', { due: '2026-11-30' }),
  updD('reschedule the report to friday at 3pm', 'Write the report', { due: '2026-11-27T15:00' }),
  updD('postpone the trip until next saturday', 'Book the trip to Rome', { due: '2026-12-05' }),
  updD('push the rent to the 3rd', 'Pay the rent', { due: '2026-12-03' }),
  updD('the report is due monday', 'Write the report', { due: '2026-11-30' }),
  updD('change the due date of the offsite to dec 12', 'Plan the team offsite', { due: '2026-12-12' }),
  updD('remove the due date from the trip', 'Book the trip to Rome', { due: null }),
  updD('tag the lamp #home', 'Buy a new lamp', { tags: ['home'] }),
  updD('tag the report #q4', 'Write the report', { tags: ['q4', 'work'] }),
  updD('add #urgent to the offsite', 'Plan the team offsite', { tags: ['urgent', 'work'] }),
  updD('remove the #work tag from the report', 'Write the report', { tags: [] }),
  updD('stop repeating the plants task', 'Water the plants', { repeat: null }),
  updD("the rent shouldn't repeat anymore", 'Pay the rent', { repeat: null }),
  updD('make the rent high priority', 'Pay the rent', { priority: 'high' }),
  updD('set the priority of the lamp to low', 'Buy a new lamp', { priority: 'low' }),
  updD('change the rent to p1', 'Pay the rent', { priority: 'high' }),
  updD('deprioritize the report', 'Write the report', { priority: 'low' }),
  updD('remove the priority from the dentist', 'Call the dentist', { priority: null }),
  updD('make the lamp repeat every week', 'Buy a new lamp', { repeat: 'weekly', due: '2026-11-26' }),
  updD('the offsite repeats every year', 'Plan the team offsite', { repeat: 'yearly' }),
  updD('rename the lamp to Buy a floor lamp', 'Buy a new lamp', { title: 'Buy a floor lamp' }),
  convo(['add buy vitamins', 'tag it #health'], [{ op: 'added', title: 'Buy vitamins', tags: ['health'] }]),
  convo(['add call the bank', 'make it high priority'], [{ op: 'added', title: 'Call the bank', priority: 'high' }]),
  convo(['add call the bank', 'move it to tomorrow at 10am'], [{ op: 'added', title: 'Call the bank', due: '2026-11-27T10:00' }]),
  convo(['add buy milk tomorrow', 'actually make it saturday'], [{ op: 'added', title: 'Buy milk', due: '2026-11-28' }]),
  convo(['move the email task to friday', 'the team one'], [{ op: 'updated', from: 'Email the team', due: '2026-11-27' }], TWINS),
  convo(['show my tasks', 'tag the second one #home'], [{ op: 'updated', from: 'Buy a new lamp', tags: ['home'] }], DETAILED),
  updD('delay the offsite by 2 weeks', 'Plan the team offsite', { due: '2026-12-24' }),
  updD('bring the rent forward a day', 'Pay the rent', { due: '2026-11-30' }),
  listD('when is the dentist due?', ['Call the dentist', 'Wed 25 Nov', 'overdue']),
  {
    id: 'done',
    setup: DETAILED,
    turns: ['I watered the plants'],
    expect: [{ op: 'completed', title: 'Water the plants', next_due: '2026-12-07' }, says('Next', 'Mon 7 Dec')],
  },
  none('what day is it today', DETAILED),
  none('move', DETAILED),
];

/** Every row of the details table. */
export const DETAIL_PHRASINGS: PhrasingCase[] = withIds('details-', [...ADD_ROWS, ...EDGE_ROWS, ...LIST_ROWS, ...EDIT_ROWS]);
