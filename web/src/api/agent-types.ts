/**
 * The agents module's wire shapes, imported type-only from the server's zod schemas, in one place for the agent
 * pages.
 */
import type { AgentDefinitionInput } from '@server/modules/agents/definition';
import type {
  Agent,
  AgentPage,
  AgentRunPage,
  AgentRunView,
  AgentVersion,
} from '@server/modules/agents/schema';

export type { Agent, AgentDefinitionInput, AgentPage, AgentRunPage, AgentRunView, AgentVersion };
export type AgentRunStatus = AgentRunView['status'];
