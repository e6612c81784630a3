import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../http/error-body.js';
import { routeGroup } from '../../http/route-group.js';
import type { ModelRegistry } from '../../models/registry.js';
import { openAiModelListSchema, type OpenAiModelList } from './completions-schema.js';

/**
 * GET /v1/models, as OpenAI's API has it, so Open WebUI, LibreChat and the SDKs can list the
 * models and let the user pick one. Same credential as POST /v1/chat/completions (`api:write`):
 * a client configured with the one key that chats must be able to list what it may chat with.
 * `created` is when this server started: Switchboard does not know when a provider made a model.
 */
export function registerModelListRoute(
  app: FastifyInstance,
  { models, startedAt }: { models: Pick<ModelRegistry, 'allowed'>; startedAt: Date },
) {
  const route = routeGroup(app, { tags: ['chat'], errors: errorAnswers(401, 403) });
  const created = Math.floor(startedAt.getTime() / 1000);
  route(
    {
      method: 'GET',
      url: '/v1/models',
      scope: 'api:write',
      summary: 'OpenAI-compatible list of the models you may chat with (the default first)',
      response: openAiModelListSchema,
    },
    async (): Promise<OpenAiModelList> => {
      const { default_model, models: allowed } = await models.allowed();
      const ordered = [
        ...allowed.filter((model) => model.id === default_model),
        ...allowed.filter((model) => model.id !== default_model),
      ];
      return {
        object: 'list',
        data: ordered.map((model) => ({
          id: model.id,
          object: 'model',
          created,
          owned_by: model.provider === 'offline' ? 'switchboard' : model.provider,
        })),
      };
    },
  );
}
