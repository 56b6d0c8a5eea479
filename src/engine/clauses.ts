// Messages in two parts. A remark and a command about one task: "the invoice is paid, cross it off",
// "I'm keeping the bike after all, take it off" (the remark says which task "it" is). A change of mind
// before a command: "scratch that, remove it", "no wait, add call the nursery" (the command wins over
// the cancel word). A yes before a delete or a completion: "yes, delete them all". Two ways of saying a task
// is not done: "that's not done yet, put it back on my list" (a reopen).
import { looseRef, type Ref } from './refs.js';
import type { Request } from './types.js';

const SPLIT = /\s*[,;]\s+|\s+[-–—]+\s+|[.!]+\s+/;
/** A part that only takes back or comments on what was said. */
const CANCEL = /^(?:scratch that|never ?mind|no wait|wait(?: no)?|no|nope|sorry|oops|whoops|my (?:mistake|bad)|changed my mind|actually|forget (?:that|it)|ignore that|hang on|hold on)$/i;

/** A part that only agrees ("yes, delete them"). */
const AGREE = /^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|go ahead|do it|please|yes please)$/i;

type Act = Extract<Request, { ref: Ref }>;

const isAct = (r: Request | null): r is Act => r !== null && 'ref' in r && (r.intent === 'complete' || r.intent === 'delete' || r.intent === 'update');
const isCommand = (r: Request | null): r is Request => r !== null && r.intent !== 'chat' && r.intent !== 'suggest';

/** The task a remark is about: the reference it makes itself, else any task its words mention. */
function remarkRef(text: string, request: Request | null, quotes: readonly string[]): Ref {
  if (request && 'ref' in request && request.ref.kind === 'name') return { ...request.ref, loose: true };
  return looseRef(text, quotes);
}

/** "That's not done yet, put it back on my list": a reopen said twice (the second may read as an undo); the named one wins. */
function reopenOf(read: readonly { request: Request | null }[]): Extract<Request, { intent: 'reopen' }> | null {
  const reopens = read.flatMap((x) => (x.request?.intent === 'reopen' ? [x.request] : []));
  if (reopens.length === 0 || !read.every((x) => x.request?.intent === 'reopen' || x.request?.intent === 'undo')) return null;
  const chosen = reopens.find((r) => r.ref.kind === 'name') ?? reopens[0];
  // A command among the parts ("…, reopen it") asks for it: a task still pending is then worth saying so.
  return chosen ? { ...chosen, remark: reopens.every((r) => r.remark === true) } : null;
}

/** Reads a message of a remark and a command, or of a cancel word and a command; null otherwise. */
export function readClauses(s: string, quotes: readonly string[], classify: (part: string) => Request | null): Request | null {
  const parts = s.split(SPLIT).map((p) => p.replace(/[.!]+$/, '').trim()).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 4) return null;
  const kept = parts.filter((p) => !CANCEL.test(p));
  if (kept.length === 0) return null;
  const agreed = kept.filter((p) => !AGREE.test(p));
  if (agreed.length === 1 && kept.length > 1) {
    const only = classify(agreed[0] ?? '');
    if (only?.intent === 'delete' || only?.intent === 'complete') return only;
  }
  if (kept.length === 1) {
    const only = classify(kept[0] ?? '');
    return isCommand(only) ? only : null;
  }
  if (kept.length !== 2) return null;
  const read = kept.map((text) => ({ text, request: classify(text) }));
  const reopen = reopenOf(read);
  if (reopen) return reopen;
  const command = read.find((x) => isAct(x.request) && x.request.ref.kind === 'pronoun');
  const remark = read.find((x) => x !== command);
  if (!command || !remark || !isAct(command.request)) return null;
  if (isCommand(remark.request) && !isAct(remark.request)) return null;
  const ref = remarkRef(remark.text, remark.request, quotes);
  return ref.kind === 'name' ? { ...command.request, ref } : null;
}
