// Finding tasks by the words a person used for them: irregular roots ("paid" ~ "Pay"),
// a crude stem on both sides, and one typo allowed in longer words ("dentst" ~ "Dentist").
import { STOP_WORDS } from './lexicon.js';
import { rootOf, withoutAuxiliaries } from './lemma.js';
import { stem, words } from './text.js';
import { editDistance } from './typos.js';

/** A task that can be matched by title. */
export interface Titled {
  id: number;
  title: string;
  completed?: boolean;
}

/** The outcome of looking a task up by name. */
export type Match<T extends Titled> = { kind: 'one'; task: T } | { kind: 'many'; tasks: T[] } | { kind: 'none' };

const MIN_COVERAGE = 0.6;
const TIE = 0.05;

const normal = (s: string): string => words(s).join(' ');

function queryStems(query: string): string[] {
  const out = new Set<string>();
  for (const w of words(withoutAuxiliaries(query))) {
    if (STOP_WORDS.has(w)) continue;
    out.add(stem(rootOf(w)));
  }
  return [...out];
}

function titleStems(title: string): string[] {
  return [...new Set(words(title).filter((w) => !STOP_WORDS.has(w)).map(stem))];
}

function wordScore(q: string, title: readonly string[]): number {
  let best = 0;
  const typos = q.length >= 7 ? 2 : 1;
  for (const t of title) {
    if (q === t) return 1;
    if (q.length < 4 || t.length < 4) continue;
    if (t.startsWith(q) || q.startsWith(t)) best = Math.max(best, 0.8);
    else if (best < 0.7 && Math.abs(q.length - t.length) <= typos && editDistance(q, t) <= typos) best = 0.7;
  }
  return best;
}

/** Picks the tasks a name refers to; with `preferPending`, a tie is broken by the one pending task. */
export function findByName<T extends Titled>(query: string, tasks: readonly T[], preferPending = false): Match<T> {
  const wanted = normal(query);
  const exact = tasks.filter((t) => normal(t.title) === wanted);
  const pool = exact.length > 0 ? exact : scored(query, tasks);
  if (pool.length === 0) return { kind: 'none' };
  if (pool.length === 1 && pool[0]) return { kind: 'one', task: pool[0] };
  const pending = pool.filter((t) => !t.completed);
  if (preferPending && pending.length === 1 && pending[0]) return { kind: 'one', task: pending[0] };
  return { kind: 'many', tasks: pool };
}

function scored<T extends Titled>(query: string, tasks: readonly T[]): T[] {
  const q = queryStems(query);
  if (q.length === 0) return [];
  const ranked = tasks.flatMap((task) => {
    const t = titleStems(task.title);
    const scores = q.map((w) => wordScore(w, t));
    const coverage = scores.reduce((a, b) => a + b, 0) / q.length;
    if (coverage < MIN_COVERAGE) return [];
    const titleCovered = t.filter((tw) => q.some((w) => wordScore(w, [tw]) > 0)).length / Math.max(1, t.length);
    return [{ task, score: coverage + 0.1 * titleCovered }];
  });
  const best = Math.max(...ranked.map((r) => r.score));
  return ranked.filter((r) => r.score >= best - TIE).map((r) => r.task);
}

/**
 * The task a passing remark is about ("the garage one isn't needed any more", "I'm keeping the bike"): the
 * one whose title words the text mentions most. Several tied are all returned; none mentioned, none.
 */
export function findMentioned<T extends Titled>(text: string, tasks: readonly T[], preferPending = false): Match<T> {
  const said = queryStems(text);
  if (said.length === 0) return { kind: 'none' };
  const ranked = tasks.map((task) => {
    const title = titleStems(task.title);
    const hits = title.filter((t) => said.some((w) => wordScore(w, [t]) >= 0.7)).length;
    return { task, score: hits + 0.1 * (hits / Math.max(1, title.length)) };
  });
  const best = Math.max(0, ...ranked.map((r) => r.score));
  if (best < 1) return { kind: 'none' };
  const pool = ranked.filter((r) => r.score >= best - TIE).map((r) => r.task);
  if (pool.length === 1 && pool[0]) return { kind: 'one', task: pool[0] };
  const pending = pool.filter((t) => !t.completed);
  if (preferPending && pending.length === 1 && pending[0]) return { kind: 'one', task: pending[0] };
  return { kind: 'many', tasks: pool };
}
