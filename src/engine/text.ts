// Turning what people type into something patterns can read: quoted spans set aside (they are
// data), emoji and chat shorthand removed, a misspelt command word put right. The same message is
// also kept as typed (quotes set aside, nothing else changed): titles are read from that copy.

/** A user message ready for pattern matching: quoted spans replaced by placeholders. */
export interface Prepared {
  /** The message with quotes as placeholders, emoji dropped, shorthand expanded; case kept. */
  text: string;
  /** The message as typed (emoji, shorthand, typographic apostrophes kept), quotes as the same placeholders. */
  literal: string;
  /** The quoted spans, verbatim, in order. */
  quotes: string[];
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
/** Matches one quote placeholder; group 1 is its index. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const SMART: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '「': '"', '」': '"', '＂': '"',
};
const SMART_CHARS = /[‘’‚‛“”„«»「」＂]/g;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D|\u20E3/gu;

const SHORTHAND: Record<string, string> = {
  pls: 'please', plz: 'please', plse: 'please', pleas: 'please', pleeease: 'please', u: 'you', ur: 'your',
  r: 'are', wat: 'what', wut: 'what', wht: 'what', whats: "what's", im: "i'm", ive: "i've", dont: "don't",
  cant: "can't", didnt: "didn't", havent: "haven't", isnt: "isn't", thx: 'thanks', thnx: 'thanks',
  thanx: 'thanks', ty: 'thanks', tysm: 'thanks', thks: 'thanks', gimme: 'give me', lemme: 'let me',
  gotta: 'have to', wanna: 'want to', gonna: 'going to', '&': 'and', 'to-do': 'todo', 'to-dos': 'todos',
  taks: 'task', tsk: 'task', tsks: 'tasks', tasl: 'task', takss: 'tasks', dnoe: 'done', doen: 'done',
  completd: 'completed', compelted: 'completed', pendng: 'pending', tommorow: 'tomorrow', tomorow: 'tomorrow', tommorrow: 'tomorrow', wek: 'week',
  "wat's": "what's", "whats's": "what's",
};

/**
 * Sets quoted spans aside. `normal` (typographic quotes made plain, same length as `raw`) decides
 * where quotes are; the spans and the text around them are copied from `raw`, so nothing typed is
 * lost. A double quote left open runs to the end of the message (a title typed without its closing mark).
 */
function extractQuotes(normal: string, raw: string): { text: string; literal: string; quotes: string[] } {
  const quotes: string[] = [];
  let text = '';
  let literal = '';
  let i = 0;
  const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  while (i < normal.length) {
    const ch = normal[i] ?? '';
    let end = -1;
    if (ch === '"') {
      end = normal.indexOf('"', i + 1);
      if (end < 0 && !isWordChar(normal[i - 1])) end = normal.length;
    } else if ((ch === "'" || ch === '`') && !isWordChar(normal[i - 1]) && /\S/.test(normal[i + 1] ?? ' ')) {
      for (let j = i + 2; j < normal.length; j++) {
        if (normal[j] === ch && /\S/.test(normal[j - 1] ?? ' ') && !isWordChar(normal[j + 1])) {
          end = j;
          break;
        }
      }
    }
    const inner = end > i ? raw.slice(i + 1, end).trim() : '';
    if (inner !== '') {
      const placeholder = ` ${OPEN}${quotes.length}${CLOSE} `;
      text += placeholder;
      literal += placeholder;
      quotes.push(inner);
      i = end + 1;
    } else {
      text += ch;
      literal += raw[i] ?? '';
      i += 1;
    }
  }
  return { text, literal, quotes };
}

/** A line break separates items ("add:\nmilk\neggs"): it is kept as a semicolon. */
const lineBreaksAsItems = (text: string): string => text.replace(/\s*\n\s*/g, ' ; ');

/** Emoji dropped, chat shorthand expanded ("pls" -> "please"), spaces collapsed: the text patterns read. */
function normalise(text: string): string {
  const tokens = lineBreaksAsItems(text.replace(EMOJI, ' ')).split(/\s+/).filter((t) => t !== '');
  const expanded = tokens.map((token) => {
    const m = /^(.*?)([.,!?;:]*)$/.exec(token);
    const core = m?.[1] ?? token;
    const tail = m?.[2] ?? '';
    const replacement = SHORTHAND[core.toLowerCase()];
    return replacement === undefined ? token : replacement + tail;
  });
  return expanded.join(' ');
}

/** Prepares a user message for the patterns (see {@link Prepared}). */
export function prepare(raw: string): Prepared {
  // One character for one: the indices of `normal` are those of `raw`.
  const normal = raw.replace(SMART_CHARS, (c) => SMART[c] ?? c);
  const { text, literal, quotes } = extractQuotes(normal, raw);
  return { text: normalise(text), literal: lineBreaksAsItems(literal).replace(/\s+/g, ' ').trim(), quotes };
}

/**
 * The text as typed when it says what the patterns read (it differs only by emoji, shorthand,
 * typographic quotes or case), else the text read: a title is kept as typed, never changed in meaning.
 */
export function asTyped(read: string, typed: string | undefined): string {
  if (typed === undefined || typed === read) return read;
  const form = (s: string): string => normalise(s.replace(SMART_CHARS, (c) => SMART[c] ?? c)).toLowerCase();
  return form(typed) === form(read) ? typed : read;
}

/** Puts quoted spans back in place of their placeholders. */
export function restoreQuotes(text: string, quotes: readonly string[]): string {
  return text.replace(PLACEHOLDER, (_whole, index: string) => quotes[Number(index)] ?? '');
}

/** Lower-case word tokens (letters, digits, inner apostrophes, a typographic one read as plain). */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** A crude suffix stem, applied the same way to both sides of a comparison. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(sh|ch|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (/([bdfglmnprt])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** A query word people may have typed in another form: the start it shares with its stem ("groceries" -> "grocer"). */
export function searchable(word: string): string {
  const s = stem(word);
  let i = 0;
  while (i < s.length && s[i] === word[i]) i++;
  return i >= 3 ? word.slice(0, i) : word;
}

// Separators a title may be typed after ("add - buy milk", "todo: call mom"); ".env" or "-v" are not one.
const LEADING_SEPARATORS = /^(?:\s|[,;:\-–—.]+(?=\s|$))+/;
/** A first word written all in small letters: the only kind a title's capital is added to ("iPhone", "foo.bar()" stay). */
const PLAIN_FIRST_WORD = /^[a-z]+(?:['’-][a-z]+)*(?=\s|$|[,;:!?])/;

/** Trims stray separators around a title and capitalises a plain first word; everything else stays as typed. */
export function tidyTitle(title: string): string {
  const t = title
    .replace(/\s+/g, ' ')
    .replace(LEADING_SEPARATORS, '')
    .replace(/[\s,;:\-–—]+$/, '')
    .replace(/([^.])[.!?]+$/, '$1')
    .trim();
  return PLAIN_FIRST_WORD.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}
