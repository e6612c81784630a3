import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { DomainError } from '../errors.js';
import { addressAllowed } from './address-policy.js';

/** The URL leads to an address that is not public (and no admin allowed it). */
export class UrlRefusedError extends DomainError {
  readonly code = 'URL_NOT_ALLOWED';
  readonly kind = 'invalid';
}

/** The refusal for `url`, naming its host and how an admin can allow it. */
export function refused(url: URL): UrlRefusedError {
  return new UrlRefusedError(
    `${url.host} is a private, loopback or link-local address; an admin can allow it with FETCH_ALLOWED_HOSTS`,
    { field: 'url' },
  );
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** True when the host is an IP address, which is never looked up (so it is checked as it is). */
export function isIpLiteral(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':');
}

/**
 * A `lookup` for Node's http(s) requests that fails with URL_NOT_ALLOWED when any address the name
 * resolves to is not public and not in `allowedHosts`. The check runs inside the connection's own
 * lookup, so DNS cannot answer differently between check and connect.
 */
export function guardedLookup(url: URL, allowedHosts: readonly string[]): LookupFunction {
  return (name, options, callback) => {
    dns.lookup(name, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      if (
        addresses.length === 0 ||
        addresses.some(({ address }) => !addressAllowed(name, address, allowedHosts))
      )
        return callback(refused(url), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [dns.LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Checks ahead of time that `url` leads to allowed addresses, so a user hears of a refused URL when
 * they save it. A name that does not resolve now passes: every connection checks again.
 */
export async function checkUrlAllowed(url: URL, allowedHosts: readonly string[]): Promise<void> {
  const hostname = hostOf(url);
  if (isIpLiteral(hostname)) {
    if (!addressAllowed(hostname, hostname, allowedHosts)) throw refused(url);
    return;
  }
  const addresses = await dns.promises.lookup(hostname, { all: true }).catch(() => []);
  if (addresses.some(({ address }) => !addressAllowed(hostname, address, allowedHosts))) throw refused(url);
}
