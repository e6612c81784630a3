import { DomainError } from '../../errors.js';
import { createHmac, randomBytes } from 'node:crypto';
import { guardedFetch } from '../../net/guarded-fetch.js';
import { TargetRefusedError } from './errors.js';
import type { DeliveredEvent } from './table.js';

/** Headers of every webhook delivery. */
export const webhookHeaders = {
  signature: 'x-switchboard-signature',
  timestamp: 'x-switchboard-timestamp',
  delivery: 'x-switchboard-delivery',
  idempotencyKey: 'idempotency-key',
  eventType: 'x-switchboard-event-type',
} as const;

/** The most of a receiver's answer read (it is only logged by status). */
const responseMaxBytes = 64 * 1024;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A new signing secret: 32 random bytes, shown once as `whsec_<base64url>`. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `sha256=<hex>` of `<timestamp>.<body>` under the secret: what the signature header carries. A
 * receiver recomputes it from the timestamp header and the raw body, and refuses old timestamps.
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Refuses a webhook URL that is not https (http only to loopback when EVENT_HOOK_LOCAL_HTTP is on). */
export function checkWebhookUrl(url: string, { localHttp }: { localHttp: boolean }): void {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return;
  if (parsed.protocol === 'http:' && localHttp && loopbackHosts.has(parsed.hostname)) return;
  throw new TargetRefusedError(
    'WEBHOOK_URL_REFUSED',
    localHttp ? 'A webhook URL must be https (http only on localhost)' : 'A webhook URL must be https',
    'target.url',
  );
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Posts one delivery: the JSON body signed with the secret, behind the URL guard (private and
 * loopback addresses only when FETCH_ALLOWED_HOSTS allows them), no redirects followed, within
 * the timeout. A 2xx answer is delivered; anything else (another status, no answer) is a failure.
 */
export async function postWebhook({
  url,
  secret,
  deliveryId,
  event,
  subscriptionId,
  allowedHosts,
  timeoutMs,
  now,
}: {
  url: string;
  secret: string;
  deliveryId: string;
  event: DeliveredEvent;
  subscriptionId: string;
  allowedHosts: readonly string[];
  timeoutMs: number;
  now: Date;
}): Promise<AttemptOutcome> {
  const body = JSON.stringify({ delivery_id: deliveryId, subscription_id: subscriptionId, event });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const fetch = guardedFetch({ allowedHosts, maxBytes: responseMaxBytes });
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Events/1',
        [webhookHeaders.signature]: signDelivery(secret, timestamp, body),
        [webhookHeaders.timestamp]: timestamp,
        [webhookHeaders.delivery]: deliveryId,
        [webhookHeaders.idempotencyKey]: deliveryId,
        [webhookHeaders.eventType]: event.type,
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `The receiver answered ${response.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: unreachable(error, timeoutMs) };
  }
}

/**
 * Why the receiver was not reached, in fixed words: the URL guard's refusal says itself, anything
 * else (DNS, a refused or reset connection) is not echoed, so the log cannot map an internal network.
 */
function unreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `The receiver did not answer within ${timeoutMs} ms`;
  return 'Could not connect to the receiver';
}
