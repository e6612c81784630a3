import { and, eq, or } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { InvalidInputError } from '../../../errors.js';
import { findUnstorableText, unstorableTextError } from '../../../storable-text.js';
import type { WorkflowDeps } from '../deps.js';
import { WebhookSignatureInvalidError, WorkflowNotFoundError } from '../errors.js';
import { ExpressionError, resolveTemplates } from '../expressions.js';
import { workflows } from '../table.js';
import type { OwnerActors } from './owner-actor.js';
import type { RunStarter } from './run-starter.js';
import { newWebhookSecret, signatureHolds } from './webhook-signature.js';

/** A webhook call as the route hands it over: the raw body (signed) and the headers. */
export interface WebhookDelivery {
  workflowId: string;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  signature: string | undefined;
  /** The sender's delivery id (`X-Switchboard-Delivery`), when given and fit for a run id. */
  delivery: string | undefined;
}

/** Binds a sealed secret to its row and field: a value copied to another workflow does not open. */
const secretContext = (workflowId: string) => `workflows:${workflowId}:webhook_secret`;
/** Signs with something when there is no secret, so an unknown workflow takes as long to refuse. */
const standIn = newWebhookSecret();

/**
 * Webhook triggers: `POST /api/v1/hooks/{workflow id}` with a body signed by the workflow's secret
 * starts a run as the owner. The secret is made (or replaced) by the owner and shown once; the row
 * keeps it sealed.
 */
export function createWebhooks(
  deps: WorkflowDeps,
  { runs, owners }: { runs: RunStarter; owners: OwnerActors },
) {
  return {
    /** Makes or replaces the workflow's webhook secret and returns it: the only time it is shown. */
    async rotateSecret(
      actor: Actor,
      workflow: string,
    ): Promise<{ workflow_id: string; secret: string; url: string }> {
      const { userId } = requireUser(actor);
      const [row] = await deps.db
        .select({ id: workflows.id })
        .from(workflows)
        .where(
          and(eq(workflows.ownerId, userId), or(eq(workflows.id, workflow), eq(workflows.name, workflow))),
        );
      if (!row) throw new WorkflowNotFoundError(workflow);
      const secret = newWebhookSecret();
      await deps.db
        .update(workflows)
        .set({ webhookSecret: deps.secrets.seal(secret, secretContext(row.id)) })
        .where(eq(workflows.id, row.id));
      return { workflow_id: row.id, secret, url: `/api/v1/hooks/${row.id}` };
    },

    /** Checks the signature and starts the run; every refusal before the body is read is the same 401. */
    async receive(delivery: WebhookDelivery): Promise<{ run_id: string }> {
      const [row] = await deps.db
        .select({
          ownerId: workflows.ownerId,
          definition: workflows.definition,
          sealed: workflows.webhookSecret,
        })
        .from(workflows)
        .where(eq(workflows.id, delivery.workflowId));
      const trigger = row?.definition.triggers.find((one) => one.kind === 'webhook');
      const secret =
        row?.sealed && trigger
          ? deps.secrets.open(row.sealed, secretContext(delivery.workflowId))
          : undefined;
      const signed = signatureHolds(secret ?? standIn, delivery.body, delivery.signature);
      if (!row || !trigger || !secret || !signed) throw new WebhookSignatureInvalidError();
      const owner = await owners(row.ownerId);
      if (!owner) throw new WebhookSignatureInvalidError();
      const body = parseBody(delivery.body);
      const input =
        trigger.input === undefined
          ? body
          : resolveInput(trigger.input, { body, headers: readableHeaders(delivery.headers) });
      if (!isObject(input))
        throw new InvalidInputError('The body must be a JSON object (or give the webhook trigger an input)', {
          field: 'body',
        });
      const deliveryId = delivery.delivery ?? deps.ids();
      const run = await runs.start(owner, {
        workflow: delivery.workflowId,
        input,
        trigger: { kind: 'webhook', delivery: deliveryId },
        runId: `hook:${delivery.workflowId}:${deliveryId}`,
      });
      return { run_id: run.id };
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;

/** The trigger's input over the call; an expression that fails on this body is refused as the body's fault. */
function resolveInput(input: Record<string, unknown>, scope: Record<string, unknown>): unknown {
  try {
    return resolveTemplates(input, scope);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new InvalidInputError(
      `The webhook trigger's input could not be read from this body: ${error.message}`,
      {
        field: 'body',
      },
    );
  }
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new InvalidInputError('The body is not JSON', { field: 'body' });
  }
  const at = findUnstorableText(body);
  if (at) throw unstorableTextError(at, 'body');
  return body;
}

/** The headers a trigger's input may read: single values, credentials left out. */
function readableHeaders(headers: WebhookDelivery['headers']): Record<string, string> {
  const hidden = new Set(['authorization', 'cookie', 'x-switchboard-signature']);
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === 'string' && !hidden.has(name.toLowerCase()) ? [[name.toLowerCase(), value]] : [],
    ),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
