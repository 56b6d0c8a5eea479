// Everyday phrasing, part 3 (issue 15): a brain dump of several tasks in one message, symbols and
// typos, requests outside what the assistant does, and the five commands in Spanish.
// Clock: Thu 26 Nov 2026, 23:05, Europe/Paris (tomorrow is Fri 27, monday Mon 30 Nov).
import type { SetupTask } from '../domain-tasks.js';
import { MIXED } from '../phrasing-helpers.js';
import { DETAILED } from '../phrasings-details.js';
import type { PhrasingCase } from '../runner.js';
import { adds, adds1, category, completes, deletes, lists, nothing, offTopic, talk, updates } from './helpers.js';

/** Tasks whose names people misspell. */
export const SPELLED: SetupTask[] = ['Dentist appointment', 'Buy milk', 'Buy a new lamp', 'Call mom', 'Pay the rent', 'Water the plants'];
/** A Spanish-speaking user's list. */
export const CASA: SetupTask[] = ['Comprar pan', 'Llamar al dentista', 'Pagar el alquiler', 'Regar las plantas'];
/** A Spanish list with one task done. */
export const CASA_MIXTA: SetupTask[] = [{ title: 'Comprar sellos', completed: true }, 'Arreglar la bici', 'Limpiar las ventanas'];

const buy = (thing: string): string[] => [`Buy ${thing}`, thing];

const DUMP = category('dump', [
  adds('buy milk, eggs and bread', [buy('milk'), buy('eggs'), buy('bread')], []),
  adds('- call the bank\n- renew passport by Friday\n- book flights #travel', [
    'Call the bank',
    { title: 'Renew passport', due: '2026-11-27' },
    { title: 'Book flights', tags: ['travel'] },
  ], []),
  adds1('add salt and pepper shakers', 'Salt and pepper shakers', []),
  adds1('add fish and chips for dinner', 'Fish and chips for dinner', []),
  adds1('add mac and cheese', 'Mac and cheese', []),
  adds('Things to do today:\n1. laundry\n2. call grandma\n3. pay the phone bill', ['Laundry', 'Call grandma', 'Pay the phone bill'], []),
  adds('groceries: milk, eggs, butter, coffee', [buy('milk'), buy('eggs'), buy('butter'), buy('coffee')], []),
  adds('* email Tom\n* book dentist\n* pay council tax', ['Email Tom', 'Book dentist', 'Pay council tax'], []),
  adds('call the bank, email the landlord, book a haircut', ['Call the bank', 'Email the landlord', 'Book a haircut'], []),
  adds('tomorrow: call the plumber, pick up the dry cleaning', [
    { title: 'Call the plumber', due: '2026-11-27' },
    { title: 'Pick up the dry cleaning', due: '2026-11-27' },
  ], []),
  adds('remind me to call mom tomorrow and pay the rent on Monday', [
    { title: 'Call mom', due: '2026-11-27' },
    { title: 'Pay the rent', due: '2026-11-30' },
  ], []),
  adds('add milk\nadd eggs\nadd bread', ['Milk', 'Eggs', 'Bread'], []),
  adds('I need to: fix the tap, clean the oven, and sort the post', ['Fix the tap', 'Clean the oven', 'Sort the post'], []),
  adds1('add pick up Jack and Jill from school', 'Pick up Jack and Jill from school', []),
  adds1('add rock and roll playlist for the party', 'Rock and roll playlist for the party', []),
  adds('1) renew car tax 2) book MOT 3) buy wiper fluid', ['Renew car tax', 'Book MOT', 'Buy wiper fluid'], []),
  adds('buy: apples, pears, grapes', [buy('apples'), buy('pears'), buy('grapes')], []),
  adds('- call the vet high priority\n- buy cat food', [{ title: 'Call the vet', priority: 'high' }, { title: 'Buy cat food', priority: null }], []),
  adds('pay rent monday, gym tuesday, dentist wednesday', [
    { title: 'Pay rent', due: '2026-11-30' },
    { title: 'Gym', due: '2026-12-01' },
    { title: 'Dentist', due: '2026-12-02' },
  ], []),
  adds('add bread, cheese & ham', ['Bread', 'Cheese', 'Ham'], []),
  adds('eggs\nmilk\nbutter', [buy('eggs'), buy('milk'), buy('butter')], []),
  talk(['- water the plants\n- call the garage\n- renew the insurance'], [
    { op: 'added', title: 'Water the plants' },
    { op: 'added', title: 'Call the garage' },
    { op: 'added', title: 'Renew the insurance' },
    { op: 'mentions', text: ['Water the plants', 'Call the garage', 'Renew the insurance'] },
  ], []),
]);

const TYPO = category('typo', [
  completes('✔ dentist', 'Dentist appointment', SPELLED),
  completes('mrak the milk done', 'Buy milk', SPELLED),
  lists('whats due this wek', ['Call the dentist', 'Write the report', 'Book the trip to Rome'], ['Plan the team offsite', 'Buy a new lamp'], DETAILED),
  deletes('delte the lamp', 'Buy a new lamp', SPELLED),
  completes('✅ call mom', 'Call mom', SPELLED),
  completes('compleet the rent', 'Pay the rent', SPELLED),
  deletes('remvoe water the plants', 'Water the plants', SPELLED),
  lists('shwo my tasks', ['Fix the bike', 'Buy stamps'], [], MIXED),
  adds1('aad buy bin bags', 'Buy bin bags', SPELLED),
  deletes('🗑️ lamp', 'Buy a new lamp', SPELLED),
  completes('dentsit apointment done', 'Dentist appointment', SPELLED),
  completes('mark teh rent as paid', 'Pay the rent', SPELLED),
  lists("wat's left", ['Fix the bike', 'Clean the windows'], ['Buy stamps'], MIXED),
  completes('cmplete call mom', 'Call mom', SPELLED),
  updates('rname the lamp to Buy a desk lamp', 'Buy a new lamp', { title: 'Buy a desk lamp' }, SPELLED),
  deletes('pls dleete call mom', 'Call mom', SPELLED),
  completes('☑️ water the plants', 'Water the plants', SPELLED),
  completes('done ✔️ milk', 'Buy milk', SPELLED),
  adds1('+ buy batteries', 'Buy batteries', SPELLED),
  lists('lsit whats pending', ['Fix the bike', 'Call the electrician'], ['Buy stamps', 'Read chapter 4'], MIXED),
  adds1('tommorow: call the bank', { title: 'Call the bank', due: '2026-11-27' }, SPELLED),
  adds1('add call the bank tmrw', { title: 'Call the bank', due: '2026-11-27' }, SPELLED),
  deletes('delet the milk', 'Buy milk', SPELLED),
  lists('sho completd tasks', ['Buy stamps', 'Read chapter 4'], ['Fix the bike'], MIXED),
]);

const OFFTOPIC = category('offtopic', [
  offTopic('will it rain on Saturday?'),
  offTopic('send an email to bob'),
  offTopic("what's the weather in Paris"),
  offTopic('is it going to be sunny tomorrow'),
  offTopic('book me a flight to Rome'),
  offTopic("what's 15% of 80"),
  offTopic('translate hello into French'),
  offTopic('play some music'),
  offTopic('order a pizza for me'),
  offTopic("what's the capital of Peru?"),
  offTopic('who are you?'),
  offTopic('can you text my wife'),
  offTopic('search the web for cheap flights'),
  offTopic("what's in the news today"),
  offTopic('tell me about the weather'),
  offTopic('open Spotify'),
  offTopic('convert 10 miles to km'),
  talk(['add buy stamps', 'what did I just add?'], [{ op: 'added', title: 'Buy stamps' }, { op: 'mentions', text: ['Buy stamps'] }]),
  talk(['add buy stamps', 'add call the bank', 'what was the last thing I added?'], [
    { op: 'added', title: 'Buy stamps' },
    { op: 'added', title: 'Call the bank' },
    { op: 'mentions', text: ['Call the bank'] },
  ]),
  talk(['mark call mom as done', 'what did you just do?'], [{ op: 'completed', title: 'Call mom' }, { op: 'mentions', text: ['Call mom'] }]),
  talk(['add eggs, milk and flour', 'what did I just add?'], [
    { op: 'added', title: 'Eggs' },
    { op: 'added', title: 'Milk' },
    { op: 'added', title: 'Flour' },
    { op: 'mentions', text: ['Eggs', 'Milk', 'Flour'] },
  ]),
]);

const ES = category('es', [
  adds1('añade llamar al fontanero', 'Llamar al fontanero', CASA),
  adds1('agrega comprar leche', 'Comprar leche', CASA),
  adds1('añadir tarea: renovar el pasaporte', 'Renovar el pasaporte', CASA),
  adds1('recuérdame sacar la basura', 'Sacar la basura', CASA),
  adds1('apunta pedir cita con el médico', 'Pedir cita con el médico', CASA),
  adds1('nueva tarea: lavar el coche', 'Lavar el coche', CASA),
  adds1('añade comprar fruta mañana', { title: 'Comprar fruta', due: '2026-11-27' }, CASA),
  adds('añade leche, huevos y pan', ['Leche', 'Huevos', 'Pan'], CASA),
  adds1('tengo que llamar a mi madre', 'Llamar a mi madre', CASA),
  lists('¿qué tengo pendiente?', ['Arreglar la bici', 'Limpiar las ventanas'], ['Comprar sellos'], CASA_MIXTA),
  lists('muéstrame mis tareas', ['Arreglar la bici', 'Comprar sellos'], [], CASA_MIXTA),
  lists('lista mis tareas', ['Limpiar las ventanas', 'Comprar sellos'], [], CASA_MIXTA),
  lists('¿qué he terminado?', ['Comprar sellos'], ['Arreglar la bici'], CASA_MIXTA),
  lists('¿cuántas tareas tengo?', ['3'], [], CASA_MIXTA),
  completes('marca comprar pan como hecha', 'Comprar pan', CASA),
  completes('marca la tarea del alquiler como completada', 'Pagar el alquiler', CASA),
  completes('completa regar las plantas', 'Regar las plantas', CASA),
  completes('ya llamé al dentista', 'Llamar al dentista', CASA),
  deletes('borra comprar pan', 'Comprar pan', CASA),
  deletes('elimina la tarea del dentista', 'Llamar al dentista', CASA),
  deletes('quita pagar el alquiler de la lista', 'Pagar el alquiler', CASA),
  updates('cambia comprar pan a comprar pan integral', 'Comprar pan', { title: 'Comprar pan integral' }, CASA),
  nothing('hola', CASA),
  nothing('gracias', CASA),
]);

/** Brain dumps, typos and symbols, out-of-scope requests, Spanish. */
export const CAPTURE_ROWS: PhrasingCase[] = [...DUMP, ...TYPO, ...OFFTOPIC, ...ES];
