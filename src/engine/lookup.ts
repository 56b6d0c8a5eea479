// Finding a task named in words without reading the whole list. The server is asked first for the tasks
// whose title or description holds every distinctive word of the name, cut to the part its inflections
// share ("groceries" -> "grocer", "paid" -> "pay"); the matcher then picks among those as it would among
// all. Only when that finds nothing (a typo, a word the title lacks) is the whole list read.
import { rootOf, withoutAuxiliaries } from './lemma.js';
import { STOP_WORDS } from './lexicon.js';
import { findByName, findMentioned, type Match } from './match.js';
import { searchable, words } from './text.js';

/** Arguments of one list_tasks call. */
export type ListArgs = Record<string, unknown>;

/** The whole list, for when narrowing cannot help. */
export const WHOLE_LIST: ListArgs = { status: 'all' };

// list_tasks reads at most 8 words of a query (fewer words only widen the search).
const MAX_KEYS = 8;
const MAX_PARTS = 8;
const MAX_KEY_LENGTH = 30;

/** The parts of "walk the dog and call mom", each of which may name one task. */
export function nameParts(text: string): string[] {
  return text.split(/\s*(?:,|;|&|\band\b|\bplus\b)\s*/i).filter((p) => p.trim() !== '');
}

/**
 * The substring every form of a word contains: the root's stem shared with the word, without a final
 * y or i ("parties", "party" -> "part"), up to an apostrophe.
 */
function searchKey(word: string): string {
  const key = searchable(rootOf(word)).split("'")[0] ?? '';
  return (key.length > 3 ? key.replace(/[iy]$/, '') : key).slice(0, MAX_KEY_LENGTH);
}

/** The list_tasks query for one name: its distinctive words' keys, or all its words when none is distinctive; null for none. */
function queryFor(name: string): string | null {
  const all = words(name);
  const distinctive = words(withoutAuxiliaries(name)).filter((w) => !STOP_WORDS.has(w));
  const keys = [...new Set((distinctive.length > 0 ? distinctive : all).map(searchKey).filter((k) => k !== ''))];
  return keys.length > 0 ? keys.slice(0, MAX_KEYS).join(' ') : null;
}

/**
 * The list_tasks calls that narrow the search for a name: one for the whole name and one for each of its
 * parts (a part with no word to search by cannot name a task); the whole list when the name has no word at all.
 */
export function narrowedLists(name: string, loose = false): ListArgs[] {
  // A remark in passing need not hold every word of the title: one search per word it says.
  if (loose) {
    const keys = [...new Set(words(withoutAuxiliaries(name)).filter((w) => !STOP_WORDS.has(w)).map(searchKey).filter((k) => k.length >= 3))];
    if (keys.length > 0 && keys.length <= MAX_KEYS) return keys.map((query) => ({ status: 'all', query }));
  }
  const parts = nameParts(name);
  const names = parts.length > 1 && parts.length <= MAX_PARTS ? [name, ...parts] : [name];
  const queries = names.map(queryFor);
  if (queries[0] === null) return [WHOLE_LIST];
  return [...new Set(queries.filter((q) => q !== null))].map((query) => ({ status: 'all', query }));
}

/** Whether a list_tasks call read the whole list (no words to match). */
export const isWholeList = (args: ListArgs): boolean => args.query === undefined;

/** The tasks a name refers to: one task, several candidates, one per part ("X and Y"), or none. */
export function findNamed<T extends { id: number; title: string; completed?: boolean }>(
  name: string,
  tasks: readonly T[],
  preferPending: boolean,
  loose = false,
): Match<T> | { kind: 'parts'; tasks: T[] } {
  const match = findByName(name, tasks, preferPending);
  if (match.kind !== 'none') return match;
  const parts = nameParts(name);
  const found: T[] = [];
  let named = 0;
  for (const part of parts.length > 1 ? parts : []) {
    const one = findByName(part, tasks, preferPending);
    if (one.kind !== 'one') break;
    named += 1;
    if (!found.includes(one.task)) found.push(one.task);
  }
  if (named > 0 && named === parts.length) return { kind: 'parts', tasks: found };
  return loose ? findMentioned(name, tasks, preferPending) : match;
}
