import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import type { WorkflowTriggers } from '../triggers/index.js';
import { deliveryHeader, deliveryId, signatureHeader } from '../triggers/webhook-signature.js';

const webhookSecretSchema = z
  .object({
    workflow_id: z.string(),
    secret: z.string().describe('Shown this once: sign each body with it (HMAC-SHA256)'),
    url: z.string().describe('Where to POST: the path of this server'),
  })
  .meta({ id: 'WorkflowWebhookSecret' });

const acceptedSchema = z.object({ run_id: z.string() }).meta({ id: 'WebhookAccepted' });

/**
 * Webhooks: `POST /api/v1/hooks/{workflow id}` starts a run of a workflow with a webhook trigger
 * (anyone may call it; the body's signature is the credential), and the owner makes or replaces
 * the secret that signs it.
 */
export function registerHookRoutes(app: FastifyInstance, triggers: WorkflowTriggers) {
  const route = routeGroup(app, { tags: ['workflows'], errors: errorAnswers(400, 401, 403, 404) });
  route(
    {
      method: 'POST',
      url: '/api/v1/workflows/:id/webhook-secret',
      scope: 'api:write',
      summary: 'Make or replace the workflow’s webhook secret; shown only in this answer',
      params: idParams,
      response: webhookSecretSchema,
    },
    (request) => triggers.webhooks.rotateSecret(request.user, request.params.id),
  );

  // The signature covers the body's bytes as sent: here the body is read raw, whatever its type,
  // up to the server's BODY_LIMIT (413 beyond).
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    routeGroup(raw, { tags: ['workflows'], errors: errorAnswers(400, 401, 413) })(
      {
        method: 'POST',
        url: '/api/v1/hooks/:id',
        scope: 'public',
        summary:
          'Start a run of a workflow with a webhook trigger: any JSON body, signed in X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of the body>; X-Switchboard-Delivery names a delivery (its retries start one run)',
        params: idParams,
        body: z.unknown(),
        status: 202,
        response: acceptedSchema,
      },
      (request) =>
        triggers.webhooks.receive({
          workflowId: request.params.id,
          body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          headers: request.headers,
          signature: header(request.headers[signatureHeader]),
          delivery: deliveryId(header(request.headers[deliveryHeader])),
        }),
    );
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
