// Messages that are conversation, not requests: greetings, thanks, help, goodbyes, "never mind";
// plus the filler people wrap requests in ("hey, could you please … thanks!").

/** Kinds of message that change nothing and get a short answer. */
export type ChatKind =
  | 'greeting'
  | 'help'
  | 'thanks'
  | 'bye'
  | 'cancel'
  | 'yes'
  | 'declined'
  | 'not-done'
  | 'unknown';

const WHOLE: [ChatKind, RegExp][] = [
  ['greeting', /^(?:hi+|hello+|hey+|hiya|howdy|yo+|sup|wass?up|what'?s up|how are (?:you|u)(?: doing)?(?: today)?|how'?s it going|good (?:morning|afternoon|evening|day)|greetings|hola|heya|morning|evening)(?: (?:there|bot|buddy|friend|assistant|mate|again))?$/],
  ['thanks', /^(?:(?:ok(?:ay)?|great|awesome|perfect|cool|nice|lovely|brilliant|excellent|good|fine|alright|sweet|amazing|wonderful|super|neat|k|kk)(?: (?:thanks|thank you|ty))?|thanks?(?: (?:you|a lot|so much|again|a bunch|buddy|mate))*|thank you(?: (?:so|very) much)?(?: again)?|cheers|much appreciated|appreciate it|got it|sounds good|noted|that'?s (?:great|perfect|all|it|fine)|all good|lol|haha+|ha+|(?:ok(?:ay)? |i'?m |we'?re )?(?:all )?(?:done|finished|set)(?: now| for (?:now|today))?|that'?s all(?: for now)?)$/],
  ['bye', /^(?:bye+|goodbye|bye bye|good ?night|gn|see (?:you|ya)(?: later)?|later|cya|ttyl|have a good (?:day|night|one))$/],
  ['help', /^(?:help(?: me)?|(?:can|could) you help(?: me)?|\?+|what can (?:you|i) do|what (?:can|should) i (?:say|type|ask)|how does (?:this|it) work|commands|how do i use (?:this|you|it)|what do you do|who are you|what are you|menu|options|instructions|usage|what are (?:you|your) (?:capable of|features|commands))$/],
  ['cancel', /^(?:cancel|never ?mind|forget (?:it|that|about it)|nvm|stop|no|nope|nah|no thanks|abort|leave it|don'?t bother|scratch that|ignore that)$/],
  ['yes', /^(?:yes+|yeah|yep|yup|ya|sure|ok do it|do it|go ahead|please do|yes please|sure thing|correct|right|confirm(?:ed)?|affirmative|y|absolutely|of course|go for it|just do it|proceed|(?:yes|yeah|yep|sure|ok(?:ay)?) (?:do it|go ahead|please|i'?m sure))$/],
];

const HOW_TO = /^(?:how (?:do|can|should) (?:i|you)|can i|is it possible to)\b/;

/** The chat kind of a whole message, or null when it asks for something. */
export function chatKind(text: string): ChatKind | null {
  const plain = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\?$/, (q) => (text.trim() === '?' ? q : ''))
    .trim();
  if (plain === '') return text.includes('?') ? 'help' : 'thanks';
  for (const [kind, re] of WHOLE) if (re.test(plain)) return kind;
  if (HOW_TO.test(plain)) return 'help';
  return null;
}

// Words said before a request: stripped wherever they stand first.
const LEADING = [
  /^(?:(?:hi+|hello+|hey+|yo+)(?: (?:there|bot|buddy|mate|assistant|again))?|what'?s up|wass?up|sup|how are you(?: doing)?|how'?s it going|hiya|ok(?:ay)?|so|um+|uh+|uhm+|erm+|well|oh|alright|right|hmm+|ugh+|argh+|oops|damn|please|kindly|quickly|just|also|and|then|now|actually|btw|by the way|oh and|one more thing|another thing|listen|look|good (?:morning|afternoon|evening)|anyway?s?|basically|nah|meh|let me think|i (?:guess|think|suppose|reckon)|heads up|right then)\b[\s,!.:;…-]*/i,
  /^(?:i want you to\s+|i need you to\s+|go ahead and\s+|help me\s+(?!remember\b)|let'?s\s+|you can\s+|you should\s+)/i,
  // Only before a comma or the like ("cool, add …", "yeah, remove …", "next: add …"): these can start a title.
  /^(?:cool|great|nice|yeah|yep|yup|sure|fine|k|kk|lol|haha+|next|wait|no wait|oh wait|hold on|let me see|perfect|awesome|excellent|brilliant|lovely|got it|done that|gotcha|okey ?dokey)\s*(?:[,!.:;…—–]+|\s-+)\s*/i,
  // Or before another word of the same kind, or a command ("lol ok add laundry").
  /^(?:cool|great|nice|yes|yeah|yep|yup|sure|fine|k|kk|lol|haha+)\s+(?=(?:ok(?:ay)?|so|and|now|then|add|delete|remove|mark|complete|show|list|tick|cross|please|can|could)\b)/i,
];
const TRAILING = /[\s,]*(?:\b(?:please|thanks|thank you|thank u|thanks a lot|for me|asap|real quick|quickly|ok|okay|if you can|if possible|when you can|thx|cheers|mate|buddy)\b)?[\s!?.,]*$/i;

/** Removes the politeness and chatter around a request ("hey can you … please"). */
export function stripFillers(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 8; i++) {
    const before = s;
    for (const re of LEADING) s = s.replace(re, '');
    s = s.replace(TRAILING, '').trim();
    if (s === before) break;
  }
  return s;
}
