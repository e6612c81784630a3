import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app.js';
import type { SettingKey } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startFakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { keyedRequests } from './chat-harness.js';

export type Who = 'alice' | 'bob';

/** One listening instance, and requests to it as alice or bob. */
export interface ChatInstance {
  app: App;
  url: string;
  request(who: Who, path: string, init?: RequestInit): Promise<Response>;
  /** POST /api/v1/chat, streamed (SSE) unless `json` is set. */
  chat(
    who: Who,
    body: Record<string, unknown>,
    options?: { json?: boolean; signal?: AbortSignal },
  ): Promise<Response>;
}

/** An instance reached only over HTTP (a child process). */
export type RemoteInstance = Omit<ChatInstance, 'app'>;

/**
 * Two app instances, A and B, sharing one Postgres database (as two servers behind a load balancer
 * would), with the fake model as default model and alice and bob holding API keys valid on both.
 */
export async function startChatInstances(settings: Partial<Record<SettingKey, string>> = {}) {
  const model = await startFakeModelServer();
  const database = await createTestDatabase('postgres');
  const shared = {
    databaseUrl: database.settings.databaseUrl ?? '',
    model: 'openai-compatible:fake-model',
    modelBaseUrl: model.baseUrl,
    ...settings,
  };
  const dataDirs: string[] = [];
  const startApp = async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-instance-'));
    dataDirs.push(dataDir);
    const config = testConfig({ ...shared, dataDir });
    const app = await createApp({ config, logger: createLogger({ level: config.logLevel }) });
    return { app, url: await app.listen() };
  };
  // One after the other: both migrate the same database (they would take turns anyway).
  const a = await startApp();
  const b = await startApp();
  const alice = await seedUser(a.app, { email: 'alice@example.com', name: 'Alice' });
  const bob = await seedUser(a.app, { email: 'bob@example.com', name: 'Bob' });
  const keys = {
    alice: (await createApiKey(a.app, await signIn(a.app, 'alice@example.com'))).key,
    bob: (await createApiKey(a.app, await signIn(a.app, 'bob@example.com'))).key,
  };
  const reach = (url: string): RemoteInstance => ({ url, ...keyedRequests(url, keys) });
  return {
    model,
    database,
    /** The settings another instance needs to join (as environment variables). */
    env: {
      DATABASE_URL: shared.databaseUrl,
      MODEL: shared.model,
      MODEL_BASE_URL: shared.modelBaseUrl,
    } as Record<string, string>,
    userIds: { alice: alice.id, bob: bob.id },
    a: { app: a.app, ...reach(a.url) } as ChatInstance,
    b: { app: b.app, ...reach(b.url) } as ChatInstance,
    reach,
    async close() {
      await Promise.all([a.app.close(), b.app.close()]);
      await model.close();
      await database.drop();
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ChatInstances = Awaited<ReturnType<typeof startChatInstances>>;
