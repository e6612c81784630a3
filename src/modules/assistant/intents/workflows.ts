import { workflowToolNames } from '../../workflows/index.js';
import { quoted } from '../reply/format.js';
import { list } from '../task-view.js';
import { lastRunShown, runIn } from '../workflow-memory.js';
import { type WorkflowView, workflowsNamed } from '../workflow-names.js';
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

/** Runs a workflow named in words: lists the workflows, picks the one the name points at, runs it and waits. */
function runNamed(spoken: string, context: PlanContext): Step {
  const started = outcomeOf(context, workflowToolNames.run);
  if (started) return callThenReply(context, workflowToolNames.run, started.input);
  const listed = outputOf(context, workflowToolNames.list);
  if (listed === undefined) return call(workflowToolNames.list, {});
  const workflows = list<WorkflowView>(listed, 'items');
  const matches = workflowsNamed(spoken, workflows);
  const [only] = matches;
  if (matches.length > 1)
    return reply(
      `Several workflows match ${quoted(spoken)}: ${matches.map((workflow) => `**${workflow.name}**`).join(', ')}. Which one? Say “run <name>”.`,
    );
  if (!only) {
    const names = workflows.map((workflow) => `**${workflow.name}**`).join(', ');
    return reply(
      workflows.length === 0
        ? `You have no workflows yet, so none called ${quoted(spoken)}. Copy a template from the Workflows page to start.`
        : `You have no workflow called ${quoted(spoken)}. Yours: ${names}.`,
    );
  }
  return call(workflowToolNames.run, { workflow: only.id, input: {}, wait: true });
}

/** The last run: the one the conversation showed, else the newest of the user's runs, with its steps. */
function lastRun(context: PlanContext): Step {
  const shown = lastRunShown(context.earlier);
  if (shown) return callThenReply(context, workflowToolNames.getRun, { run_id: shown.id });
  const listed = outputOf(context, workflowToolNames.listRuns);
  if (listed === undefined) return call(workflowToolNames.listRuns, { limit: 1 });
  const [newest] = list(listed, 'items').flatMap((item) => runIn(item) ?? []);
  if (!newest) return reply('You have not run any workflow yet.');
  return callThenReply(context, workflowToolNames.getRun, { run_id: newest.id });
}

/** Workflows in plain English: list them, run one by name, see how the last run went. */
export const workflowIntents: Intent[] = [
  {
    name: 'list workflows',
    patterns: [
      /^(?:show|list|display|see|get)(?: me)?(?: all)? (?:my |the |our )?workflows[.!?]*$/i,
      /^(?:what|which) workflows (?:do i have|are there|can i run|have i got)[.!?]*$/i,
      /^(?:my )?workflows\??$/i,
    ],
    plan: (_match, context) => callThenReply(context, workflowToolNames.list, {}),
  },
  {
    name: 'how did the last run go',
    patterns: [
      /^(?:what happened (?:to|with|in)|how did|how(?:'s|’s| is)|what(?:'s|’s| is) the status of|status of|show(?: me)?|check|did) (?:the |my )?(?:last|latest|most recent|previous) (?:workflow )?run(?: go| do| work| finish| end| fail)?[.!?]*$/i,
      /^(?:what happened to|how did|show(?: me)?|status of) (?:the |my )?run(?: go)?[.!?]*$/i,
    ],
    plan: (_match, context) => lastRun(context),
  },
  {
    name: 'show a run by id',
    patterns: [
      /^(?:show|check|what happened to|status of|get)(?: me)? (?:the )?(?:workflow )?run (?<id>[0-9a-z][0-9a-z:_-]{7,})[.!?]*$/i,
    ],
    plan: ({ id }, context) => callThenReply(context, workflowToolNames.getRun, { run_id: id ?? '' }),
  },
  {
    name: 'run a workflow',
    patterns: [
      /^(?:run|start|launch|trigger|execute|kick off) (?:the |my )?workflow (?<name>.+?)[.!?]*$/i,
      /^(?:run|start|launch|trigger|execute|kick off) (?<name>.+?)(?: workflow)?(?: now| again)?[.!?]*$/i,
    ],
    plan: ({ name }, context) => runNamed(name ?? '', context),
  },
];
