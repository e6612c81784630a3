import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { as } from './identity.js';

export interface RestToolResult {
  is_error: boolean;
  structured_content: Record<string, unknown>;
  content: { text: string }[];
}

/** Calls a tool over REST (`POST /api/v1/tools/{name}`) as the cookie's user; the call must answer 200. */
export async function callToolOverRest(
  app: App,
  cookie: string,
  name: string,
  payload: object,
): Promise<RestToolResult> {
  const response = await as(app, { cookie })({ method: 'POST', url: `/api/v1/tools/${name}`, payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RestToolResult;
}
