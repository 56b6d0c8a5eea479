// The phrasing tables the eval can run, by name. They are the engine tests' own tables (pure data and
// builders: importing them loads no app code), so a model is scored on exactly what the engine is.
import { EVERYDAY } from '../../test/engine/everyday/index.js';
import { EVERYDAY_HOLDOUT } from '../../test/engine/everyday/holdout.js';
import { DETAIL_HOLDOUT } from '../../test/engine/phrasings-details-holdout.js';
import { DETAIL_PHRASINGS } from '../../test/engine/phrasings-details.js';
import { HOLDOUT } from '../../test/engine/phrasings-holdout.js';
import { TITLE_PHRASINGS } from '../../test/engine/phrasings-titles.js';
import { PHRASINGS } from '../../test/engine/phrasings.js';
import type { PhrasingCase } from '../../test/engine/runner.js';
import { nlExamples } from '../../test/fixtures/nl-examples.js';

/** Every table by name, with what it holds. */
export const TABLES: Record<string, { about: string; rows: () => PhrasingCase[] }> = {
  everyday: { about: 'everyday phrasing by category (issue 15)', rows: () => EVERYDAY },
  'everyday-holdout': { about: 'held-out everyday phrasing (issue 15)', rows: () => EVERYDAY_HOLDOUT },
  examples: { about: 'the public examples (test/fixtures/nl-examples.json)', rows: nlExamples },
  phrasings: { about: 'the first phrasing table', rows: () => PHRASINGS },
  'phrasings-holdout': { about: 'its held-out rows', rows: () => HOLDOUT },
  details: { about: 'due dates, priorities, tags, repeats (issue 8)', rows: () => DETAIL_PHRASINGS },
  'details-holdout': { about: 'their held-out rows', rows: () => DETAIL_HOLDOUT },
  titles: { about: 'titles kept as typed (issue 12)', rows: () => TITLE_PHRASINGS },
};
