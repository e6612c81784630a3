import { adding } from './adding.js';
import { bulk } from './bulk.js';
import { dates } from './dates.js';
import type { Dialogue } from './dialogue.js';
import { issueTranscripts } from './issue-transcripts.js';
import { priorityAndTags } from './priority-tags.js';
import { questions } from './questions.js';
import { references } from './references.js';
import { smallTalk } from './small-talk.js';
import { undo } from './undo.js';
import { variations } from './variations.js';
import { workflows } from './workflows.js';

/** Every dialogue of the phrasing corpus. */
export const corpus: readonly Dialogue[] = [
  ...issueTranscripts,
  ...adding,
  ...references,
  ...questions,
  ...priorityAndTags,
  ...bulk,
  ...undo,
  ...dates,
  ...smallTalk,
  ...variations,
  ...workflows,
];
