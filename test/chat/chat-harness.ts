import type { SettingKey } from '../../src/config.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

export interface ChatHarness {
  testApp: TestApp;
  model: FakeModelServer;
  baseUrl: string;
  keys: { alice: string; bob: string };
  userIds: { alice: string; bob: string };
  /** POST /api/v1/chat as someone, streamed (SSE) unless `json` is set. */
  chat(
    who: 'alice' | 'bob',
    body: Record<string, unknown>,
    options?: { json?: boolean; signal?: AbortSignal },
  ): Promise<Response>;
  /** Any request as someone. */
  request(who: 'alice' | 'bob', path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A listening app whose default model is the fake OpenAI-compatible server, with alice and bob
 * signed up and holding API keys.
 */
export async function startChatHarness(
  settings: Partial<Record<SettingKey, string>> = {},
): Promise<ChatHarness> {
  const model = await startFakeModelServer();
  const testApp = await buildTestApp('embedded', {
    settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl, ...settings },
  });
  const baseUrl = await testApp.app.listen();
  const alice = await seedUser(testApp.app, { email: 'alice@example.com', name: 'Alice' });
  const bob = await seedUser(testApp.app, { email: 'bob@example.com', name: 'Bob' });
  const keys = {
    alice: (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'))).key,
    bob: (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'))).key,
  };
  const { request, chat } = keyedRequests(baseUrl, keys);
  return {
    testApp,
    model,
    baseUrl,
    keys,
    userIds: { alice: alice.id, bob: bob.id },
    request,
    chat,
    async close() {
      await testApp.close();
      await model.close();
    },
  };
}

/** Requests to a server at `baseUrl` as alice or bob (by their API keys), and their chat request. */
export function keyedRequests(baseUrl: string, keys: { alice: string; bob: string }) {
  const request = (who: 'alice' | 'bob', path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${keys[who]}`, ...(init.headers as Record<string, string>) },
    });
  const chat: ChatHarness['chat'] = (who, body, options = {}) =>
    request(who, '/api/v1/chat', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: options.json ? 'application/json' : 'text/event-stream',
      },
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  return { request, chat };
}
