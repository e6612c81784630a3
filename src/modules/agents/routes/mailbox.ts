import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import {
  agentMessagePageSchema,
  agentMessageSchema,
  listAgentMessagesQuerySchema,
  messageParams,
  receiveAgentMessagesBodySchema,
  receivedAgentMessagesSchema,
  sendAgentMessageBodySchema,
} from '../mailbox/schema.js';
import type { MailboxAddress, MailboxService } from '../service/mailbox.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);

/** One mailbox's routes under a prefix whose `:id` names it (an agent, or an agent run). */
function registerMailbox(
  app: FastifyInstance,
  mailbox: MailboxService,
  { prefix, addressOf, whose }: { prefix: string; addressOf: (id: string) => MailboxAddress; whose: string },
) {
  const route = routeGroup(app, { tags: ['agent messages'], errors });
  route(
    {
      method: 'POST',
      url: `${prefix}/:id/messages`,
      scope: 'api:write',
      summary: `Send a message to ${whose} mailbox`,
      params: idParams,
      body: sendAgentMessageBodySchema,
      status: 201,
      response: agentMessageSchema,
    },
    (request) => mailbox.send(request.user, addressOf(request.params.id), request.body),
  );
  route(
    {
      method: 'GET',
      url: `${prefix}/:id/messages`,
      scope: 'api:read',
      summary: `The messages in ${whose} mailbox, newest first, in any state`,
      params: idParams,
      querystring: listAgentMessagesQuerySchema,
      response: agentMessagePageSchema,
    },
    (request) => mailbox.list(request.user, addressOf(request.params.id), request.query),
  );
  route(
    {
      method: 'POST',
      url: `${prefix}/:id/messages/receive`,
      scope: 'api:write',
      summary: `Take the waiting messages of ${whose} mailbox (each leased until acknowledged or the ack timeout)`,
      params: idParams,
      body: receiveAgentMessagesBodySchema,
      response: receivedAgentMessagesSchema,
    },
    (request) => mailbox.receive(request.user, addressOf(request.params.id), request.body),
  );
  route(
    {
      method: 'GET',
      url: `${prefix}/:id/messages/:message_id`,
      scope: 'api:read',
      summary: `One message of ${whose} mailbox`,
      params: messageParams,
      response: agentMessageSchema,
    },
    (request) => mailbox.get(request.user, request.params.message_id, addressOf(request.params.id)),
  );
  route(
    {
      method: 'POST',
      url: `${prefix}/:id/messages/:message_id/ack`,
      scope: 'api:write',
      summary: 'Acknowledge a received message: it is not delivered again',
      params: messageParams,
      response: agentMessageSchema,
    },
    (request) => mailbox.ack(request.user, request.params.message_id, addressOf(request.params.id)),
  );
}

/**
 * Messages between agents over REST: the mailboxes of agents (/api/v1/agents/{id}/messages) and of
 * agent runs (/api/v1/agent-runs/{id}/messages), and the dead letters (/api/v1/agents/dead-letters).
 */
export function registerMailboxRoutes(app: FastifyInstance, mailbox: MailboxService) {
  registerMailbox(app, mailbox, {
    prefix: '/api/v1/agents',
    addressOf: (id) => ({ agent: id }),
    whose: 'an agent’s',
  });
  registerMailbox(app, mailbox, {
    prefix: '/api/v1/agent-runs',
    addressOf: (id) => ({ run_id: id }),
    whose: 'an agent run’s',
  });
  const route = routeGroup(app, { tags: ['agent messages'], errors });
  route(
    {
      method: 'GET',
      url: '/api/v1/agents/dead-letters',
      scope: 'api:read',
      summary: 'Your messages delivered the most times without an acknowledgement, newest first',
      querystring: listAgentMessagesQuerySchema.omit({ status: true }),
      response: agentMessagePageSchema,
    },
    (request) => mailbox.deadLetters(request.user, request.query),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/agents/dead-letters/:id/replay',
      scope: 'api:write',
      summary: 'Put a dead letter back in its mailbox, its attempts reset (409 unless dead)',
      params: idParams,
      response: agentMessageSchema,
    },
    (request) => mailbox.replay(request.user, request.params.id),
  );
}
