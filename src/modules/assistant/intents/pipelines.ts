import { documentToolNames } from '../../resources/tool-names.js';
import { workflowToolNames } from '../../workflows/index.js';
import type { Turn } from '../conversation.js';
import { quoted } from '../reply/format.js';
import { field, list } from '../task-view.js';
import type { WorkflowView } from '../workflow-names.js';
import { call, callThenReply, type Intent, outputOf, type PlanContext, reply, type Step } from './intent.js';

/** The pipeline templates the chat runs, by what the user asks for. */
const pipelineFor = {
  analyze: { template: 'analyze-content', title: 'Analyze content (pipeline)' },
  clean: { template: 'process-documents', title: 'Process documents (pipeline)' },
} as const;
type Purpose = keyof typeof pipelineFor;

/** The items a request names: documents with a tag, or the documents the conversation showed last. */
type Items = { tag: string } | { document_ids: string[] };

/** The documents the newest turn that searched for documents found: what "these documents" points at. */
export function documentsInFocus(turns: readonly Turn[]): string[] {
  for (const turn of [...turns].reverse())
    for (const outcome of [...turn.outcomes].reverse()) {
      if (outcome.toolName !== documentToolNames.search || outcome.result?.kind !== 'output') continue;
      const ids = list(outcome.result.value, 'items').flatMap((item) => {
        const id = field(item, 'document_id');
        return typeof id === 'string' ? [id] : [];
      });
      if (ids.length > 0) return ids;
    }
  return [];
}

/**
 * Runs the user's copy of a pipeline template over the items: lists the workflows, picks the one
 * named as the template (or a copy of it, `analyze-content-2`), runs it and waits.
 */
function runPipelineFor(purpose: Purpose, items: Items, context: PlanContext): Step {
  const { template, title } = pipelineFor[purpose];
  if (outputOf(context, workflowToolNames.runPipeline) !== undefined)
    return callThenReply(context, workflowToolNames.runPipeline, {});
  const listed = outputOf(context, workflowToolNames.list);
  if (listed === undefined) return call(workflowToolNames.list, {});
  const copies = list<WorkflowView>(listed, 'items').filter(
    (workflow) => workflow.name === template || workflow.name.startsWith(`${template}-`),
  );
  const [pipeline] = copies;
  if (!pipeline)
    return reply(
      `You have no ${quoted(template)} pipeline yet. Copy the **${title}** template from the Workflows page, then ask again.`,
    );
  return call(workflowToolNames.runPipeline, { pipeline: pipeline.id, ...items, wait: true });
}

const documentsWord = '(?:notes|documents|docs|files)';

/** Pipelines in plain English: "analyze my notes tagged research", "clean these documents". */
export const pipelineIntents: Intent[] = [
  {
    name: 'analyze documents with a tag',
    patterns: [
      new RegExp(
        `^(?:analy[sz]e|run (?:an )?analysis (?:of|on)) (?:all )?(?:my |the )?${documentsWord} (?:tagged|with (?:the )?tag|labell?ed) ["“'#]?(?<tag>[^"”'\\s][^"”']{0,49}?)["”']?[.!?]*$`,
        'i',
      ),
    ],
    plan: ({ tag }, context) => runPipelineFor('analyze', { tag: tag ?? '' }, context),
  },
  {
    name: 'clean documents with a tag',
    patterns: [
      new RegExp(
        `^(?:clean(?: up)?|process) (?:all )?(?:my |the )?${documentsWord} (?:tagged|with (?:the )?tag|labell?ed) ["“'#]?(?<tag>[^"”'\\s][^"”']{0,49}?)["”']?[.!?]*$`,
        'i',
      ),
    ],
    plan: ({ tag }, context) => runPipelineFor('clean', { tag: tag ?? '' }, context),
  },
  {
    name: 'clean or analyze these documents',
    patterns: [
      new RegExp(
        `^(?<verb>clean(?: up)?|process|analy[sz]e) (?:these|those|them|the found|all these) ?(?:${documentsWord})?[.!?]*$`,
        'i',
      ),
    ],
    plan: ({ verb }, context) => {
      const ids = documentsInFocus(context.earlier);
      const purpose: Purpose = /^analy/i.test(verb ?? '') ? 'analyze' : 'clean';
      if (ids.length === 0)
        return reply(
          'Which documents? Find them first (for example “find my notes about taxes”), or say “clean my documents tagged <tag>”.',
        );
      return runPipelineFor(purpose, { document_ids: ids }, context);
    },
  },
];
