// Word lists the patterns share. Kept small and plain: they say which words carry meaning for a
// todo list, not every phrase a person could type.

/** Verbs a task title often starts with (used to split "feed the cat and water the plants"). */
export const TASK_VERBS = new Set(
  `add answer apply arrange ask back bake book bring buy call cancel change charge check choose clean clear
  collect contact cook copy fix create cut deliver deposit do download drink drive drop email empty fax feed
  file fill finish fold follow get give go grab hang help hire install invite iron learn leave look mail make
  meet message mop move mow order organize organise pack paint pay phone pick plan plant post prepare print
  put read reply repair replace reply research reserve return review ring run schedule see sell send set
  shop sign sort start study submit sweep take talk tell test text tidy transfer update upload vacuum visit
  walk wash watch water wipe wrap write renew finish practice practise prep confirm register ship text`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Words that never identify a task on their own. */
export const STOP_WORDS = new Set(
  `a an the my our your his her their its this that these those it them one ones task tasks todo todos item
  items thing things entry list to for of on in at by with from about and or as is are was were be been
  being i i'm i've me we us you please just already finally now also still really actually pls some
  mark marked complete completed completes finish finished done do did does delete deleted remove removed
  rename renamed change changed update updated edit set number no id one's which
  the ones off out up again too so yet anymore any more all`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Past-tense verbs that do not report a task as done ("I forgot to call mom"). */
export const NOT_DONE_VERBS = new Set(
  `forgot forget wanted needed meant tried missed failed started began planned hoped decided added created
  deleted removed renamed changed updated listed asked said thought told was were had got wondered noticed
  realised realized saw heard felt guess guessed supposed used lost broke`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Ordinal words and the position they name (-1 is the last). */
export const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
  sixth: 6, '6th': 6, seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10,
  last: -1, final: -1, top: 1, bottom: -1,
};

/** Small number words people use instead of digits. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
