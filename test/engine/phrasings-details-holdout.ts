// Held-out detail phrasings: written after the engine passed the details table and run once before
// any tuning against them. Same clock as the details table (Thu 26 Nov 2026, 23:05, Europe/Paris).
import { HOME, addWith, convo, upd, withIds } from './phrasing-helpers.js';
import { DETAILED } from './phrasings-details.js';
import { list } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';

const listD = (turn: string, shown: string[], hidden: string[] = []): PhrasingCase => list(turn, shown, hidden, DETAILED);
const updD = (turn: string, from: string, change: Parameters<typeof upd>[2]): PhrasingCase => upd(turn, from, change, DETAILED);

/** Held-out detail rows (see the file comment). */
export const DETAIL_HOLDOUT: PhrasingCase[] = withIds('details-held-out-', [
  addWith('remind me to pay the gas bill on friday at noon', 'Pay the gas bill', { due: '2026-11-27T12:00' }),
  addWith('new task: submit timesheet every friday', 'Submit timesheet', { repeat: 'weekly on fri', due: '2026-11-27' }),
  addWith('add "Call Friday" p2', 'Call Friday', { priority: 'medium', due: null }),
  addWith('todo: book the MOT next month', 'Book the MOT', { due: '2026-12-01' }),
  addWith('add pick up the kids at 3:15pm tomorrow', 'Pick up the kids', { due: '2026-11-27T15:15' }),
  addWith('please add feed the fish daily', 'Feed the fish', { repeat: 'daily' }),
  addWith('add mow the lawn every saturday morning', 'Mow the lawn', { repeat: 'weekly on sat', due: '2026-11-28' }),
  addWith("add 'prepare the slides' for monday #work", 'Prepare the slides', { due: '2026-11-30', tags: ['work'] }),
  addWith('I have to call the landlord on the 3rd of december', 'Call the landlord', { due: '2026-12-03' }),
  addWith('add buy a birthday card, important', 'Buy a birthday card', { priority: 'high' }),
  addWith('add renew domain name yearly', 'Renew domain name', { repeat: 'yearly' }),
  addWith('add team lunch on 12/12 at 1pm', 'Team lunch', { due: '2026-12-12T13:00' }),
  addWith('create a task to back up the laptop every sunday night', 'Back up the laptop', { repeat: 'weekly on sun', due: '2026-11-29' }),
  addWith('add check the smoke alarm in a month', 'Check the smoke alarm', { due: '2026-12-26' }),
  addWith('add tidy the garage saturday #home low priority', 'Tidy the garage', { due: '2026-11-28', tags: ['home'], priority: 'low' }),
  addWith('add water the garden every morning', 'Water the garden', { repeat: 'daily' }),
  addWith('set a reminder to take the medicine at 8am every day', 'Take the medicine', { repeat: 'daily', due: '2026-11-27T08:00' }),
  addWith('add cancel the gym membership before december 1', 'Cancel the gym membership', { due: '2026-12-01' }),
  listD('what do I need to do tomorrow?', ['Write the report'], ['Book the trip', 'Buy a new lamp']),
  listD('show tasks due this month', ['Call the dentist', 'Write the report', 'Book the trip', 'Water the plants'], ['Pay the rent', 'Plan the team offsite']),
  listD('list everything tagged travel', ['Book the trip to Rome'], ['Write the report']),
  listD('which of my tasks are late?', ['Call the dentist'], ['Write the report']),
  listD('anything important I should do?', ['Call the dentist', 'Write the report'], ['Buy a new lamp']),
  listD('do I have anything about the offsite?', ['Plan the team offsite'], ['Pay the rent']),
  listD('show my tasks by priority', ['Call the dentist', 'Buy a new lamp']),
  listD("what's scheduled for monday?", ['Water the plants'], ['Pay the rent', 'Write the report']),
  listD("what's on my plate this week", ['Call the dentist', 'Write the report', 'Book the trip'], ['Pay the rent']),
  listD('show me medium priority stuff', ['Pay the rent'], ['Call the dentist']),
  listD('search dentist', ['Call the dentist'], ['Write the report']),
  updD('push the dentist back to next tuesday', 'Call the dentist', { due: '2026-12-01' }),
  updD('change the report deadline to monday 9am', 'Write the report', { due: '2026-11-30T09:00' }),
  updD('mark the lamp as urgent', 'Buy a new lamp', { priority: 'high' }),
  updD('label the trip #holiday', 'Book the trip to Rome', { tags: ['holiday', 'travel'] }),
  updD('untag the dentist', 'Call the dentist', { tags: [] }),
  updD("don't repeat the rent anymore", 'Pay the rent', { repeat: null }),
  updD('make the plants repeat every thursday', 'Water the plants', { repeat: 'weekly on thu' }),
  updD('set the trip for saturday at 10am', 'Book the trip to Rome', { due: '2026-11-28T10:00' }),
  updD('the lamp is low priority', 'Buy a new lamp', { priority: 'low' }),
  updD('clear the tags on the offsite', 'Plan the team offsite', { tags: [] }),
  updD('delay the offsite by a week', 'Plan the team offsite', { due: '2026-12-17' }),
  updD('make the report due on friday', 'Write the report', { due: '2026-11-27' }),
  convo(['add call the bank', 'make it repeat every month'], [{ op: 'added', title: 'Call the bank', repeat: 'monthly' }], HOME),
  convo(['show my tasks', 'move the first one to friday'], [{ op: 'updated', from: 'Plan the team offsite', due: '2026-11-27' }], DETAILED),
  { id: 'done', setup: DETAILED, turns: ['I finished the report'], expect: [{ op: 'completed', title: 'Write the report' }] },
  { id: 'done', setup: DETAILED, turns: ['done with the plants'], expect: [{ op: 'completed', title: 'Water the plants', next_due: '2026-12-07' }] },
]);
