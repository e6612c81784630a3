import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { routeGroup } from '../../../http/route-group.js';
import {
  installIdParams,
  installInputSchema,
  installListSchema,
  installSchema,
  listingDetailSchema,
  listingIdParams,
  listingPageSchema,
  listListingsQuerySchema,
  listReviewsQuerySchema,
  publishInputSchema,
  reviewPageSchema,
  reviewSchema,
  writeReviewInputSchema,
} from '../marketplace/schema.js';
import type { MarketplaceService } from '../marketplace/service.js';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** /api/v1/marketplace: listings, reviews, installs and updates. */
export function registerMarketplaceRoutes(app: FastifyInstance, marketplace: MarketplaceService) {
  const route = routeGroup(app, { tags: ['marketplace'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/marketplace',
      scope: 'api:read',
      summary: 'Published agents, teams and workflows, newest first, searched, a page at a time',
      querystring: listListingsQuerySchema,
      response: listingPageSchema,
    },
    (request) => marketplace.list(request.user, request.query),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/marketplace',
      scope: 'api:write',
      summary: 'Publish your agent, team or workflow (again: the listing moves to its current version)',
      body: publishInputSchema,
      response: listingDetailSchema,
    },
    (request) => marketplace.publish(request.user, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/marketplace/installs',
      scope: 'api:read',
      summary: 'Your installs, each saying whether the author published a newer version',
      response: installListSchema,
    },
    async (request) => ({ items: await marketplace.installs(request.user) }),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/marketplace/installs/:id',
      scope: 'api:read',
      summary: 'One of your installs',
      params: installIdParams,
      response: installSchema,
    },
    (request) => marketplace.getInstall(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/marketplace/installs/:id/update',
      scope: 'api:write',
      summary: 'Apply the newest published version to your copy (replaces your changes to it)',
      params: installIdParams,
      response: installSchema,
    },
    (request) => marketplace.update(request.user, request.params.id),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/marketplace/:id',
      scope: 'api:read',
      summary: 'One listing with its published definition',
      params: listingIdParams,
      response: listingDetailSchema,
    },
    (request) => marketplace.get(request.user, request.params.id),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/marketplace/:id',
      scope: 'api:write',
      summary: 'Withdraw your listing (installed copies stay their users’)',
      params: listingIdParams,
      status: 204,
    },
    (request) => marketplace.withdraw(request.user, request.params.id),
  );
  route(
    {
      method: 'POST',
      url: '/api/v1/marketplace/:id/install',
      scope: 'api:write',
      summary: 'Copy a listing into your own agents (or workflows), private and yours to change',
      params: listingIdParams,
      body: installInputSchema,
      status: 201,
      response: installSchema,
    },
    (request) => marketplace.install(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'GET',
      url: '/api/v1/marketplace/:id/reviews',
      scope: 'api:read',
      summary: 'A listing’s reviews, newest first',
      params: listingIdParams,
      querystring: listReviewsQuerySchema,
      response: reviewPageSchema,
    },
    (request) => marketplace.reviews(request.user, request.params.id, request.query),
  );
  route(
    {
      method: 'PUT',
      url: '/api/v1/marketplace/:id/reviews/mine',
      scope: 'api:write',
      summary: 'Write or rewrite your review (1–5 and words) of a listing that is not yours',
      params: listingIdParams,
      body: writeReviewInputSchema,
      response: reviewSchema,
    },
    (request) => marketplace.writeReview(request.user, request.params.id, request.body),
  );
  route(
    {
      method: 'DELETE',
      url: '/api/v1/marketplace/:id/reviews/mine',
      scope: 'api:write',
      summary: 'Delete your review of a listing',
      params: listingIdParams,
      status: 204,
    },
    (request) => marketplace.deleteReview(request.user, request.params.id),
  );
}
