import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { UserActor } from '../actor.js';
import { InvalidInputError } from '../errors.js';
import type { PromptService } from '../modules/prompts/index.js';
import type { Logger } from '../logger.js';
import { hidden } from './hidden-error.js';
import { paginate } from './paginate.js';

/** The most prompts one user's list holds over MCP (their own and the shared ones). */
const listedAtMost = 1_000;

/**
 * prompts/list and prompts/get (arguments checked: a missing or invalid one is -32602 naming it).
 */
export function registerPromptHandlers(
  server: Server,
  { prompts, actor, logger }: { prompts: PromptService; actor: UserActor; logger: Logger },
) {
  server.setRequestHandler(ListPromptsRequestSchema, async (request, extra) => {
    try {
      const visible = [];
      let cursor: string | undefined;
      do {
        const page = await prompts.list(actor, { limit: 100, cursor });
        visible.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor && visible.length < listedAtMost);
      // One entry per name: yours rather than a shared one of the same name.
      const byName = new Map<string, (typeof visible)[number]>();
      for (const prompt of visible)
        if (!byName.has(prompt.name) || prompt.mine) byName.set(prompt.name, prompt);
      const listed = [...byName.values()].map((prompt) => ({
        name: prompt.name,
        title: prompt.title ?? undefined,
        description: prompt.description ?? undefined,
        arguments: prompt.arguments.map(({ name, description, required }) => ({
          name,
          description,
          required,
        })),
      }));
      const { items, nextCursor } = paginate(listed, request.params?.cursor);
      return { prompts: items, ...(nextCursor ? { nextCursor } : {}) };
    } catch (error) {
      throw hidden(error, logger, extra);
    }
  });

  server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
    try {
      const prompt = await prompts.findByName(actor, request.params.name);
      if (!prompt) throw new McpError(ErrorCode.InvalidParams, `Prompt ${request.params.name} not found`);
      const { text } = await prompts.render(actor, prompt.id, request.params.arguments ?? {});
      return {
        description: prompt.description ?? undefined,
        messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }],
      };
    } catch (error) {
      if (error instanceof InvalidInputError)
        throw new McpError(ErrorCode.InvalidParams, error.message, { field: error.field });
      throw hidden(error, logger, extra);
    }
  });
}
