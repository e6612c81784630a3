import http from 'node:http';
import https from 'node:https';
import { DomainError, InvalidInputError } from '../errors.js';
import { addressAllowed } from './address-policy.js';
import { guardedLookup, hostOf, isIpLiteral, refused } from './guarded-lookup.js';

export { UrlRefusedError } from './guarded-lookup.js';

/** How far a fetch may go: time, size, and which non-public addresses an admin allowed. */
export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  /** Host names, IP addresses or CIDR ranges that may be reached although they are not public. */
  allowedHosts: readonly string[];
}

export interface FetchedUrl {
  /** Where the content came from, after redirects. */
  url: string;
  contentType: string | undefined;
  body: Buffer;
}

/** The URL could not be fetched: no answer in time, an error status, a network failure. */
export class UrlFetchFailedError extends DomainError {
  readonly code = 'URL_FETCH_FAILED';
  readonly kind = 'invalid';
}

/** The response is larger than FETCH_MAX_BYTES. */
export class UrlTooLargeError extends DomainError {
  readonly code = 'URL_TOO_LARGE';
  readonly kind = 'too_large';
}

const redirectsAtMost = 5;

/**
 * GETs an http(s) URL for a user, safely: every address it connects to — after DNS, after each
 * redirect — must be public unless FETCH_ALLOWED_HOSTS allows it (the check runs inside the
 * connection's own lookup, so DNS cannot answer differently between check and connect), with a
 * time limit and a size cap.
 */
export async function fetchUrl(
  url: string,
  policy: FetchPolicy,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FetchedUrl> {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects++) {
    const response = await get(current, policy, combined).catch((error: unknown) => {
      throw failure(error, current, policy, deadline);
    });
    const { statusCode = 0, headers } = response;
    if (statusCode >= 300 && statusCode < 400 && headers.location) {
      response.resume();
      if (redirects >= redirectsAtMost)
        throw new UrlFetchFailedError(`${url} redirects more than ${redirectsAtMost} times`, {
          field: 'url',
        });
      current = parseHttpUrl(new URL(headers.location, current).href);
      continue;
    }
    if (statusCode < 200 || statusCode >= 300) {
      response.resume();
      throw new UrlFetchFailedError(`${current.href} answered HTTP ${statusCode}`, { field: 'url' });
    }
    const body = await readCapped(response, policy.maxBytes, current).catch((error: unknown) => {
      throw failure(error, current, policy, deadline);
    });
    return { url: current.href, contentType: headers['content-type'], body };
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(`${text} is not a URL`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInputError(`Only http and https URLs can be fetched, not ${url.protocol}`, {
      field: 'url',
    });
  if (url.username || url.password)
    throw new InvalidInputError('URLs with a user name or password are not fetched', { field: 'url' });
  return url;
}

function get(url: URL, policy: FetchPolicy, signal: AbortSignal): Promise<http.IncomingMessage> {
  const hostname = hostOf(url);
  // An IP address in the URL is never looked up, so it is checked here.
  if (isIpLiteral(hostname) && !addressAllowed(hostname, hostname, policy.allowedHosts))
    return Promise.reject(refused(url));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      lookup: guardedLookup(url, policy.allowedHosts),
      signal,
      headers: { 'user-agent': 'Switchboard', accept: '*/*', 'accept-encoding': 'identity' },
    });
    request.once('response', resolve);
    request.once('error', reject);
  });
}

async function readCapped(response: http.IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(url: URL, maxBytes: number): UrlTooLargeError {
  return new UrlTooLargeError(`${url.href} is larger than the limit of ${maxBytes} bytes`, { field: 'url' });
}

function failure(error: unknown, url: URL, policy: FetchPolicy, deadline: AbortSignal): DomainError {
  if (error instanceof DomainError) return error;
  if (deadline.aborted)
    return new UrlFetchFailedError(`${url.href} did not answer within ${policy.timeoutMs} ms`, {
      field: 'url',
    });
  const reason = error instanceof Error ? error.message : String(error);
  return new UrlFetchFailedError(`${url.href} could not be fetched: ${reason}`, {
    field: 'url',
    cause: error,
  });
}

/** The fetch policy the config sets (FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_ALLOWED_HOSTS). */
export function fetchPolicyFrom(config: {
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchAllowedHosts: readonly string[];
}): FetchPolicy {
  return {
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    allowedHosts: config.fetchAllowedHosts,
  };
}
