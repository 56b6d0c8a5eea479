// Builders for the everyday-phrasing tables (issue 15): rows grouped by category, the category in the
// row id ("polite-3"), so a run reports a pass rate per category. Pure: the black-box eval tool imports
// these tables too, so nothing here may load the engine or the database.
import type { DetailExpectation, Expectation } from '../expectations.js';
import type { SetupTask } from '../domain-tasks.js';
import { HOME, NOT_FOUND } from '../phrasing-helpers.js';
import type { PhrasingCase } from '../runner.js';

/** A title as the table accepts it: one wording, or any of several equally right ones. */
export type Title = string | string[];

/** An item a turn should add, with the details it must carry (unnamed details are not checked). */
export type Item = Title | ({ title: Title } & DetailExpectation);

/** Gives rows the ids `${category}-1`, `${category}-2`, … so results can be grouped by category. */
export function category(name: string, rows: PhrasingCase[]): PhrasingCase[] {
  return rows.map((row, i) => ({ ...row, id: `${name}-${i + 1}` }));
}

/** The category of a row id made by {@link category} ("polite-3"), or like the other tables' ("add-12", "spec-a"); "other" for a sentence id. */
export function categoryOf(id: string): string {
  const name = id.replace(/-(?:\d+|[a-z])$/, '');
  return /\s/.test(name) ? 'other' : name;
}

const added = (item: Item): Expectation =>
  typeof item === 'string' || Array.isArray(item) ? { op: 'added', title: item } : { op: 'added', ...item };

/** One turn that must add exactly these items (to `setup`, HOME unless given). */
export const adds = (turn: string, items: Item[], setup: SetupTask[] = HOME): PhrasingCase => ({
  id: 'row',
  setup,
  turns: [turn],
  expect: items.map(added),
});

/** One turn that must add a single task. */
export const adds1 = (turn: string, item: Item, setup: SetupTask[] = HOME): PhrasingCase => adds(turn, [item], setup);

/** A conversation and every change it must leave behind. */
export const talk = (turns: string[], expect: Expectation[], setup: SetupTask[] = HOME): PhrasingCase => ({
  id: 'row',
  setup,
  turns,
  expect,
});

/** One turn that must complete these tasks. */
export const completes = (turn: string, titles: string | string[], setup: SetupTask[] = HOME): PhrasingCase =>
  talk([turn], (Array.isArray(titles) ? titles : [titles]).map((title) => ({ op: 'completed', title })), setup);

/** One turn that must delete these tasks. */
export const deletes = (turn: string, titles: string | string[], setup: SetupTask[] = HOME): PhrasingCase =>
  talk([turn], (Array.isArray(titles) ? titles : [titles]).map((title) => ({ op: 'deleted', title })), setup);

/** One turn that must change one task. */
export const updates = (
  turn: string,
  from: string,
  change: { title?: string; description?: string } & DetailExpectation,
  setup: SetupTask[] = HOME,
): PhrasingCase => talk([turn], [{ op: 'updated', from, ...change }], setup);

/** One turn that lists: nothing changes, the reply names `shown` and none of `hidden`. */
export const lists = (turn: string, shown: string[], hidden: string[], setup: SetupTask[]): PhrasingCase =>
  talk([turn], [{ op: 'unchanged' }, { op: 'mentions', text: shown }, { op: 'not_mentions', text: hidden }], setup);

/** Nothing changes and the reply is not empty. */
export const nothing = (turn: string, setup: SetupTask[] = HOME): PhrasingCase =>
  talk([turn], [{ op: 'unchanged' }, { op: 'nonempty_reply' }], setup);

/**
 * A request the assistant cannot do: nothing changes, the reply says what it can do (it offers to add
 * or list), and it neither searches the tasks for the words nor lists them.
 */
export const offTopic = (turn: string): PhrasingCase =>
  talk(
    [turn],
    [
      { op: 'unchanged' },
      { op: 'mentions_any', text: ['add', 'list'] },
      { op: 'not_mentions', text: [...NOT_FOUND, 'match', 'Walk the dog', 'Buy groceries'] },
    ],
    HOME,
  );
