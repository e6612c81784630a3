import { workflowToolNames } from '../../workflows/index.js';
import { numbered } from '../reply/format.js';
import { approvalLine } from '../reply/workflows.js';
import { list } from '../task-view.js';
import { type ApprovalView, approvalsInFocus } from '../workflow-memory.js';
import { positionIn } from '../words.js';
import {
  call,
  callThenReply,
  type Intent,
  outcomeOf,
  outputOf,
  type PlanContext,
  reply,
  type Step,
} from './intent.js';

/**
 * Answers an approval the conversation has shown: the one it just showed (or the one at `position`
 * of the list it showed). When it showed none, the pending ones are listed and it asks which — even
 * with one pending: it never answers an approval the user has not seen.
 */
function answer(approved: boolean, position: number | undefined, context: PlanContext): Step {
  const done = outcomeOf(context, workflowToolNames.answerApproval);
  if (done) return callThenReply(context, workflowToolNames.answerApproval, done.input);
  const shown = approvalsInFocus(context.earlier);
  if (shown.length === 0) return listAndAsk(approved, context);
  const chosen =
    position === undefined
      ? shown.length === 1
        ? shown[0]
        : undefined
      : shown.at(position === -1 ? -1 : position - 1);
  if (position !== undefined && !chosen) return reply(`There is no number ${position} in that list.`);
  if (!chosen) return askWhich(approved, shown);
  return call(workflowToolNames.answerApproval, { approval_id: chosen.id, approved });
}

/** Nothing shown yet: list what waits, then ask which (the next "approve it" finds the list shown). */
function listAndAsk(approved: boolean, context: PlanContext): Step {
  const listedNow = outputOf(context, workflowToolNames.listApprovals);
  if (listedNow === undefined) return call(workflowToolNames.listApprovals, {});
  const waiting = list<ApprovalView>(listedNow, 'items');
  if (waiting.length === 0) return reply('Nothing is waiting for your approval.');
  return askWhich(approved, waiting);
}

function askWhich(approved: boolean, shown: readonly ApprovalView[]): Step {
  const verb = approved ? 'approve' : 'refuse';
  const [only] = shown;
  if (shown.length === 1 && only)
    return reply(
      `1 approval is waiting. Is it this one?\n\n${approvalLine(only)}\n\nSay “${verb} it” to ${verb} it.`,
    );
  return reply(
    `${shown.length} approvals are waiting. Which one?\n\n${numbered(shown.map(approvalLine))}\n\nSay “${verb} 1” or “${verb} the second one”.`,
  );
}

const approveWords = 'approve|accept|allow|go ahead with';
const refuseWords = 'refuse|reject|deny|decline|turn down';
const target =
  '(?:\\s+(?<target>it|that|this|this one|that one|them|the approval|the request|(?:the |number |no\\.? ?|#)?\\S+(?: one)?))?';

const answerPattern = (words: string) => new RegExp(`^(?:${words})${target}[.!?]*$`, 'i');

/** Approvals in plain English: what waits for me, approve it, refuse it. */
export const approvalIntents: Intent[] = [
  {
    name: 'what is waiting for me',
    patterns: [
      /^what(?:'s|’s| is) (?:waiting|pending) (?:for (?:me|my (?:approval|answer|ok))|on me)[.!?]*$/i,
      /^(?:what|anything|is anything|is there anything|does anything) (?:waiting|pending|needs? my (?:approval|ok|answer)|to approve)(?: for me)?[.!?]*$/i,
      /^(?:show|list|what are|any)(?: me)? (?:my |the )?(?:pending )?approvals(?: waiting)?[.!?]*$/i,
      /^(?:my )?(?:inbox|approvals)\??$/i,
      /^what (?:do i need|needs me) to approve[.!?]*$/i,
    ],
    plan: (_match, context) => callThenReply(context, workflowToolNames.listApprovals, {}),
  },
  {
    name: 'approve it',
    patterns: [answerPattern(approveWords)],
    plan: ({ target: said }, context) => answerTo(true, said, context),
  },
  {
    name: 'refuse it',
    patterns: [answerPattern(refuseWords)],
    plan: ({ target: said }, context) => answerTo(false, said, context),
  },
];

/** Words that point at the approval in focus rather than at a place in a list. */
const inFocus = /^(?:it|that|this|this one|that one|them|the approval|the request|the other(?: one)?)$/i;

/** "it", "that" or nothing: the approval in focus; a position ("2", "the second one"): that one; anything else: not ours. */
function answerTo(approved: boolean, said: string | undefined, context: PlanContext): Step | undefined {
  if (said === undefined || inFocus.test(said)) return answer(approved, undefined, context);
  const position = positionIn(said);
  return position === undefined ? undefined : answer(approved, position, context);
}
