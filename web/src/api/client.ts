/** An error answered by the API: `{ error: { code, message, field? } }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded, unless it is FormData (sent as multipart). */
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

/** The path with its query string; empty values are left out. */
export function withQuery(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends the user to sign in, and back to this page afterwards. */
export function redirectToSignIn() {
  const next = `${location.pathname}${location.search}`;
  location.assign(`/signin?next=${encodeURIComponent(next)}`);
}

/**
 * Calls the REST API with the session cookie. Answers the parsed JSON (undefined for 204); throws
 * ApiError with the server's code and message. An expired session sends the user to sign in.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  if (response.status === 401 && !path.startsWith('/api/v1/auth/')) redirectToSignIn();
  const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `The request failed (${response.status} ${response.statusText}).`,
    error?.field,
  );
}

/** A readable sentence for any error a page may catch. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
