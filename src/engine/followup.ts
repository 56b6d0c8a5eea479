// Answers to the engine's own questions, read statelessly from the transcript: "the team one"
// after "which one do you mean?", "buy milk" after "what should the task say?", "yes" after an
// offer, "and the passport one too" after a delete.
import { stripFillers } from './chat.js';
import type { Clock } from './clock.js';
import { numberedLines, previousTurn, type Shown } from './history.js';
import { understand } from './intent.js';
import { findByName } from './match.js';
import { parseRef, type Ref } from './refs.js';
import { asked } from './reply.js';
import { asTyped, prepare } from './text.js';
import { asTypedTasks, newTasks, toTitle } from './titles.js';
import type { Request, TranscriptEntry } from './types.js';

const ANSWERABLE = (r: Request): boolean =>
  r.intent === 'suggest' || (r.intent === 'chat' && (r.kind === 'unknown' || r.kind === 'yes'));

function pick(answer: string, quotes: readonly string[], candidates: readonly Shown[]): number[] {
  if (/^(?:both|all|all of them|both of them|each|every one|everything)$/i.test(answer)) return candidates.map((c) => c.id);
  const ref: Ref = parseRef(answer, quotes);
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
  const prev = previousTurn(earlier);
  if (!prev) return null;
  const { text: prepared, literal, quotes } = prepare(text);
  const answer = stripFillers(prepared);
  const typedAnswer = stripFillers(literal);
  const before = understand(prev.text, clock);

  const more = /^(?:and|also|plus|same (?:for|with)|and also)\s+(.+)$/i.exec(prepared.trim());
  if (more?.[1] && ANSWERABLE(request) && (before.intent === 'complete' || before.intent === 'delete')) {
    return { intent: before.intent, ref: parseRef(more[1], quotes) };
  }
  if (!ANSWERABLE(request)) return null;

  if (asked(prev.reply, 'which')) {
    const ids = pick(answer, quotes, numberedLines(prev.reply));
    if (ids.length === 0) return null;
    const ref: Ref = { kind: 'ids', ids };
    if (before.intent === 'update') return { ...before, ref };
    if (before.intent === 'complete' || before.intent === 'delete' || before.intent === 'status') return { intent: before.intent, ref };
    return null;
  }
  const isYes = request.intent === 'chat' && request.kind === 'yes';
  if (asked(prev.reply, 'title') && !isYes) {
    const items = asTypedTasks(newTasks(answer, quotes, clock), newTasks(typedAnswer, quotes, clock));
    return items.length > 0 ? { intent: 'add', items } : null;
  }
  if (asked(prev.reply, 'newTitle') && !isYes) {
    const id = /#(\d+)/.exec(prev.reply)?.[1];
    const title = asTyped(toTitle(answer, quotes), toTitle(typedAnswer, quotes));
    return id && title !== '' ? { intent: 'update', ref: { kind: 'ids', ids: [Number(id)] }, title } : null;
  }
  if (asked(prev.reply, 'offerAdd') && isYes && before.intent === 'suggest') {
    return { intent: 'add', items: [before.item] };
  }
  if (asked(prev.reply, 'deleteAll') && isYes) {
    return { intent: 'delete', ref: { kind: 'all', status: 'all' }, confirmed: true };
  }
  return null;
}
