import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorAnswers } from '../../http/error-body.js';
import { routeGroup } from '../../http/route-group.js';
import {
  addMemberInputSchema,
  createSpaceInputSchema,
  deleteEntryInputSchema,
  entryPageSchema,
  entryParams,
  entrySchema,
  historyInputSchema,
  historyPageSchema,
  listEntriesInputSchema,
  listSpacesInputSchema,
  memberParams,
  memberSchema,
  patchEntryInputSchema,
  personSchema,
  restoreEntryInputSchema,
  setEntryInputSchema,
  spacePageSchema,
  spaceParams,
  spaceSchema,
  updateMemberInputSchema,
  updateSpaceInputSchema,
} from './schema.js';
import type { ContextService } from './service.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 413);
const spaces = '/api/v1/context/spaces';
/** An entry's route: its key percent-encoded as one segment (`findings%2Fmarket`). */
const entry = `${spaces}/:id/entries/:key`;

/** Shared context over REST: spaces, their members, and their versioned entries. */
export function registerContextRoutes(app: FastifyInstance, service: ContextService) {
  const route = routeGroup(app, { tags: ['context'], errors });
  const { entries, members } = service;

  route(
    {
      method: 'GET',
      url: spaces,
      scope: 'api:read',
      summary: 'The context spaces you own or are a member of',
      querystring: listSpacesInputSchema,
      response: spacePageSchema,
    },
    (request) => service.spaces.list(request.user, request.query),
  );
  route(
    {
      method: 'POST',
      url: spaces,
      scope: 'api:write',
      summary: 'Create a context space',
      body: createSpaceInputSchema,
      status: 201,
      response: spaceSchema,
    },
    (request) => service.spaces.create(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: `${spaces}/:id`,
      scope: 'api:read',
      summary: 'A context space, with your role in it',
      params: spaceParams,
      response: spaceSchema,
    },
    (request) => service.spaces.get(request.user, request.params.id),
  );
  route(
    {
      method: 'PATCH',
      url: `${spaces}/:id`,
      scope: 'api:write',
      summary: 'Rename a context space (admins)',
      params: spaceParams,
      body: updateSpaceInputSchema,
      response: spaceSchema,
    },
    (request) => service.spaces.rename(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: `${spaces}/:id`,
      scope: 'api:write',
      summary: 'Delete a context space with all its entries (its owner)',
      params: spaceParams,
      status: 204,
    },
    (request) => service.spaces.delete(request.user, request.params.id),
  );

  route(
    {
      method: 'GET',
      url: `${spaces}/:id/members`,
      scope: 'api:read',
      summary: 'The space’s members and their roles',
      params: spaceParams,
      response: z.object({ items: z.array(memberSchema) }),
    },
    async (request) => ({ items: await members.list(request.user, request.params.id) }),
  );
  route(
    {
      method: 'GET',
      url: `${spaces}/:id/people`,
      scope: 'api:read',
      summary: 'The space’s people by name: its owner, its members and whoever wrote to it',
      params: spaceParams,
      response: z.object({ items: z.array(personSchema) }),
    },
    async (request) => ({ items: await service.people.list(request.user, request.params.id) }),
  );
  route(
    {
      method: 'POST',
      url: `${spaces}/:id/members`,
      scope: 'api:write',
      summary: 'Add a member, by user id or email, with a role (admins)',
      params: spaceParams,
      body: addMemberInputSchema,
      status: 201,
      response: memberSchema,
    },
    (request) => members.add(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'PATCH',
      url: `${spaces}/:id/members/:member_id`,
      scope: 'api:write',
      summary: 'Change a member’s role (admins)',
      params: memberParams,
      body: updateMemberInputSchema,
      response: memberSchema,
    },
    (request) => members.update(request.user, request.params.id, request.params.member_id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: `${spaces}/:id/members/:member_id`,
      scope: 'api:write',
      summary: 'Remove a member (admins), or leave the space',
      params: memberParams,
      status: 204,
    },
    (request) => members.remove(request.user, request.params.id, request.params.member_id),
  );

  route(
    {
      method: 'GET',
      url: `${spaces}/:id/entries`,
      scope: 'api:read',
      summary: 'The space’s entries in key order',
      params: spaceParams,
      querystring: listEntriesInputSchema,
      response: entryPageSchema,
    },
    (request) => entries.list(request.user, request.params.id, request.query),
  );
  route(
    {
      method: 'GET',
      url: entry,
      scope: 'api:read',
      summary: 'An entry’s current value and version',
      params: entryParams,
      response: entrySchema,
    },
    (request) => entries.get(request.user, request.params.id, request.params.key),
  );
  route(
    {
      method: 'PUT',
      url: entry,
      scope: 'api:write',
      summary:
        'Set an entry; with if_version, only if nobody wrote since (409 CONTEXT_CONFLICT with the current entry)',
      params: entryParams,
      body: setEntryInputSchema,
      response: entrySchema,
    },
    (request) => entries.set(request.user, request.params.id, request.params.key, request.body),
  );
  route(
    {
      method: 'PATCH',
      url: entry,
      scope: 'api:write',
      summary:
        'Merge a JSON Merge Patch into an entry; with if_version, three-way (conflicting fields: 409 with conflicts)',
      params: entryParams,
      body: patchEntryInputSchema,
      response: entrySchema,
    },
    (request) => entries.patch(request.user, request.params.id, request.params.key, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: entry,
      scope: 'api:write',
      summary: 'Delete an entry (a tombstone version, purged after the retention period)',
      params: entryParams,
      querystring: deleteEntryInputSchema,
      response: entrySchema,
    },
    (request) => entries.delete(request.user, request.params.id, request.params.key, request.query),
  );
  route(
    {
      method: 'GET',
      url: `${entry}/history`,
      scope: 'api:read',
      summary: 'An entry’s versions, newest first, with who, when and a diff',
      params: entryParams,
      querystring: historyInputSchema,
      response: historyPageSchema,
    },
    (request) => entries.history(request.user, request.params.id, request.params.key, request.query),
  );
  route(
    {
      method: 'POST',
      url: `${entry}/restore`,
      scope: 'api:write',
      summary: 'Make an old version’s value current again, as a new version',
      params: entryParams,
      body: restoreEntryInputSchema,
      response: entrySchema,
    },
    (request) => entries.restore(request.user, request.params.id, request.params.key, request.body),
  );
}
