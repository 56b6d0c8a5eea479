// Indirect and polite requests said as the plain command they wrap: "would you mind marking the rent as
// paid" -> "mark the rent as paid", "I'd appreciate it if you crossed off call mom" -> "cross off call
// mom", "could you make sure I remember to call Rosa" -> "remind me to call Rosa", "note down that the
// boiler needs servicing" -> "add the boiler needs servicing". A frame is a way of asking, never part of
// what is asked; the command verb after it may come as "-ing" or past ("marking", "crossed") and is put
// back in its plain form.
import { stripFillers } from './chat.js';

/** Ways of asking that wrap a command: dropped, and the verb after them made plain. */
const ASKING = new RegExp(
  [
    String.raw`(?:would|could|can|will|won't|can't)\s+(?:you|u|ya)\s+(?:(?:please|kindly|possibly|maybe|just|quickly)\s+)*(?:(?:mind|be so kind as to|be able to|consider|be (?:a dear|an angel|a star|kind enough)\s+(?:and|to))\s+)?`,
    String.raw`(?:do|would)\s+you\s+mind\s+`,
    String.raw`mind\s+(?=[a-z]+ing\b)`,
    String.raw`(?:are you able|be so kind as) to\s+`,
    String.raw`i\s+(?:was|am|'m)\s+wondering\s+if\s+you\s+(?:could|can|would)\s+`,
    String.raw`i\s+wonder\s+if\s+you\s+(?:could|can|would)\s+`,
    String.raw`(?:it'?d|it would|that'?d|that would|it will|it'?ll)\s+(?:be\s+(?:great|nice|good|lovely|helpful|awesome|amazing|super|brilliant)|help)\s+if\s+you\s+(?:could\s+|can\s+|would\s+)?`,
    String.raw`if\s+it'?s\s+not\s+too\s+much\s+(?:trouble|bother)\s*,?\s*`,
    String.raw`if\s+you\s+(?:(?:don'?t|do\s+not)\s+mind|could|can|would|have\s+a\s+(?:sec|second|moment|minute))\s*,?\s*`,
    String.raw`you\s+(?:could|might|may)\s+(?:(?:please|just|also)\s+)?`,
    String.raw`i'?d\s+(?:really\s+)?(?:appreciate\s+it|like\s+it|love\s+it|be\s+grateful)\s+if\s+you\s+(?:could\s+|can\s+|would\s+)?`,
    String.raw`(?:is\s+there\s+)?any\s+chance\s+(?:you\s+(?:could|can|would)|of\s+you)\s+`,
    String.raw`(?:would|is)\s+it\s+be\s+(?:possible|ok(?:ay)?|alright|all right|fine)\s+(?:for\s+you\s+)?(?:to|if\s+you(?:\s+could)?)\s+`,
    String.raw`is\s+it\s+(?:ok(?:ay)?|alright|all right|fine)\s+(?:to|if\s+you(?:\s+could)?)\s+`,
    // "remind me what's left": a question, not a reminder.
    String.raw`(?:can\s+you\s+)?remind\s+me\s+(?=(?:what|which|when|where|who|how|whether|if)\b)`,
    String.raw`do\s+me\s+a\s+favou?r\s*(?:and\s+|,\s*)`,
    String.raw`i'?d\s+(?:like|love|want)\s+you\s+to\s+`,
  ].map((frame) => `^(?:${frame})`).join('|'),
  'i',
);

/** Frames that ask for a reminder: they become "remind me to …". */
const REMIND = /^(?:(?:could|can|may)\s+i\s+(?:get|have)\s+(?:a\s+)?reminder|i'?d\s+like\s+a\s+reminder|(?:make\s+sure|ensure)\s+(?:that\s+)?i\s+(?:(?:remember|don'?t\s+forget)\s+)?|help\s+me\s+(?:to\s+)?remember|(?:can\s+you\s+)?remind\s+me\s+(?:that\s+)?i\s+(?:have|need)|remind\s+me\s+i\s+(?:have|need|must))\s*(?:to\s+)?/i;

/** Frames that ask to note something down: they become "add …" (the body may start "that …"). */
const NOTE = /^(?:(?:note|jot|write|put)(?:\s+it)?\s+down(?:\s+that)?|(?:make|take)\s+(?:a\s+)?note(?:\s+(?:that|of|to))?|note\s+that|keep\s+(?:track|a\s+note)\s+of|remember\s+that)\b\s*:?\s*/i;

/** Command verbs whose "-ing" and past forms a frame may be followed by. */
const VERBS = `add note mark delete remove put make get jot write tick cross check complete finish rename change move
  set list show tell keep drop cancel clear update edit create erase scrap take bin ditch lose reschedule postpone`
  .split(/\s+/)
  .filter((v) => v !== '');
const IRREGULAR: Record<string, string> = { got: 'get', wrote: 'write', written: 'write', made: 'make', kept: 'keep', told: 'tell', took: 'take', taken: 'take', shown: 'show', lost: 'lose' };

/** The "-ing" and past forms of the command verbs, each to its plain form ("marking" -> "mark", "crossed" -> "cross"). */
const FORMS = new Map<string, string>(Object.entries(IRREGULAR));
for (const verb of VERBS) {
  // One vowel before a last consonant doubles it: put -> putting, drop -> dropped, scrap -> scrapped (not edit).
  const doubled = /^[^aeiou]*[aeiou][bdglmnprt]$/.test(verb) ? verb + verb.slice(-1) : verb;
  const silent = verb.endsWith('e') ? verb.slice(0, -1) : doubled;
  FORMS.set(`${silent}ing`, verb);
  FORMS.set(verb.endsWith('e') ? `${verb}d` : `${doubled}ed`, verb);
}

/** The message with a leading "-ing" or past form of a command verb made plain ("crossed off call mom" -> "cross off call mom"). */
function plainVerb(text: string): string {
  const m = /^([a-z]+)\b/i.exec(text);
  const base = m?.[1] ? FORMS.get(m[1].toLowerCase()) : undefined;
  return base && m ? base + text.slice(m[0].length) : text;
}

/** The command a polite or indirect request wraps, fillers stripped; the text as it was when it wraps none. */
export function unwrap(text: string): string {
  let s = stripFillers(text);
  for (let i = 0; i < 4; i++) {
    const asking = ASKING.exec(s);
    if (asking) {
      s = stripFillers(plainVerb(s.slice(asking[0].length)));
      continue;
    }
    const remind = REMIND.exec(s);
    if (remind) return `remind me to ${s.slice(remind[0].length)}`;
    const note = NOTE.exec(s);
    if (note && note[0].trim() !== '') return `add ${s.slice(note[0].length)}`;
    break;
  }
  return s;
}
