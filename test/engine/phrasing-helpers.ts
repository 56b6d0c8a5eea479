// Short builders for phrasing-table rows, so the table reads as "what the user types -> effect".
import type { DetailExpectation, Expectation } from './expectations.js';
import type { PhrasingCase } from './runner.js';
import type { SetupTask } from './domain-tasks.js';

/** A Thursday, late: "tonight" and "at midnight" are close. The docs' example instant. */
export const DEFAULT_NOW = '2026-11-26T23:05';
/** The docs' example time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** A household list; newest first it shows Walk the dog, Water the plants, Pay the rent, Call mom, Buy groceries. */
export const HOME: SetupTask[] = ['Buy groceries', 'Call mom', 'Pay the rent', 'Water the plants', 'Walk the dog'];
/** A work list. */
export const WORK: SetupTask[] = [
  'Weekly meeting notes',
  'Send the invoice',
  'Email the team',
  'Book flights to Lisbon',
  'Dentist appointment',
  'Renew passport',
];
/** A list with two completed tasks; pending newest first: Call the electrician, Clean the windows, Fix the bike. */
export const MIXED: SetupTask[] = [
  { title: 'Buy stamps', completed: true },
  'Fix the bike',
  { title: 'Read chapter 4', completed: true },
  'Clean the windows',
  'Call the electrician',
];
/** Two tasks that one word ("email") cannot tell apart. */
export const TWINS: SetupTask[] = ['Email the team', 'Email the client', 'Pay the rent'];

const KINDS = new Set(['add', 'add-desc', 'list', 'done', 'del', 'upd', 'none', 'ctx']);
const nextId = (kind: string): string => kind;

/** Numbers a table's rows per kind ("add-1", "add-2", …, with a prefix), keeping explicit ids. */
export function withIds(prefix: string, rows: PhrasingCase[]): PhrasingCase[] {
  const counters = new Map<string, number>();
  return rows.map((row) => {
    if (!KINDS.has(row.id)) return row;
    const n = (counters.get(row.id) ?? 0) + 1;
    counters.set(row.id, n);
    return { ...row, id: `${prefix}${row.id}-${n}` };
  });
}

/** The user adds one or several tasks. */
export const add = (turn: string, ...titles: string[]): PhrasingCase => ({
  id: nextId('add'),
  setup: HOME,
  turns: [turn],
  expect: titles.map((title) => ({ op: 'added', title })),
});

/** The user adds one task with details (due, priority, tags, repeat); `mentions` must be in the reply. */
export const addWith = (turn: string, title: string, details: DetailExpectation, mentions: string[] = []): PhrasingCase => ({
  id: nextId('add'),
  setup: HOME,
  turns: [turn],
  expect: [{ op: 'added', title, ...details }, ...(mentions.length > 0 ? [{ op: 'mentions' as const, text: mentions }] : [])],
});

/** The user adds one task with a description. */
export const addDesc = (turn: string, title: string, description: string): PhrasingCase => ({
  id: nextId('add-desc'),
  setup: HOME,
  turns: [turn],
  expect: [{ op: 'added', title, description }],
});

/** The user lists tasks: the reply names `shown` and none of `hidden`. */
export const list = (turn: string, shown: string[], hidden: string[] = [], setup: SetupTask[] = MIXED): PhrasingCase => ({
  id: nextId('list'),
  setup,
  turns: [turn],
  expect: [{ op: 'unchanged' }, { op: 'mentions', text: shown }, { op: 'not_mentions', text: hidden }],
});

/** The user completes tasks. */
export const done = (turn: string, titles: string | string[], setup: SetupTask[] = HOME): PhrasingCase => ({
  id: nextId('done'),
  setup,
  turns: [turn],
  expect: (Array.isArray(titles) ? titles : [titles]).map((title) => ({ op: 'completed', title })),
});

/** The user deletes tasks. */
export const del = (turn: string, titles: string | string[], setup: SetupTask[] = HOME): PhrasingCase => ({
  id: nextId('del'),
  setup,
  turns: [turn],
  expect: (Array.isArray(titles) ? titles : [titles]).map((title) => ({ op: 'deleted', title })),
});

/** The user changes a task's title, description or details (unnamed fields must stay as they were). */
export const upd = (
  turn: string,
  from: string,
  change: { title?: string; description?: string } & DetailExpectation,
  setup: SetupTask[] = HOME,
): PhrasingCase => ({
  id: nextId('upd'),
  setup,
  turns: [turn],
  expect: [{ op: 'updated', from, ...change }],
});

/** Nothing may change; the reply is not empty and, if given, contains one of `anyOf`. */
export const none = (turn: string, setup: SetupTask[] = HOME, anyOf?: string[]): PhrasingCase => ({
  id: nextId('none'),
  setup,
  turns: [turn],
  expect: [{ op: 'unchanged' }, { op: 'nonempty_reply' }, ...(anyOf ? [{ op: 'mentions_any' as const, text: anyOf }] : [])],
});

/** A multi-turn conversation with explicit expectations. */
export const convo = (turns: string[], expect: Expectation[], setup: SetupTask[] = HOME): PhrasingCase => ({
  id: nextId('ctx'),
  setup,
  turns,
  expect,
});

/** Words a "could not find it" reply contains. */
export const NOT_FOUND = ['not found', "couldn't find", 'could not find', 'no task'];
