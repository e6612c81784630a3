import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header a sender signs with: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const signatureHeader = 'x-switchboard-signature';
/** The optional header naming a delivery: a sender's retries of one delivery start one run. */
export const deliveryHeader = 'x-switchboard-delivery';

/** A new webhook secret: 32 random bytes, shown once as `whsec_<base64url>`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `sha256=<hex>` of the body under the secret: what a sender puts in the signature header. */
export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `signature` is the body's under the secret; compared in constant time. */
export function signatureHolds(secret: string, body: Buffer, signature: string | undefined): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A delivery id fit for a run id (a sender's own ids: printable, up to 200 characters), or undefined. */
export function deliveryId(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const id = header.trim();
  return /^[\x21-\x7e]{1,200}$/.test(id) ? id : undefined;
}
