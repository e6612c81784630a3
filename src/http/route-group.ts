import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RouteGenericInterface,
} from 'fastify';
import type { RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteScope } from './route-scope.js';

/** What a group's routes share: their OpenAPI tags and the error answers each may give. */
export interface RouteGroupOptions {
  tags: string[];
  errors: Record<number, z.ZodType>;
}

/**
 * One route, all that is its own: who may call it, what it says in the OpenAPI description and
 * the schemas of its input and answer. `status` 201 sends the handler's result as created (202 as accepted); 204
 * awaits the handler and answers with no body (no `response` then).
 */
export interface RouteDefinition<Params, Query, Body, Response, Status extends SuccessStatus> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  scope: RouteScope;
  summary: string;
  params?: Params;
  querystring?: Query;
  body?: Body;
  status?: Status;
  response?: Response;
  /** A larger (or smaller) body limit than the server's, in bytes (413 PAYLOAD_TOO_LARGE beyond). */
  bodyLimit?: number;
}

type SuccessStatus = 200 | 201 | 202 | 204;

/** The request as the zod type provider types it from the route's schemas. */
export type RouteRequest<Params, Query, Body> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  { params: Params; querystring: Query; body: Body },
  ZodTypeProvider
>;

type Answer<Response, Status> = Status extends 204
  ? unknown
  : Response extends z.ZodType
    ? z.output<Response>
    : never;

/**
 * A function that registers one route of a group, filling in what every route of the group
 * repeats: the tags, the error answers, the scope check's `config`, and the 201/204 replies.
 */
export function routeGroup(app: FastifyInstance, { tags, errors }: RouteGroupOptions) {
  return function route<
    Params extends z.ZodType | undefined = undefined,
    Query extends z.ZodType | undefined = undefined,
    Body extends z.ZodType | undefined = undefined,
    Response extends z.ZodType | undefined = undefined,
    Status extends SuccessStatus = 200,
  >(
    definition: RouteDefinition<Params, Query, Body, Response, Status>,
    handler: (
      request: RouteRequest<Params, Query, Body>,
    ) => Answer<Response, Status> | Promise<Answer<Response, Status>>,
  ) {
    const { method, url, scope, summary, params, querystring, body, response } = definition;
    const status = definition.status ?? 200;
    const schema: FastifySchema = {
      tags,
      summary,
      ...(params === undefined ? {} : { params }),
      ...(querystring === undefined ? {} : { querystring }),
      ...(body === undefined ? {} : { body }),
      response: { [status]: response ?? z.null(), ...errors },
    };
    app.route({
      method,
      url,
      config: { scope },
      ...(definition.bodyLimit === undefined ? {} : { bodyLimit: definition.bodyLimit }),
      schema,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const result = await handler(request as RouteRequest<Params, Query, Body>);
        return reply.status(status).send(status === 204 ? null : result);
      },
    });
  };
}
