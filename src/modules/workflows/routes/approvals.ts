import type { FastifyInstance } from 'fastify';
import { errorAnswers } from '../../../http/error-body.js';
import { idParams } from '../../../http/route-params.js';
import { routeGroup } from '../../../http/route-group.js';
import {
  answerApprovalBodySchema,
  approvalPageSchema,
  approvalSchema,
  listApprovalsInputSchema,
} from '../schema/approvals.js';
import type { WorkflowApprovals } from '../service/approvals.js';

const errors = errorAnswers(400, 401, 403, 404, 409, 503);

/** The approvals inbox over REST: /api/v1/approvals, the same service as list_approvals and answer_approval. */
export function registerApprovalRoutes(app: FastifyInstance, approvals: WorkflowApprovals) {
  const route = routeGroup(app, { tags: ['approvals'], errors });

  route(
    {
      method: 'GET',
      url: '/api/v1/approvals',
      scope: 'api:read',
      summary: 'Your workflow approvals, newest first: by default those waiting for your answer',
      querystring: listApprovalsInputSchema,
      response: approvalPageSchema,
    },
    (request) => approvals.list(request.user, request.query),
  );

  route(
    {
      method: 'GET',
      url: '/api/v1/approvals/:id',
      scope: 'api:read',
      summary: 'One of your approvals',
      params: idParams,
      response: approvalSchema,
    },
    (request) => approvals.get(request.user, request.params.id),
  );

  route(
    {
      method: 'POST',
      url: '/api/v1/approvals/:id/answer',
      scope: 'api:write',
      summary: 'Approve or refuse: the waiting run goes on (409 APPROVAL_ALREADY_ANSWERED if answered)',
      params: idParams,
      body: answerApprovalBodySchema,
      response: approvalSchema,
    },
    (request) => approvals.answer(request.user, request.params.id, request.body, 'http'),
  );
}
