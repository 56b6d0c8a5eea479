// Reading edits: "rename X to Y", "change the description of X to Y", "add a note to X: Y",
// "task 3 should say Y". Separated from intent.ts because edits have the most shapes.
import type { Request } from './types.js';
import { parseRef, type Ref } from './refs.js';
import { toTitle, unquote } from './titles.js';

type Field = 'title' | 'description';

const FIELD = String.raw`(title|name|description|desc|notes?|details|comment)`;
const EDIT_FIELD = String.raw`(?:change|update|edit|modify|set|alter|amend)`;
const EDIT_TITLE = String.raw`(?:change|update|edit|modify|alter|reword|amend|replace)`;
const RENAME = String.raw`(?:rename|retitle|re-name|re-title)`;
const SEP = String.raw`(?:\s+(?:to say|to read|so (?:that )?it (?:says|reads)|to|into|as|with)\s+|\s*(?::|->|=>|=|→|⇒)\s*)`;
const SEP_FIELD = String.raw`(?:\s+(?:is\s+)?(?:to|as|into)\s+|\s*(?::|->|=>|=)\s*)`;
const SHORT_REF = String.raw`(task\s*#?\s*\d+|#\s*\d+|it|that(?: one)?|this(?: one)?)`;

const fieldOf = (word: string): Field => (/^(?:title|name)$/i.test(word) ? 'title' : 'description');

/** Builds an update request from a reference phrase and the new value of one field. */
function edit(refPhrase: string, field: Field, value: string, quotes: readonly string[]): Request {
  const ref: Ref = parseRef(refPhrase, quotes);
  const both = /^(.+?)\s+and\s+(?:the\s+|its\s+)?(title|name|description|desc|notes?|details)\s*(?:to|as|:|=)\s*(.+)$/i.exec(value);
  if (both?.[1] && both[2] && both[3]) {
    const second = fieldOf(both[2]);
    const first = { ...readValue(field, both[1], quotes) };
    return { intent: 'update', ref, ...first, ...readValue(second, both[3], quotes) };
  }
  return { intent: 'update', ref, ...readValue(field, value, quotes) };
}

function readValue(field: Field, value: string, quotes: readonly string[]): { title?: string; description?: string } {
  if (field === 'title') return { title: toTitle(value, quotes) };
  return { description: unquote(value, quotes).replace(/[.!]+$/, '').trim() };
}

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray, quotes: readonly string[]) => Request | null }[] = [
  {
    re: new RegExp(String.raw`^(?:add|put|attach|set|give|write|include|append)\s+(?:an?\s+|the\s+|this\s+|some\s+)?(?:description|desc|notes?|details|comment)\s+(?:to|for|on)\s+(.+?)\s*(?::|-|–|saying|that says|to say|=)\s*(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', 'description', m[2] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^${EDIT_FIELD}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+(.+?)${SEP}(.+)$`, 'i'),
    build: (m, q) => edit(m[2] ?? '', fieldOf(m[1] ?? ''), m[3] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^${EDIT_FIELD}\s+(.+?)(?:'s)?\s+${FIELD}${SEP_FIELD}(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', fieldOf(m[2] ?? ''), m[3] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^(?:the\s+)?${FIELD}\s+(?:of|for|on)\s+(.+?)\s+(?:should (?:be|say|read)|is now|becomes|to|=|:)\s*(.+)$`, 'i'),
    build: (m, q) => edit(m[2] ?? '', fieldOf(m[1] ?? ''), m[3] ?? '', q),
  },
  { re: /^describe\s+(.+?)\s+as\s+(.+)$/i, build: (m, q) => edit(m[1] ?? '', 'description', m[2] ?? '', q) },
  {
    re: new RegExp(String.raw`^${SHORT_REF}(?:'s)?\s+${FIELD}\s*(?::|=|-|is|should be|to)\s*(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', fieldOf(m[2] ?? ''), m[3] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^${SHORT_REF}\s+should\s+(?:say|read|be(?: called| named| titled)?)\s+(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q),
  },
  {
    re: /^(?!(?:i|we|you|they|he|she)\s)(.+?)\s+should\s+(?:say|read|be (?:called|named|titled|renamed(?: to)?)|be changed to)\s+(.+)$/i,
    build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q),
  },
  { re: new RegExp(String.raw`^call\s+${SHORT_REF}\s+(.+)$`, 'i'), build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q) },
  { re: /^make\s+(.+?)\s+(?:say|read)\s+(.+)$/i, build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q) },
  {
    re: new RegExp(String.raw`^${RENAME}\s+(.+?)${SEP}(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^${EDIT_TITLE}\s+(.+?)${SEP}(.+)$`, 'i'),
    build: (m, q) => edit(m[1] ?? '', 'title', m[2] ?? '', q),
  },
  {
    re: new RegExp(String.raw`^(?:${RENAME}|change|update|edit|modify)\b\s*(.*)$`, 'i'),
    build: (m, q) => {
      const phrase = (m[1] ?? '').replace(new RegExp(String.raw`^(?:the\s+)?${FIELD}(?:\s+(?:of|for))?\s*`, 'i'), '');
      return { intent: 'update', ref: parseRef(phrase, q) };
    },
  },
];

/** Reads an edit request, or null when the message is not one. */
export function readUpdate(s: string, quotes: readonly string[]): Request | null {
  for (const { re, build } of PATTERNS) {
    const m = re.exec(s);
    if (m) return build(m, quotes);
  }
  return null;
}
