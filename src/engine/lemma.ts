// Word roots for matching what people report ("I paid the rent") against task titles ("Pay the
// rent"), and telling past-tense verbs apart. Regular forms go through the stemmer in text.ts;
// irregular ones come from this table. (compromise was measured for this job: 250-400 ms to load
// and 0.26 ms median / 2.6 ms p95 per sentence, against a budget of well under 1 ms per step; the
// table covers what the engine needs from it in microseconds.)

const IRREGULAR_TEXT = `
arose:arise arisen:arise ate:eat eaten:eat became:become began:begin begun:begin bent:bend bit:bite
bitten:bite blew:blow blown:blow broke:break broken:break brought:bring built:build burnt:burn
bought:buy caught:catch chose:choose chosen:choose came:come crept:creep dealt:deal dug:dig did:do
done:do drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive fed:feed felt:feel
fought:fight found:find fled:flee flew:fly flown:fly forgot:forget forgotten:forget forgave:forgive
forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go
grew:grow grown:grow hung:hang had:have heard:hear hid:hide hidden:hide held:hold kept:keep knew:know
known:know laid:lay led:lead left:leave lent:lend lost:lose made:make meant:mean met:meet paid:pay
ran:run rang:ring rung:ring rode:ride ridden:ride rose:rise risen:rise said:say saw:see seen:see
sold:sell sent:send shook:shake shaken:shake shot:shoot shown:show sang:sing sung:sing sank:sink
sunk:sink sat:sit slept:sleep slid:slide spoke:speak spoken:speak spent:spend spun:spin stood:stand
stole:steal stolen:steal stuck:stick struck:strike swept:sweep swam:swim swum:swim took:take
taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw
understood:understand woke:wake woken:wake wore:wear worn:wear won:win wrote:write written:write
withdrew:withdraw withdrawn:withdraw undid:undo undone:undo redid:redo redone:redo rebuilt:rebuild
sought:seek sped:speed mown:mow sewn:sew lit:light fell:fall fallen:fall beaten:beat bound:bind
bred:breed wound:wind ground:grind rewrote:rewrite rewritten:rewrite overslept:oversleep
`;

const IRREGULAR = new Map(
  IRREGULAR_TEXT.split(/\s+/)
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [form = '', base = ''] = pair.split(':');
      return [form, base] as const;
    }),
);

/** Words ending in "ed" that are not past tenses. */
const NOT_PAST_ED = /(?:ee|ea)d$|^(?:bed|red|shed|sled|wed|hundred|sacred|naked|wicked|beloved|kindred|shred|embed|infrared)$/;

/** The dictionary form of an irregular verb form ("paid" -> "pay"); other words come back as they are. */
export function rootOf(word: string): string {
  return IRREGULAR.get(word.toLowerCase()) ?? word.toLowerCase();
}

/** Whether a word is a past tense or participle ("paid", "watered", "taken"). */
export function isPastForm(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR.has(w)) return true;
  return /^[a-z]{2,}ed$/.test(w) && !NOT_PAST_ED.test(w);
}

/** Drops auxiliaries so "the rent is paid" reads like "the rent paid". */
export const withoutAuxiliaries = (text: string): string =>
  text.replace(/\b(?:is|are|was|were|been|be|has|have|had|got|now)\b/gi, ' ').replace(/\s+/g, ' ').trim();
