// Compares the task changes a conversation caused with the changes a case names. Any change a
// case does not name is a failure, as the nl-examples file's rules say.
import type { Reminder, StoredTask } from './domain-tasks.js';

/** Expected details of a task (local due "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm"; null: none). Unnamed ones are not checked on adds. */
export interface DetailExpectation {
  due?: string | null;
  priority?: string | null;
  tags?: string[];
  repeat?: string | null;
  /** The task's reminders, in order ({at} as a local "YYYY-MM-DDTHH:mm"). */
  reminders?: Reminder[];
}

/** One expected effect of a conversation (the nl-examples vocabulary, plus task details). */
export type Expectation =
  | ({ op: 'added'; title: string | string[]; description?: string; completed?: boolean; exact?: boolean } & DetailExpectation)
  | { op: 'completed'; title: string; next_due?: string }
  | { op: 'reopened'; title: string }
  | { op: 'deleted'; title: string }
  | ({ op: 'updated'; from: string; title?: string | string[]; description?: string; exact?: boolean } & DetailExpectation)
  | { op: 'unchanged' }
  | { op: 'mentions'; text: string[] }
  | { op: 'not_mentions'; text: string[] }
  | { op: 'mentions_any'; text: string[] }
  | { op: 'in_order'; text: string[] }
  | { op: 'nonempty_reply' }
  | { op: 'completed_one_of'; titles: string[]; position: number }
  | { op: 'other_user_unchanged' };

/** The state before and after a conversation, and what the engine replied. */
export interface Observed {
  before: StoredTask[];
  after: StoredTask[];
  otherBefore: StoredTask[];
  otherAfter: StoredTask[];
  replies: string[];
}

/** Titles compare case-insensitively, with quotes and trailing punctuation ignored. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/["'`‘’“”]/g, '')
      .replace(/[\s.!?,;:]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** `exact`: the title must be the very characters expected (case, quotes, emoji, punctuation). */
const oneOf = (title: string, wanted: string | string[], exact = false): boolean =>
  (Array.isArray(wanted) ? wanted : [wanted]).some((w) => (exact ? title === w : sameTitle(title, w)));

const DETAIL_FIELDS = ['due', 'priority', 'tags', 'repeat', 'reminders'] as const;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The details a task has where the expectation names them (all of them with `strict`: unnamed ones must equal `old`). */
function detailsMatch(task: StoredTask, e: DetailExpectation, old?: StoredTask): boolean {
  return DETAIL_FIELDS.every((f) => (e[f] !== undefined ? same(task[f], e[f]) : old === undefined || same(task[f], old[f])));
}

/** Everything the store keeps about a task except its id and owner, for change detection. */
const content = (t: StoredTask): string =>
  JSON.stringify([t.title, t.description, t.completed, t.due, t.priority, t.tags, t.repeat, t.reminders]);

/** Returns the problems found (an empty list means the case passed). */
export function checkExpectations(expect: readonly Expectation[], seen: Observed): string[] {
  const problems: string[] = [];
  const beforeById = new Map(seen.before.map((t) => [t.id, t]));
  const afterIds = new Set(seen.after.map((t) => t.id));
  let added = seen.after.filter((t) => !beforeById.has(t.id));
  let deleted = seen.before.filter((t) => !afterIds.has(t.id));
  let changed = seen.after.flatMap((t) => {
    const old = beforeById.get(t.id);
    return old && content(old) !== content(t) ? [{ old, now: t }] : [];
  });
  const lastReply = seen.replies.at(-1) ?? '';
  const lower = lastReply.toLowerCase();

  for (const e of expect) {
    switch (e.op) {
      case 'added': {
        const hit = added.find(
          (t) =>
            oneOf(t.title, e.title, e.exact) &&
            (e.description === undefined || (e.exact ? t.description === e.description : sameTitle(t.description ?? '', e.description))) &&
            t.completed === (e.completed ?? false) &&
            detailsMatch(t, e),
        );
        if (hit) added = added.filter((t) => t !== hit);
        else problems.push(`expected a task added: ${JSON.stringify(e)}`);
        break;
      }
      case 'completed': {
        const hit = changed.find(
          (c) => sameTitle(c.old.title, e.title) && c.now.completed && !c.old.completed && c.now.title === c.old.title,
        );
        if (hit) changed = changed.filter((c) => c !== hit);
        else problems.push(`expected "${e.title}" completed`);
        if (e.next_due !== undefined) {
          const next = added.find((t) => sameTitle(t.title, e.title) && t.due === e.next_due && !t.completed && t.repeat === hit?.old.repeat);
          if (next) added = added.filter((t) => t !== next);
          else problems.push(`expected the next "${e.title}" due ${e.next_due}`);
        }
        break;
      }
      case 'reopened': {
        const hit = changed.find((c) => sameTitle(c.old.title, e.title) && c.old.completed && !c.now.completed && c.now.title === c.old.title);
        if (hit) changed = changed.filter((c) => c !== hit);
        else problems.push(`expected "${e.title}" reopened`);
        break;
      }
      case 'deleted': {
        const hit = deleted.find((t) => sameTitle(t.title, e.title));
        if (hit) deleted = deleted.filter((t) => t !== hit);
        else problems.push(`expected "${e.title}" deleted`);
        break;
      }
      case 'updated': {
        const hit = changed.find(
          (c) =>
            sameTitle(c.old.title, e.from) &&
            (e.title === undefined ? c.now.title === c.old.title : oneOf(c.now.title, e.title, e.exact)) &&
            (e.description === undefined
              ? c.now.description === c.old.description
              : sameTitle(c.now.description ?? '', e.description)) &&
            c.now.completed === c.old.completed &&
            detailsMatch(c.now, e, c.old),
        );
        if (hit) changed = changed.filter((c) => c !== hit);
        else problems.push(`expected an update: ${JSON.stringify(e)}`);
        break;
      }
      case 'completed_one_of': {
        const previous = (seen.replies.at(-2) ?? '').toLowerCase();
        const shown = [...e.titles].sort(
          (a, b) => previous.indexOf(a.toLowerCase()) - previous.indexOf(b.toLowerCase()),
        );
        const target = shown[e.position - 1] ?? '';
        const hit = changed.find((c) => sameTitle(c.old.title, target) && c.now.completed && !c.old.completed);
        if (hit) changed = changed.filter((c) => c !== hit);
        else problems.push(`expected "${target}" (position ${e.position}) completed`);
        break;
      }
      case 'mentions':
        for (const text of e.text) if (!lower.includes(text.toLowerCase())) problems.push(`reply lacks "${text}"`);
        break;
      case 'not_mentions':
        for (const text of e.text) if (lower.includes(text.toLowerCase())) problems.push(`reply mentions "${text}"`);
        break;
      case 'in_order': {
        const at = e.text.map((t) => lower.indexOf(t.toLowerCase()));
        if (at.some((i, k) => i < 0 || (k > 0 && i < (at[k - 1] ?? 0)))) problems.push(`reply lacks, in this order: ${e.text.join(' < ')}`);
        break;
      }
      case 'mentions_any':
        if (!e.text.some((t) => lower.includes(t.toLowerCase()))) problems.push(`reply lacks any of ${e.text.join(' | ')}`);
        break;
      case 'nonempty_reply':
        if (lastReply.trim() === '') problems.push('empty reply');
        break;
      case 'other_user_unchanged':
        if (JSON.stringify(seen.otherBefore) !== JSON.stringify(seen.otherAfter)) problems.push("another user's tasks changed");
        break;
      case 'unchanged':
        break;
    }
  }
  for (const t of added) problems.push(`unexpected add: "${t.title}"${t.description ? ` (${t.description})` : ''}`);
  for (const t of deleted) problems.push(`unexpected delete: "${t.title}"`);
  for (const c of changed) problems.push(`unexpected change: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.now)}`);
  if (seen.replies.some((r) => r.trim() === '')) problems.push('a turn got an empty reply');
  return problems;
}
