// Rows written while probing the engine with fresh phrasing after the category tables passed (issue 15).
// Each one failed then and pins the general mechanism that fixed it; they are regression rows, kept out of
// the category tables so those tables' before/after figures stay comparable.
import { HOME, MIXED, TWINS } from '../phrasing-helpers.js';
import type { PhrasingCase } from '../runner.js';
import { CASA_MIXTA } from './capture.js';
import { adds, adds1, completes, deletes, lists, nothing, offTopic, talk } from './helpers.js';
import { ERRANDS, PLANS } from './requests.js';

const PENDING = ['Fix the bike', 'Clean the windows', 'Call the electrician'];
const FINISHED = ['Buy stamps', 'Read chapter 4'];

const rows: [string, PhrasingCase][] = [
  ['"would it be ok to" is a way of asking', adds1('hey, would it be ok to add order more printer paper', 'Order more printer paper')],
  ['an adverb between "I\'d" and "like to"', adds1("I'd really like to remember to call the council tomorrow", { title: 'Call the council', due: '2026-11-27' })],
  ['"be a dear and" is a way of asking', adds1('could you be a dear and add pick up the dry cleaning', 'Pick up the dry cleaning')],
  ['"if you don\'t mind," is a way of asking', adds1("if you don't mind, add call the landlord", 'Call the landlord')],
  ['"you could add" is a way of asking', adds1('you could add pick up the keys', 'Pick up the keys')],
  ['when it was done is not part of the name', completes('gym done for today', 'Go to the gym', ERRANDS)],
  ['"don\'t bother with X" lets X go', deletes("don't bother with the curtains", 'Order new curtains', PLANS)],
  ['"we can skip X" lets X go', deletes('we can skip the plumber', 'Call the plumber', PLANS)],
  ['"not doing X today" puts X off, it does not delete it', nothing("I'm not doing the paint today", PLANS)],
  ['a job for a day is a header', adds1('Job for Saturday: clean the car', { title: 'Clean the car', due: '2026-11-28' })],
  ['"for later:" is a header', adds1('For later: learn to juggle', 'Learn to juggle')],
  ['errands share no verb ("post office" is not "post")', adds('Errands: post office, bank, pharmacy', ['Post office', 'Bank', 'Pharmacy'], [])],
  ['"remind me what …" is a question, not a reminder', offTopic('remind me what the capital of France is')],
  ['a Spanish "what is left"', lists('¿qué me queda?', ['Arreglar la bici'], ['Comprar sellos'], CASA_MIXTA)],
  ['a Spanish "my tasks"', lists('mis tareas', ['Arreglar la bici', 'Comprar sellos'], [], CASA_MIXTA)],
  ['"need milk" adds milk', adds1('need milk', ['Milk', 'Buy milk'])],
  ['"remember the bins" adds them', adds1('remember the bins tomorrow', { title: ['The bins', 'Bins'], due: '2026-11-27' })],
  ['"what have I got on" lists', lists('what have i got on', ['Walk the dog'], [], HOME)],
  ['a date right after an add is the task\'s', talk(['add buy a cake', 'for saturday'], [{ op: 'added', title: 'Buy a cake', due: '2026-11-28' }])],
  ['"both" is what was just added', talk(['add call the bank', 'add email the bank', 'delete both'], [{ op: 'unchanged' }])],
  ['"both" answers "which one?"', talk(['complete the email task', 'both'], [{ op: 'completed', title: 'Email the team' }, { op: 'completed', title: 'Email the client' }], TWINS)],
  ['a question about a due date edits nothing', nothing('the rent is due on friday?')],
  ['a checked checklist line completes', completes('- [x] call mom', 'Call mom')],
  ['an empty checklist box adds', adds1('- [ ] buy candles', 'Buy candles')],
  ['several commands joined by "and" are a dump', adds('call mom and email dad and book flights', ['Call mom', 'Email dad', 'Book flights'], [])],
  ['a verbless list is offered back, not added', talk(['milk, eggs, bread'], [{ op: 'unchanged' }, { op: 'mentions', text: ['Milk', 'Eggs', 'Bread', 'yes'] }], [])],
  ['the offered list is added on "yes"', talk(['milk, eggs, bread', 'yes'], [{ op: 'added', title: 'Milk' }, { op: 'added', title: 'Eggs' }, { op: 'added', title: 'Bread' }], [])],
  ['"tick off 1 and 3" right after a list are its lines', talk(['show my tasks', 'the first two are done'], [{ op: 'completed', title: 'Walk the dog' }, { op: 'completed', title: 'Water the plants' }])],
  ['a scope word in a filler-led list', lists('ok then, show me everything including done', [...FINISHED, ...PENDING], [], MIXED)],
];

/** The probe rows, with ids saying what each pins. */
export const PROBE_ROWS: PhrasingCase[] = rows.map(([why, row]) => ({ ...row, id: `probe: ${why}` }));
