// The trust table (issue 14): undo, reopening, "what did I change?", bulk changes with a confirmation and
// "scratch that", written as people type them, each with the task changes it must leave behind. Rows run
// through the real tools, where one turn is one change group: undo takes a turn back whole, and past 3
// deletes or 10 completions a turn the server wants a confirmation. Pure data: no engine, no database.
import type { SetupTask } from './domain-tasks.js';
import { category } from './everyday/helpers.js';
import type { Expectation } from './expectations.js';
import { HOME, MIXED, NOT_FOUND } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';

const talk = (turns: string[], expect: Expectation[], setup: SetupTask[] = HOME): PhrasingCase => ({ id: 'row', setup, turns, expect });
const unchanged = (...text: string[]): Expectation[] => [{ op: 'unchanged' }, ...(text.length > 0 ? [{ op: 'mentions' as const, text }] : [])];
const ALL_HOME = ['Buy groceries', 'Call mom', 'Pay the rent', 'Water the plants', 'Walk the dog'];
/** Twelve pending tasks: more than one turn may complete without a confirmation. */
const TWELVE: SetupTask[] = Array.from({ length: 12 }, (_v, i) => `Chore ${i + 1}`);
/** Four completed tasks and two pending: more completed ones than one turn may delete without a confirmation. */
const FOUR_DONE: SetupTask[] = [
  { title: 'Buy stamps', completed: true },
  'Fix the bike',
  { title: 'Read chapter 4', completed: true },
  { title: 'Post the parcel', completed: true },
  { title: 'Book the MOT', completed: true },
  'Clean the windows',
];
const DONE_TWINS: SetupTask[] = [{ title: 'Email the team', completed: true }, { title: 'Email the client', completed: true }, 'Pay the rent'];

// HOME's ids: 1 Buy groceries, 2 Call mom, 3 Pay the rent, 4 Water the plants, 5 Walk the dog; a new task is #6.
const UNDO = category('undo', [
  talk(['add buy milk', 'undo'], unchanged('Removed #6 Buy milk')),
  talk(['add buy milk and call the bank', 'undo'], unchanged('Buy milk', 'Call the bank')),
  talk(['delete call mom', 'undo that'], unchanged('Brought back #2 Call mom')),
  talk(['complete pay the rent', 'take that back'], unchanged('Pay the rent')),
  talk(['delete the dog task', 'oops, restore it'], unchanged('Walk the dog')),
  talk(['rename call mom to call dad', 'revert that'], unchanged('#2 Call mom back as it was')),
  talk(['complete call mom', 'undo my last change'], unchanged('#2 Call mom as not done')),
  talk(['delete walk the dog', 'put it back'], unchanged('Walk the dog')),
  talk(['add buy milk', 'add buy eggs', 'undo'], [{ op: 'added', title: 'Buy milk' }]),
  talk(['add buy milk', 'add buy eggs', 'undo', 'undo'], unchanged('Buy milk')),
  talk(['add buy milk', 'add buy eggs', 'undo twice'], unchanged('Buy eggs', 'Buy milk')),
  talk(['add buy milk', 'add buy eggs', 'undo the last 2 changes'], unchanged('Buy eggs', 'Buy milk')),
  talk(['delete call mom', 'can you undo that?'], unchanged('Call mom')),
  talk(['complete call mom', 'udno'], unchanged('Call mom')),
  talk(['delete call mom', 'ctrl z'], unchanged('Call mom')),
  talk(['delete call mom', 'roll that back pls'], unchanged('Call mom')),
  talk(['delete call mom', "I didn't mean to do that"], unchanged('Call mom')),
  talk(['delete the rent task', 'wait no, undo'], unchanged('Pay the rent')),
  talk(['undo'], unchanged('nothing to undo'), []),
  talk(['add buy milk', 'undo', 'undo'], unchanged('nothing to undo'), []),
  talk(['put it back'], unchanged('Say "undo"'), []),
  talk(['delete call mom', 'restore call mom'], unchanged('Brought back #2 Call mom')),
  talk(['delete call mom', 'undelete task {id:Call mom}'], unchanged('Call mom')),
  talk(['delete call mom', 'restore'], unchanged('Brought back #2 Call mom')),
  talk(['delete call mom', 'add buy milk', 'restore call mom'], [
    { op: 'deleted', title: 'Call mom' },
    { op: 'added', title: 'Buy milk' },
    { op: 'mentions', text: ['Recently deleted'] },
  ]),
  talk(['complete call mom', 'rename call mom to call mum', 'undo'], [{ op: 'completed', title: 'Call mom' }, { op: 'mentions', text: ['Call mom'] }]),
]);

// MIXED's ids: 1 Buy stamps (done), 2 Fix the bike, 3 Read chapter 4 (done), 4 Clean the windows, 5 Call the electrician.
const REOPEN = category('reopen', [
  talk(['mark the stamps one as not done'], [{ op: 'reopened', title: 'Buy stamps' }, { op: 'mentions', text: ['Reopened #1 Buy stamps'] }], MIXED),
  talk(['reopen task {id:Read chapter 4}'], [{ op: 'reopened', title: 'Read chapter 4' }], MIXED),
  talk(['un-complete read chapter 4'], [{ op: 'reopened', title: 'Read chapter 4' }], MIXED),
  talk(["I didn't actually finish chapter 4"], [{ op: 'reopened', title: 'Read chapter 4' }], MIXED),
  talk(['oops i didnt actually read chapter 4'], [{ op: 'reopened', title: 'Read chapter 4' }], MIXED),
  talk(['mark buy stamps as incomplete'], [{ op: 'reopened', title: 'Buy stamps' }], MIXED),
  talk(['uncheck the stamps'], [{ op: 'reopened', title: 'Buy stamps' }], MIXED),
  talk(['put buy stamps back on my list'], [{ op: 'reopened', title: 'Buy stamps' }], MIXED),
  talk(["buy stamps isn't done actually"], [{ op: 'reopened', title: 'Buy stamps' }], MIXED),
  talk(['mark #{id:Buy stamps} as not done'], [{ op: 'reopened', title: 'Buy stamps' }], MIXED),
  talk(['mark read chapter 4 undone pls'], [{ op: 'reopened', title: 'Read chapter 4' }], MIXED),
  talk(['complete fix the bike', "that's not done yet, put it back on my list"], unchanged('Reopened #2 Fix the bike'), MIXED),
  talk(['complete call the electrician', "actually it's not done"], unchanged('Reopened #5 Call the electrician'), MIXED),
  talk(['finish clean the windows', 'reopen it'], unchanged('Reopened #4 Clean the windows'), MIXED),
  talk(['reopen the email task', 'the team one'], [{ op: 'reopened', title: 'Email the team' }], DONE_TWINS),
  talk(['reopen fix the bike'], unchanged('still on your list'), MIXED),
  talk(["I haven't fixed the bike yet"], unchanged('stays on your list'), MIXED),
  talk(['reopen task 99'], [{ op: 'unchanged' }, { op: 'mentions_any', text: NOT_FOUND }], MIXED),
]);

const ACTIVITY = category('activity', [
  talk(['add buy milk', 'complete call mom', 'what did I change today?'], [
    { op: 'added', title: 'Buy milk' },
    { op: 'completed', title: 'Call mom' },
    { op: 'in_order', text: ['added #6 Buy milk', 'completed #2 Call mom'] },
  ]),
  talk(['delete walk the dog', 'what have I done today'], [{ op: 'deleted', title: 'Walk the dog' }, { op: 'mentions', text: ['deleted #5 Walk the dog'] }]),
  talk(['add buy milk', 'undo', 'show my recent changes'], unchanged('added #6 Buy milk — undone')),
  talk(['complete pay the rent', 'what did you just do?'], [
    { op: 'completed', title: 'Pay the rent' },
    { op: 'mentions', text: ['completed #3 Pay the rent'] },
    { op: 'not_mentions', text: ['Walk the dog'] },
  ]),
  talk(['rename call mom to call dad', 'what changed today'], [{ op: 'updated', from: 'Call mom', title: 'Call dad' }, { op: 'mentions', text: ['renamed from "Call mom"'] }]),
  talk(['complete call mom', "show me today's changes"], [{ op: 'completed', title: 'Call mom' }, { op: 'mentions', text: ['completed #2 Call mom'] }]),
  talk(['delete call mom', 'whats changed'], [{ op: 'deleted', title: 'Call mom' }, { op: 'mentions', text: ['deleted #2 Call mom'] }]),
  talk(['add buy milk', 'what did I just add?'], [{ op: 'added', title: 'Buy milk' }, { op: 'mentions', text: ['The last change', 'Added #6 Buy milk'] }]),
  talk(['what did i change today'], unchanged("haven't changed any tasks today"), []),
]);

const BULK = category('bulk', [
  talk(['delete all my tasks'], unchanged(...ALL_HOME, "I'll delete these 5 tasks", 'Say yes')),
  talk(['delete all my tasks', 'yes'], ALL_HOME.map((title) => ({ op: 'deleted', title }))),
  talk(['clear my list', 'yes please'], ALL_HOME.map((title) => ({ op: 'deleted', title }))),
  talk(['delete everything', 'yes, delete them all'], ALL_HOME.map((title) => ({ op: 'deleted', title }))),
  talk(['delete tasks 1, 2, 3, 4 and 5', 'go ahead'], ALL_HOME.map((title) => ({ op: 'deleted', title }))),
  talk(['delete all my tasks', 'no'], unchanged()),
  // Nothing was deleted yet: "undo" means "don't", not "take back an older change".
  talk(['add buy milk', 'delete all my tasks', 'undo'], [{ op: 'added', title: 'Buy milk' }, { op: 'mentions', text: ["won't change"] }]),
  talk(['delete all my tasks', 'show my tasks', 'yes'], unchanged()),
  talk(['delete all my tasks', 'yes', 'undo'], unchanged('Brought back #1 Buy groceries', 'Brought back #5 Walk the dog')),
  talk(['mark everything done'], unchanged('mark these 12 tasks as done', 'Chore 12'), TWELVE),
  talk(['complete all my tasks', 'go ahead'], TWELVE.map((title) => ({ op: 'completed', title: String(title) })), TWELVE),
  talk(['mark everything done', 'nope'], unchanged(), TWELVE),
  talk(['delete all completed tasks'], unchanged('Buy stamps', 'Book the MOT', 'Say yes'), FOUR_DONE),
  talk(['delete all completed tasks', 'yep'], ['Buy stamps', 'Read chapter 4', 'Post the parcel', 'Book the MOT'].map((title) => ({ op: 'deleted', title })), FOUR_DONE),
  // At the limit the engine asks as it always did, and "yes" deletes without a preview.
  talk(['delete all my tasks', 'yes'], ['Call mom', 'Pay the rent', 'Walk the dog'].map((title) => ({ op: 'deleted', title })), ['Call mom', 'Pay the rent', 'Walk the dog']),
  talk(['delete all my tasks', 'yes delete them'], ['Call mom', 'Pay the rent', 'Walk the dog'].map((title) => ({ op: 'deleted', title })), ['Call mom', 'Pay the rent', 'Walk the dog']),
  talk(['wipe my list', 'go for it'], ALL_HOME.map((title) => ({ op: 'deleted', title }))),
  talk(['tick everything off', 'yess'], TWELVE.map((title) => ({ op: 'completed', title: String(title) })), TWELVE),
]);

const SCRATCH = category('scratch', [
  talk(['add buy milk', 'scratch that'], unchanged('Removed #6 Buy milk')),
  talk(['complete call mom', 'scratch that'], unchanged('Call mom')),
  talk(['delete call mom', 'forget that'], unchanged('Brought back #2 Call mom')),
  talk(['add call the vet', 'scratch that, remove it'], unchanged()),
  talk(['show my tasks', 'scratch that'], unchanged("won't change")),
  talk(['add buy milk', 'no wait, scratch that, add buy oat milk'], [{ op: 'added', title: 'Buy oat milk' }]),
  // After an undo, "scratch that" does not undo again (that would take back an older change).
  talk(['delete call mom', 'undo', 'scratch that'], unchanged("won't change")),
]);

/** Categories of the trust table, in report order. */
export const TRUST_CATEGORIES = ['undo', 'reopen', 'activity', 'bulk', 'scratch'];

/** Every row of the trust table. */
export const TRUST: PhrasingCase[] = [...UNDO, ...REOPEN, ...ACTIVITY, ...BULK, ...SCRATCH];
