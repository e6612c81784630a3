import { randomUUID } from 'node:crypto';
import { type AgentCard, type Message, Role, type Task } from '@a2a-js/sdk';
import {
  ClientFactory,
  ClientFactoryOptions,
  DefaultAgentCardResolver,
  JsonRpcTransportFactory,
} from '@a2a-js/sdk/client';
import { guardedFetch } from '../../../net/guarded-fetch.js';
import type { FetchPolicy } from '../../../net/fetch-url.js';
import { textOf, textPart } from './run-mapping.js';

/**
 * The official A2A client over the URL guard every user-given URL goes through (private and
 * loopback addresses refused unless FETCH_ALLOWED_HOSTS allows them), with the user's token.
 */
export function a2aFetch(policy: FetchPolicy, token: string | undefined): typeof fetch {
  const guarded = guardedFetch({ allowedHosts: policy.allowedHosts, maxBytes: policy.maxBytes });
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    const url = input instanceof Request ? input.url : input;
    return guarded(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(policy.timeoutMs) });
  }) as typeof fetch;
}

export function readAgentCard(cardUrl: string, fetchImpl: typeof fetch): Promise<AgentCard> {
  return new DefaultAgentCardResolver({ fetchImpl }).resolve(cardUrl, '');
}

/** Sends one message to the agent and waits for its answer, in words. */
export async function askRemoteAgent({
  card,
  fetchImpl,
  text,
  signal,
}: {
  card: AgentCard;
  fetchImpl: typeof fetch;
  text: string;
  signal: AbortSignal;
}): Promise<{ text: string; state: string; taskId: string | null }> {
  const factory = new ClientFactory(
    ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
      transports: [new JsonRpcTransportFactory({ fetchImpl })],
    }),
  );
  const client = await factory.createFromAgentCard(card);
  const message: Message = {
    messageId: randomUUID(),
    contextId: '',
    taskId: '',
    role: Role.ROLE_USER,
    parts: [textPart(text)],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
  const result = await client.sendMessage(
    { tenant: '', message, configuration: undefined, metadata: undefined },
    { signal },
  );
  if ('messageId' in result) return { text: textOf(result), state: 'completed', taskId: null };
  return { text: answerOf(result), state: stateName(result), taskId: result.id };
}

function answerOf(task: Task): string {
  const artifacts = task.artifacts
    .map((artifact) => textOf({ parts: artifact.parts } as Message))
    .filter(Boolean);
  return artifacts.length > 0 ? artifacts.join('\n') : textOf(task.status?.message);
}

function stateName(task: Task): string {
  const names: Record<number, string> = {
    1: 'submitted',
    2: 'working',
    3: 'completed',
    4: 'failed',
    5: 'canceled',
    6: 'input-required',
    7: 'rejected',
    8: 'auth-required',
  };
  return names[task.status?.state ?? 0] ?? 'unknown';
}
