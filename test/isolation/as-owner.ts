import type { RowContext } from './rows.js';

/** Sends a request as the owner; fails the row at once if it does not succeed. Returns the body. */
export async function asOwner(
  { app, ownerCookie }: RowContext,
  method: 'POST' | 'PATCH',
  url: string,
  payload: object,
): Promise<{ id: string }> {
  const response = await app.http.inject({ method, url, headers: { cookie: ownerCookie }, payload });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} as the owner: ${response.body}`);
  return response.json();
}
