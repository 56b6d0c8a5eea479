// Everyday phrasing, part 2 (issue 15): scope words on a list, continuations and corrections across
// turns, and positions ("the second one", "number two") read against what the user last saw.
// HOME shown newest first: 1 Walk the dog, 2 Water the plants, 3 Pay the rent, 4 Call mom, 5 Buy groceries.
import { MIXED, TWINS } from '../phrasing-helpers.js';
import type { PhrasingCase } from '../runner.js';
import { category, lists, talk } from './helpers.js';

const ALL = ['Buy stamps', 'Fix the bike', 'Read chapter 4', 'Clean the windows', 'Call the electrician'];
const PENDING = ['Fix the bike', 'Clean the windows', 'Call the electrician'];
const FINISHED = ['Buy stamps', 'Read chapter 4'];
const all = (turn: string): PhrasingCase => lists(turn, ALL, [], MIXED);
const open = (turn: string): PhrasingCase => lists(turn, PENDING, FINISHED, MIXED);
const finished = (turn: string): PhrasingCase => lists(turn, FINISHED, PENDING, MIXED);

const SCOPE = category('scope', [
  all('list all tasks including finished ones'),
  all('everything, done or not'),
  open('only the open ones'),
  all('show me the completed ones too'),
  finished('just the finished ones'),
  all('list everything incl. done'),
  open("what's still open?"),
  all('show me all of them, even the ticked-off ones'),
  open('which ones are not done yet'),
  finished("show only what I've already done"),
  all('list my tasks, completed included'),
  open('open tasks only please'),
  all('give me the full list'),
  finished('what have I ticked off so far?'),
  all('show unfinished and finished'),
  open('show tasks that are still to do'),
  finished("list the ones I've crossed off"),
  all('all my tasks please, even old ones'),
  open('show me active tasks'),
  finished('list closed tasks'),
  open("everything that's outstanding"),
  finished('done ones?'),
  all('whole list incl completed pls'),
]);

const CONTIN = category('contin', [
  talk(['add buy milk', 'and also water the ferns'], [{ op: 'added', title: 'Buy milk' }, { op: 'added', title: 'Water the ferns' }]),
  talk(['add call the vet', 'scratch that, remove it'], [{ op: 'unchanged' }]),
  talk(['add dentist on tuesday', 'no wait, make it Wednesday'], [{ op: 'added', title: 'Dentist', due: '2026-12-02' }]),
  talk(['add book the hotel', 'oh and the flights too'], [
    { op: 'added', title: 'Book the hotel' },
    { op: 'added', title: ['Book the flights', 'The flights', 'Flights'] },
  ]),
  talk(['add pay the water bill', 'also the gas bill'], [
    { op: 'added', title: 'Pay the water bill' },
    { op: 'added', title: ['Pay the gas bill', 'The gas bill', 'Gas bill'] },
  ]),
  talk(['add call the plumber', 'sorry, I meant the electrician'], [{ op: 'added', title: 'Call the electrician' }]),
  talk(['add call dad', 'wait no, call grandpa'], [{ op: 'added', title: 'Call grandpa' }]),
  talk(['delete call mom', 'and walk the dog'], [{ op: 'deleted', title: 'Call mom' }, { op: 'deleted', title: 'Walk the dog' }]),
  talk(['mark call mom as done', 'and the rent too'], [{ op: 'completed', title: 'Call mom' }, { op: 'completed', title: 'Pay the rent' }]),
  talk(['add renew passport tomorrow', 'no, monday'], [{ op: 'added', title: 'Renew passport', due: '2026-11-30' }]),
  talk(['add call the garage', 'scratch that'], [{ op: 'unchanged' }]),
  talk(['add call the garage', 'never mind, delete it'], [{ op: 'unchanged' }]),
  talk(['add buy flowers', 'and a card'], [{ op: 'added', title: 'Buy flowers' }, { op: 'added', title: ['Buy a card', 'A card', 'Card'] }]),
  talk(['add water the ferns on saturday', 'actually sunday'], [{ op: 'added', title: 'Water the ferns', due: '2026-11-29' }]),
  talk(['add email Tom', 'oh, and tag it #work'], [{ op: 'added', title: 'Email Tom', tags: ['work'] }]),
  talk(['add email Tom', 'plus call Anna'], [{ op: 'added', title: 'Email Tom' }, { op: 'added', title: 'Call Anna' }]),
  talk(['show my tasks', 'and the done ones?'], [{ op: 'unchanged' }, { op: 'mentions', text: FINISHED }], MIXED),
  talk(['add pick up the cake', 'no wait, make it tomorrow'], [{ op: 'added', title: 'Pick up the cake', due: '2026-11-27' }]),
  talk(['add take out the bins', 'remove that one, my mistake'], [{ op: 'unchanged' }]),
  talk(["what's pending", "and what's done?"], [{ op: 'unchanged' }, { op: 'mentions', text: FINISHED }, { op: 'not_mentions', text: PENDING }], MIXED),
  talk(['add sort the recycling', 'and another: defrost the freezer'], [
    { op: 'added', title: 'Sort the recycling' },
    { op: 'added', title: 'Defrost the freezer' },
  ]),
  talk(['add call the school', 'no wait, scratch that, add call the nursery'], [{ op: 'added', title: 'Call the nursery' }]),
  talk(['add buy a rug', 'actually make it high priority'], [{ op: 'added', title: 'Buy a rug', priority: 'high' }]),
]);

const POSITION = category('position', [
  talk(['add buy milk', 'add call the bank', 'add renew passport', 'remove number two'], [
    { op: 'added', title: 'Buy milk' },
    { op: 'added', title: 'Renew passport' },
  ]),
  talk(['show my tasks', 'delete the third one'], [{ op: 'deleted', title: 'Pay the rent' }]),
  talk(['show my tasks', 'done with number 2'], [{ op: 'completed', title: 'Water the plants' }]),
  talk(["what's pending?", 'the second one is done'], [{ op: 'completed', title: 'Clean the windows' }], MIXED),
  talk(['show my tasks', 'tick off 1 and 3'], [{ op: 'completed', title: 'Walk the dog' }, { op: 'completed', title: 'Pay the rent' }]),
  talk(['show my tasks', 'remove the last two'], [{ op: 'deleted', title: 'Call mom' }, { op: 'deleted', title: 'Buy groceries' }]),
  talk(['add eggs, flour and sugar', 'delete the second one'], [{ op: 'added', title: 'Eggs' }, { op: 'added', title: 'Sugar' }]),
  talk(['add eggs, flour and sugar', 'mark the first one done'], [
    { op: 'added', title: 'Eggs', completed: true },
    { op: 'added', title: 'Flour' },
    { op: 'added', title: 'Sugar' },
  ]),
  talk(['show my tasks', 'mark the top one done'], [{ op: 'completed', title: 'Walk the dog' }]),
  talk(['show my tasks', 'number 4 is done'], [{ op: 'completed', title: 'Call mom' }]),
  talk(['show my tasks', 'move the first one to tomorrow'], [{ op: 'updated', from: 'Walk the dog', due: '2026-11-27' }]),
  talk(['show my tasks', 'the fifth one can go'], [{ op: 'deleted', title: 'Buy groceries' }]),
  talk(['show completed tasks', 'delete the first'], [{ op: 'deleted', title: 'Read chapter 4' }], MIXED),
  talk(['add call the bank', 'add pay the gas bill', 'add fix the sink', 'the first one is done'], [
    { op: 'added', title: 'Call the bank', completed: true },
    { op: 'added', title: 'Pay the gas bill' },
    { op: 'added', title: 'Fix the sink' },
  ]),
  talk(['add book the hall', 'add order the cake', 'add send invites', 'delete the last one'], [
    { op: 'added', title: 'Book the hall' },
    { op: 'added', title: 'Order the cake' },
  ]),
  talk(['show my tasks', 'second and fourth are done'], [{ op: 'completed', title: 'Water the plants' }, { op: 'completed', title: 'Call mom' }]),
  talk(['find tasks about email', 'complete the second'], [{ op: 'completed_one_of', titles: ['Email the team', 'Email the client'], position: 2 }], TWINS),
  talk(['complete the email task', 'the second'], [{ op: 'completed_one_of', titles: ['Email the team', 'Email the client'], position: 2 }], TWINS),
  talk(['show my tasks', 'the third one, mark it done'], [{ op: 'completed', title: 'Pay the rent' }]),
  talk(['add buy milk', 'add buy eggs', 'actually remove the first one'], [{ op: 'added', title: 'Buy eggs' }]),
  talk(['show my tasks', 'finish the 3rd and 5th'], [{ op: 'completed', title: 'Pay the rent' }, { op: 'completed', title: 'Buy groceries' }]),
  talk(["what's pending?", 'rename number one to Call the electrician back'], [
    { op: 'updated', from: 'Call the electrician', title: 'Call the electrician back' },
  ], MIXED),
]);

/** Scope words, continuations and corrections, positions. */
export const CONTEXT_ROWS: PhrasingCase[] = [...SCOPE, ...CONTIN, ...POSITION];
