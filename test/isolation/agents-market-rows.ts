/**
 * The isolation rows of the marketplace, agent files and external A2A agents, spread into rows.ts.
 * Listings are for every user (another user reads them, never the author's id or email); installs,
 * reviews to delete, agents to export and external agents are their owner's (404 to anyone else).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { actingAs, systemActor, type UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { seedUser } from '../helpers/identity.js';
import type { OwnedRow, Request, RowContext } from './rows.js';

const fresh = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

const ownerOf = async ({ app, ownerEmail }: RowContext): Promise<UserActor> => {
  const user = await app.identity.users.findByEmail(systemActor, ownerEmail);
  return actingAs({ userId: user.id, role: user.role, via: 'http' });
};

const newAgent = (app: App, actor: UserActor) =>
  app.agents.create(actor, { name: fresh('matrix-agent'), description: 'An agent of the matrix' });

/** A listing of a fresh agent published by `author`. */
async function listingBy(app: App, author: UserActor): Promise<string> {
  const agent = await newAgent(app, author);
  return (await app.agentsMarket.marketplace.publish(author, { source_id: agent.id })).id;
}

/** A third user: the author of listings the owner reviews or installs. */
async function someAuthor(app: App): Promise<UserActor> {
  const user = await seedUser(app, { email: `${fresh('author')}@example.com` });
  return actingAs({ userId: user.id, role: 'user', via: 'http' });
}

const withOwner =
  (build: (app: App, owner: UserActor) => Promise<Request>) =>
  async (context: RowContext): Promise<Request> =>
    build(context.app, await ownerOf(context));

/** A local server serving an agent card (the matrix app may reach 127.0.0.1). */
let cardServerUrl: Promise<string> | undefined;
function cardUrl(): Promise<string> {
  cardServerUrl ??= new Promise((resolve) => {
    const server = http.createServer((_request, response) => {
      const port = (server.address() as AddressInfo).port;
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          name: 'Matrix Remote',
          description: 'A remote agent of the matrix',
          version: '1',
          supportedInterfaces: [
            { url: `http://127.0.0.1:${port}/rpc`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' },
          ],
          capabilities: {},
          defaultInputModes: ['text/plain'],
          defaultOutputModes: ['text/plain'],
          skills: [],
        }),
      );
    });
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/agent-card.json`),
    );
    server.unref();
  });
  return cardServerUrl;
}

const withOwnerRemoteAgent = (build: (id: string) => Request) =>
  withOwner(async (app, owner) =>
    build(
      (await app.agentsMarket.remoteAgents.add(owner, { card_url: await cardUrl(), name: fresh('remote') }))
        .id,
    ),
  );

export const agentsMarketRows: OwnedRow[] = [
  {
    method: 'GET',
    route: '/api/v1/marketplace',
    scope: 'api:read',
    request: withOwner(async (app, owner) => (await listingBy(app, owner), { url: '/api/v1/marketplace' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/marketplace',
    scope: 'api:write',
    request: withOwner(async (app, owner) => ({
      url: '/api/v1/marketplace',
      payload: { source_id: (await newAgent(app, owner)).id },
    })),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/marketplace/:id',
    scope: 'api:read',
    request: withOwner(async (app, owner) => ({ url: `/api/v1/marketplace/${await listingBy(app, owner)}` })),
    otherUser: 'own_items_only',
  },
  {
    method: 'DELETE',
    route: '/api/v1/marketplace/:id',
    scope: 'api:write',
    request: withOwner(async (app, owner) => ({ url: `/api/v1/marketplace/${await listingBy(app, owner)}` })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/marketplace/:id/install',
    scope: 'api:write',
    request: withOwner(async (app, owner) => ({
      url: `/api/v1/marketplace/${await listingBy(app, owner)}/install`,
      payload: {},
    })),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/marketplace/:id/reviews',
    scope: 'api:read',
    request: withOwner(async (app, owner) => {
      const listingId = await listingBy(app, await someAuthor(app));
      await app.agentsMarket.marketplace.writeReview(owner, listingId, { rating: 4, text: 'Fine' });
      return { url: `/api/v1/marketplace/${listingId}/reviews` };
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'PUT',
    route: '/api/v1/marketplace/:id/reviews/mine',
    scope: 'api:write',
    request: withOwner(async (app) => ({
      url: `/api/v1/marketplace/${await listingBy(app, await someAuthor(app))}/reviews/mine`,
      payload: { rating: 5, text: 'Good' },
    })),
    otherUser: 'own_items_only',
  },
  {
    method: 'DELETE',
    route: '/api/v1/marketplace/:id/reviews/mine',
    scope: 'api:write',
    request: withOwner(async (app, owner) => {
      const listingId = await listingBy(app, await someAuthor(app));
      await app.agentsMarket.marketplace.writeReview(owner, listingId, { rating: 3 });
      return { url: `/api/v1/marketplace/${listingId}/reviews/mine` };
    }),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/marketplace/installs',
    scope: 'api:read',
    request: withOwner(async (app, owner) => {
      await app.agentsMarket.marketplace.install(owner, await listingBy(app, await someAuthor(app)));
      return { url: '/api/v1/marketplace/installs' };
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/marketplace/installs/:id',
    scope: 'api:read',
    request: withOwner(async (app, owner) => {
      const install = await app.agentsMarket.marketplace.install(
        owner,
        await listingBy(app, await someAuthor(app)),
      );
      return { url: `/api/v1/marketplace/installs/${install.id}` };
    }),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/marketplace/installs/:id/update',
    scope: 'api:write',
    request: withOwner(async (app, owner) => {
      const install = await app.agentsMarket.marketplace.install(
        owner,
        await listingBy(app, await someAuthor(app)),
      );
      return { url: `/api/v1/marketplace/installs/${install.id}/update` };
    }),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/agents/:id/export',
    scope: 'api:read',
    request: withOwner(async (app, owner) => ({
      url: `/api/v1/agents/${(await newAgent(app, owner)).id}/export`,
    })),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/agents/import',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/agents/import',
      payload: {
        format: 'switchboard.agent',
        format_version: 1,
        exported_at: new Date().toISOString(),
        exported_version: 1,
        agent: { name: fresh('imported'), description: 'Imported in the matrix' },
      },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/a2a/agents',
    scope: 'api:read',
    request: withOwnerRemoteAgent(() => ({ url: '/api/v1/a2a/agents' })),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/a2a/agents',
    scope: 'api:write',
    request: async () => ({
      url: '/api/v1/a2a/agents',
      payload: { card_url: await cardUrl(), name: fresh('remote') },
    }),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/a2a/agents/:id',
    scope: 'api:read',
    request: withOwnerRemoteAgent((id) => ({ url: `/api/v1/a2a/agents/${id}` })),
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/a2a/agents/:id',
    scope: 'api:write',
    request: withOwnerRemoteAgent((id) => ({ url: `/api/v1/a2a/agents/${id}` })),
    otherUser: 'not_found',
  },
];
