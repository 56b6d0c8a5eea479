// Everyday phrasing, part 1 (issue 15): indirect and polite requests, a finished thing said as a fact,
// letting go of a task, fillers before a command, and headers before a title. Written from how people
// type, before the engine was changed for them. Clock: Thu 26 Nov 2026, 23:05, Europe/Paris.
import type { SetupTask } from '../domain-tasks.js';
import { HOME, MIXED } from '../phrasing-helpers.js';
import type { PhrasingCase } from '../runner.js';
import { adds1, category, completes, deletes, lists, nothing, talk, updates } from './helpers.js';

/** Errands some of which the user reports done in passing. */
export const ERRANDS: SetupTask[] = [
  'Pay the invoice',
  'Go to the gym',
  'Call the bank',
  'Book a vet visit',
  'Renew the domain',
  'Buy paint',
  'Water the ferns',
  'Send the contract to Maria',
  'Take the car to the garage',
  'Pick up the parcel',
];

/** Plans some of which the user drops. */
export const PLANS: SetupTask[] = [
  'Clean out the garage',
  'Buy paint',
  'Call the plumber',
  'Plan the birthday party',
  'Sell the old bike',
  'Sign up for yoga',
  'Order new curtains',
  'Renew the gym membership',
];

const PENDING = ['Fix the bike', 'Clean the windows', 'Call the electrician'];
const FINISHED = ['Buy stamps', 'Read chapter 4'];

const POLITE = category('polite', [
  adds1('would you mind noting that I have to book a vet visit', 'Book a vet visit'),
  adds1('I should really renew my library card', 'Renew my library card'),
  adds1("can you keep track of the plumber's quote for me", ["The plumber's quote", "Plumber's quote"]),
  adds1('could you make sure I remember to call Aunt Rosa on Sunday', { title: 'Call Aunt Rosa', due: '2026-11-29' }),
  adds1("it'd be great if you could add picking up the suit", ['Pick up the suit', 'Picking up the suit']),
  adds1('would you be able to add a task for the car MOT', ['Car MOT', 'The car MOT']),
  adds1('I was wondering if you could remind me to send the birthday card', 'Send the birthday card'),
  adds1("mind adding 'order contact lenses'?", 'Order contact lenses'),
  adds1('I think I ought to back up my photos', 'Back up my photos'),
  adds1('kindly add renew the parking permit', 'Renew the parking permit'),
  adds1("if it's not too much trouble, note down that the boiler needs servicing", ['The boiler needs servicing', 'Boiler needs servicing']),
  adds1('do me a favour and add fix the squeaky door', 'Fix the squeaky door'),
  adds1("I'd like you to add: email the landlord", 'Email the landlord'),
  adds1('could I get a reminder to take my vitamins', 'Take my vitamins'),
  adds1("I'd better check the tyre pressure", 'Check the tyre pressure'),
  adds1('it would help if you noted that I need to buy stamps', 'Buy stamps'),
  adds1("can you help me remember to water Sam's plants", "Water Sam's plants"),
  adds1("would you add 'prepare the quiz' for me please", 'Prepare the quiz'),
  adds1('I really ought to write to grandpa', 'Write to grandpa'),
  adds1("I'm supposed to return the rental car", 'Return the rental car'),
  lists("could you please show me what's still open", PENDING, FINISHED, MIXED),
  completes('would you mind marking the rent as paid', 'Pay the rent'),
  deletes('would you be so kind as to delete the groceries task', 'Buy groceries'),
  lists("could you possibly tell me what I've finished", FINISHED, PENDING, MIXED),
  completes("I'd appreciate it if you crossed off call mom", 'Call mom'),
]);

const FACT = category('fact', [
  completes('the invoice is paid, cross it off', 'Pay the invoice', ERRANDS),
  completes('I went to the gym', 'Go to the gym', ERRANDS),
  completes('called the bank already', 'Call the bank', ERRANDS),
  completes('vet visit is booked', 'Book a vet visit', ERRANDS),
  completes("domain's renewed", 'Renew the domain', ERRANDS),
  completes('bought the paint', 'Buy paint', ERRANDS),
  completes('ferns are watered', 'Water the ferns', ERRANDS),
  completes('sent Maria the contract', 'Send the contract to Maria', ERRANDS),
  completes('took the car to the garage this morning', 'Take the car to the garage', ERRANDS),
  completes('parcel picked up ✅', 'Pick up the parcel', ERRANDS),
  completes('just got back from the gym', 'Go to the gym', ERRANDS),
  completes('finally paid that invoice', 'Pay the invoice', ERRANDS),
  completes("I've booked the vet", 'Book a vet visit', ERRANDS),
  completes('all done with the ferns', 'Water the ferns', ERRANDS),
  completes('contract sent', 'Send the contract to Maria', ERRANDS),
  completes('I did the invoice', 'Pay the invoice', ERRANDS),
  completes('renewed the domain this morning', 'Renew the domain', ERRANDS),
  completes("that's the bank sorted", 'Call the bank', ERRANDS),
  completes('paint bought', 'Buy paint', ERRANDS),
  completes('I took care of the parcel', 'Pick up the parcel', ERRANDS),
  completes('the car is at the garage now, that one is done', 'Take the car to the garage', ERRANDS),
  nothing("I still haven't paid the invoice", ERRANDS),
  nothing("I'm going to the gym later", ERRANDS),
  nothing('did I call the bank?', ERRANDS),
  nothing("the invoice isn't paid yet", ERRANDS),
]);

const LETGO = category('letgo', [
  deletes("the garage one isn't needed any more, get rid of it", 'Clean out the garage', PLANS),
  deletes('forget about the paint', 'Buy paint', PLANS),
  deletes('no need to call the plumber anymore', 'Call the plumber', PLANS),
  deletes('scrap the party planning', 'Plan the birthday party', PLANS),
  deletes("I'm keeping the bike after all, take it off", 'Sell the old bike', PLANS),
  deletes('drop yoga', 'Sign up for yoga', PLANS),
  deletes("we don't need new curtains, remove that", 'Order new curtains', PLANS),
  deletes('the party is off, delete it', 'Plan the birthday party', PLANS),
  deletes('never mind the curtains', 'Order new curtains', PLANS),
  deletes('ditch the paint task', 'Buy paint', PLANS),
  deletes("I don't want to do yoga anymore", 'Sign up for yoga', PLANS),
  deletes("let's forget the plumber", 'Call the plumber', PLANS),
  deletes('remove the curtains thing, changed my mind', 'Order new curtains', PLANS),
  deletes('not doing the garage this year, bin it', 'Clean out the garage', PLANS),
  deletes("the plumber isn't necessary now", 'Call the plumber', PLANS),
  deletes('skip the birthday party, delete it', 'Plan the birthday party', PLANS),
  deletes('take the gym membership off my list', 'Renew the gym membership', PLANS),
  deletes('get rid of the bike one', 'Sell the old bike', PLANS),
  deletes("I won't need the paint", 'Buy paint', PLANS),
  deletes('kill the yoga task', 'Sign up for yoga', PLANS),
  deletes('the gym membership can go', 'Renew the gym membership', PLANS),
  nothing("don't remove the paint", PLANS),
  nothing('forget it', PLANS),
  nothing('I forgot the paint', PLANS),
]);

const FILLER = category('filler', [
  talk(['add call the vet', "cool, that one's finished"], [{ op: 'added', title: 'Call the vet', completed: true }]),
  talk(['add feed the cat', 'ok so mark it done'], [{ op: 'added', title: 'Feed the cat', completed: true }]),
  adds1('alright, next: add buy batteries', 'Buy batteries'),
  adds1('so um add pick up the kids', 'Pick up the kids'),
  deletes('okay, delete call mom', 'Call mom'),
  lists("right, what's left?", PENDING, FINISHED, MIXED),
  adds1('hmm, let me think... add book the car wash', 'Book the car wash'),
  completes('well, I guess mark the rent as paid', 'Pay the rent'),
  adds1('oh and add buy candles', 'Buy candles'),
  lists('great, now show my list', ['Walk the dog', 'Call mom', 'Buy groceries'], [], HOME),
  deletes('yeah, remove walk the dog', 'Walk the dog'),
  completes('k, complete water the plants', 'Water the plants'),
  adds1('so basically I need to call the insurance', 'Call the insurance'),
  adds1('anyway, add renew my passport', 'Renew my passport'),
  completes('ok ok, cross off groceries', 'Buy groceries'),
  adds1('sure, and add order pizza', 'Order pizza'),
  talk(['add water the basil', "yep, that's done"], [{ op: 'added', title: 'Water the basil', completed: true }]),
  adds1('lol ok add laundry', 'Laundry'),
  lists('actually, can you list my tasks', ['Walk the dog', 'Pay the rent'], [], HOME),
  deletes('now then, delete the rent task', 'Pay the rent'),
  adds1('btw add call the optician', 'Call the optician'),
  updates('fine, rename call mom to call mum', 'Call mom', { title: 'Call mum' }),
  completes('alright alright, mark walk the dog as done', 'Walk the dog'),
  lists("um, show me what's done", FINISHED, PENDING, MIXED),
]);

const HEADER = category('header', [
  adds1('Put this on my todo list: renew the domain', 'Renew the domain'),
  adds1('New task — fix the gate', 'Fix the gate'),
  adds1('Reminder: pay the parking fine', 'Pay the parking fine'),
  adds1('Task for tomorrow: call the landlord', { title: 'Call the landlord', due: '2026-11-27' }),
  adds1('For my list — buy a new kettle', 'Buy a new kettle'),
  adds1('Something to add: book the MOT', 'Book the MOT'),
  adds1("Here's one for you: return the jacket", 'Return the jacket'),
  adds1('Add this please: sort out the recycling', 'Sort out the recycling'),
  adds1('Todo item - replace the smoke alarm battery', 'Replace the smoke alarm battery'),
  adds1('Another one: email the school', 'Email the school'),
  adds1('One more thing to do: update my CV', 'Update my CV'),
  adds1('Work task: prepare the Q1 budget', 'Prepare the Q1 budget'),
  adds1('Shopping: toothpaste', ['Toothpaste', 'Buy toothpaste']),
  adds1('Note: the car needs an oil change', ['The car needs an oil change', 'Car needs an oil change']),
  adds1('Quick one — call the vet', 'Call the vet'),
  adds1('To-do for the weekend: clean the gutters', { title: 'Clean the gutters', due: '2026-11-28' }),
  adds1('Adding to the list: cancel the magazine subscription', 'Cancel the magazine subscription'),
  adds1('New item: delete old photos from the phone', 'Delete old photos from the phone'),
  adds1('Put this down: mark the exam papers', 'Mark the exam papers'),
  adds1('Please add the following: water the garden', 'Water the garden'),
  adds1('Todo ➜ buy bin bags', 'Buy bin bags'),
  adds1('NEW TASK: Call the accountant', 'Call the accountant'),
  adds1('add to my list for today: stretch for 10 minutes', 'Stretch for 10 minutes'),
]);

/** Requests, facts, letting go, fillers and headers. */
export const REQUEST_ROWS: PhrasingCase[] = [...POLITE, ...FACT, ...LETGO, ...FILLER, ...HEADER];
