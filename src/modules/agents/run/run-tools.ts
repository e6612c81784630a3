import type { ToolSet } from 'ai';
import type { UserActor } from '../../../actor.js';
import { DomainError } from '../../../errors.js';
import { fromDomainError } from '../../../public-error.js';
import type { ActorTool } from '../../../tools/actor-tools.js';
import { errorResult } from '../../../tools/tool-runner.js';
import { assistantTools } from '../../chat/index.js';
import type { AgentDefinition } from '../definition.js';
import type { AgentDeps } from '../deps.js';
import type { AgentAnswer } from '../schema.js';
import { agentToolInput, agentToolInputSchema, answerResult } from './answer-result.js';

/** The prefix of an agent offered as a tool. */
export const agentToolPrefix = 'agent__';

/** Asks another agent from inside a run: the child run names this one as its parent. */
export type AskChild = (agent: string, input: string, signal: AbortSignal) => Promise<AgentAnswer>;

/**
 * The tools of one run: the agent's allowlist, and nothing else; a destructive one is held for the
 * owner's approval as in the chat. Registry tools and the user's own
 * (MCP servers', workflows') act as the user, as in the chat; `agent__<name>` asks that agent as a
 * child of this run (so the depth limit and the cycle check see the chain).
 */
export async function runToolSet({
  deps,
  actor,
  definition,
  askChild,
}: {
  deps: Pick<AgentDeps, 'tools' | 'externalTools' | 'config'>;
  actor: UserActor;
  definition: AgentDefinition;
  askChild: AskChild;
}): Promise<ToolSet> {
  const allowed = new Set(definition.tools);
  if (allowed.size === 0) return {};
  const agentTools: ActorTool[] = definition.tools
    .filter((name) => name.startsWith(agentToolPrefix))
    .map((name) => childAgentTool(name, askChild));
  const wantsExternal = definition.tools.some(
    (name) => name.includes('__') && !name.startsWith(agentToolPrefix),
  );
  const external = wantsExternal
    ? (await deps.externalTools.toolsFor(actor)).filter(
        (tool) => allowed.has(tool.name) && !tool.name.startsWith(agentToolPrefix),
      )
    : [];
  const all = assistantTools({
    runner: deps.tools(),
    actor,
    external: [...agentTools, ...external],
    needsApproval: (tool) => needsApproval(deps.config.toolApproval, tool),
  });
  return Object.fromEntries(Object.entries(all).filter(([name]) => allowed.has(name)));
}

/**
 * As in the chat: with TOOL_APPROVAL=destructive a destructive tool waits for the owner's approval.
 * Asking another agent or a team does not: their own tools ask for themselves.
 */
function needsApproval(
  policy: 'destructive' | 'none',
  tool: { name: string; destructive?: boolean | undefined },
) {
  if (tool.name.startsWith(agentToolPrefix) || tool.name.startsWith('team__')) return false;
  return policy === 'destructive' && tool.destructive === true;
}

function childAgentTool(name: string, askChild: AskChild): ActorTool {
  const agent = name.slice(agentToolPrefix.length);
  return {
    name,
    title: agent,
    description: `Asks the agent ${agent} and answers with its reply.`,
    inputSchema: agentToolInputSchema,
    destructive: true,
    call: async (args, signal) => {
      try {
        return answerResult(await askChild(agent, agentToolInput(args), signal));
      } catch (error) {
        // A refusal (cycle, depth, not found) is the tool's answer, with its code, for the model to read.
        if (error instanceof DomainError) return errorResult(fromDomainError(error), error.details);
        throw error;
      }
    },
  };
}
