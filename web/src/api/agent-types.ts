/**
 * The agents module's wire shapes, imported type-only from the server's zod schemas, in one place for the agent
 * pages.
 */
import type { AgentDefinitionInput } from '@server/modules/agents/definition';
import type {
  Agent,
  AgentPage,
  AgentRunDetail,
  AgentRunPage,
  AgentRunToolCall,
  AgentRunView,
  AgentVersion,
} from '@server/modules/agents/schema';

export type {
  Agent,
  AgentDefinitionInput,
  AgentPage,
  AgentRunDetail,
  AgentRunPage,
  AgentRunToolCall,
  AgentRunView,
  AgentVersion,
};
export type AgentRunStatus = AgentRunView['status'];
