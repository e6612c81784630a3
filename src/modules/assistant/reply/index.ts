import { documentReplies } from './documents.js';
import type { ReplyFormatter, ReplyInput } from './format.js';
import { taskReplies } from './tasks.js';
import { textAnalysisReplies } from './text-analysis.js';
import { textRewriteReplies } from './text-rewrite.js';
import { workflowReplies } from './workflows.js';
import { memoryReplies } from './memories.js';

const formatters: Record<string, ReplyFormatter> = {
  ...taskReplies,
  ...documentReplies,
  ...textAnalysisReplies,
  ...textRewriteReplies,
  ...workflowReplies,
  ...memoryReplies,
};

/** A tool's result in words; a tool without its own formatter gets its JSON shown. */
export function replyTo(reply: ReplyInput): string {
  const formatter = formatters[reply.toolName];
  if (formatter) return formatter(reply);
  return `${reply.toolName} answered:\n\n\`\`\`json\n${JSON.stringify(reply.output, null, 2)}\n\`\`\``;
}
