// Answers to the engine's own questions, read statelessly from the transcript: "the team one"
// after "which one do you mean?", "buy milk" after "what should the task say?", "yes" after an
// offer, "and the passport one too" after a delete. Which question was asked, and about which
// tasks, is worked out again from the previous turn (recall.ts), never read from the reply's words.
import type { Clock } from './clock.js';
import { continueAdd } from './continuation.js';
import { readTurn, taskChanges, type Turn } from './history.js';
import { understand } from './intent.js';
import { findByName } from './match.js';
import { outcomeOf } from './recall.js';
import { parseRef, type Ref } from './refs.js';
import { asTyped, prepare } from './text.js';
import { asTypedTasks, newTasks, toTitle } from './titles.js';
import type { BulkPreview, Request, Shown, TranscriptEntry } from './types.js';
import { unwrap } from './wrappers.js';

/** "Scratch that": after a turn that changed tasks, those changes are taken back (see {@link followUp}). */
const RETRACT = /^(?:scratch|strike|forget|cancel)\s+that[.!]*$/i;

/** Whether a turn changed a task (an undo's own changes do not count: undoing again would go further back). */
const changedTasks = (turn: Turn): boolean => taskChanges(turn.done).some((x) => x.outcome.ok);

/** The changes a "yes" to a bulk question makes: each task of the preview, with its confirmation. */
const confirmBulk = (bulk: BulkPreview): Request => ({ intent: bulk.action, ref: { kind: 'ids', ids: bulk.ids }, confirmation: bulk.confirmation });

const ANSWERABLE = (r: Request): boolean =>
  r.intent === 'suggest' || (r.intent === 'chat' && (r.kind === 'unknown' || r.kind === 'yes'));

function pick(answer: string, quotes: readonly string[], candidates: readonly Shown[]): number[] {
  if (/^(?:both|all|all of them|both of them|each|every one|everything)$/i.test(answer)) return candidates.map((c) => c.id);
  const ref: Ref = parseRef(answer, quotes);
  if (ref.kind === 'line') return [candidates[ref.line - 1]?.id ?? ref.line];
  if (ref.kind === 'ids') {
    // "2" is the second line (the question says "say the number or #id"); "#2" and "task 2" are ids. Task
    // numbers are each user's own (1, 2, 3, …), so a bare number is often some shown task's id too.
    const byPosition = !/#|task/i.test(answer);
    return ref.ids.map((n) => (byPosition && n >= 1 && n <= candidates.length ? (candidates[n - 1]?.id ?? n) : n));
  }
  if (ref.kind === 'positions') {
    return ref.positions.flatMap((p) => {
      const c = p < 0 ? candidates.at(p) : candidates[p - 1];
      return c ? [c.id] : [];
    });
  }
  if (ref.kind === 'name') {
    const match = findByName(ref.text, candidates);
    if (match.kind === 'one') return [match.task.id];
    if (match.kind === 'many') return match.tasks.map((t) => t.id);
  }
  return [];
}

/** Reinterprets the current message as an answer to the engine's last question, when it is one. */
export function followUp(request: Request, text: string, earlier: readonly TranscriptEntry[], clock: Clock): Request | null {
  const prev = readTurn(earlier);
  if (!prev) return null;
  const { text: prepared, literal, quotes } = prepare(text);

  const continued = continueAdd(request, prepared, quotes, prev, clock);
  if (continued) return continued;
  // Undo is exact: it takes back what that turn did, as it was (an add goes to Recently deleted, unjournaled
  // as a delete of its own), and it is one rule after adds, completions, deletes and edits alike.
  if (request.intent === 'chat' && request.kind === 'cancel' && RETRACT.test(prepared.trim()) && changedTasks(prev)) return { intent: 'undo', times: 1 };
  // "Undo" right after a question before a bulk change or deleting everything means "don't": nothing was done
  // yet, and undo would take back an older change (which no undo can bring back).
  if (request.intent === 'undo' && !changedTasks(prev)) {
    const asked = outcomeOf(prev, clock).reply?.asked;
    if (asked === 'bulk' || asked === 'deleteAll') return { intent: 'chat', kind: 'cancel' };
  }
  // "Yes, delete them all" after the question before a bulk change or deleting everything says yes in other words.
  if ((request.intent === 'delete' || request.intent === 'complete') && ['all', 'seen', 'pronoun'].includes(request.ref.kind)) {
    const asked = outcomeOf(prev, clock).reply;
    if (asked?.bulk?.action === request.intent) return confirmBulk(asked.bulk);
    if (asked?.asked === 'deleteAll' && request.intent === 'delete') return { intent: 'delete', ref: { kind: 'all', status: 'all' }, confirmed: true };
  }
  // "ok great, and the hotel too": the acknowledgement before "and" is not part of it.
  const lead = prepared.trim().replace(/^(?:(?:ok(?:ay)?|great|cool|right|yes|yeah|yep|good|perfect|nice|thanks?)\b[\s,!.]*)+/i, '');
  const more = /^(?:and|also|plus|same (?:for|with)|and also)\s+(.+)$/i.exec(lead);
  if (more?.[1] && ANSWERABLE(request)) {
    const before = understand(prev.text, clock);
    if (before.intent === 'complete' || before.intent === 'delete') return { intent: before.intent, ref: parseRef(more[1], quotes) };
  }
  if (!ANSWERABLE(request)) return null;

  const { request: before, reply } = outcomeOf(prev, clock);
  const answer = unwrap(prepared);
  const typedAnswer = unwrap(literal);
  const isYes = request.intent === 'chat' && request.kind === 'yes';
  switch (reply?.asked) {
    case 'which': {
      const ids = pick(answer, quotes, reply.shown ?? []);
      if (ids.length === 0) return null;
      const ref: Ref = { kind: 'ids', ids };
      if (before.intent === 'update') return { ...before, ref };
      if (before.intent === 'complete' || before.intent === 'delete' || before.intent === 'status' || before.intent === 'reopen') return { intent: before.intent, ref };
      return null;
    }
    case 'title': {
      if (isYes) return null;
      const items = asTypedTasks(newTasks(answer, quotes, clock), newTasks(typedAnswer, quotes, clock));
      return items.length > 0 ? { intent: 'add', items } : null;
    }
    case 'newTitle': {
      const title = asTyped(toTitle(answer, quotes), toTitle(typedAnswer, quotes));
      return isYes || reply.subject === undefined || title === '' ? null : { intent: 'update', ref: { kind: 'ids', ids: [reply.subject] }, title };
    }
    case 'offerAdd':
      return isYes && before.intent === 'suggest' ? { intent: 'add', items: before.items } : null;
    case 'deleteAll':
      return isYes ? { intent: 'delete', ref: { kind: 'all', status: 'all' }, confirmed: true } : null;
    case 'bulk':
      return isYes && reply.bulk ? confirmBulk(reply.bulk) : null;
    default:
      return null;
  }
}
