import { z } from 'zod';

/** The one error shape of every REST answer that is not a success. */
export const errorBodySchema = z
  .object({
    error: z
      .object({
        code: z.string().describe('Stable, machine-readable: INVALID_INPUT, ROUTE_NOT_FOUND, …'),
        message: z.string().describe('For people: what went wrong and what to do'),
        field: z.string().optional().describe('The input field at fault, as a dotted path'),
        request_id: z
          .string()
          .describe('Quote this when reporting a problem; it is in every log line of the request'),
      })
      // Some errors say more: a context conflict's `current` value and its `conflicts`.
      .catchall(z.unknown()),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(
  code: string,
  message: string,
  requestId: string,
  field?: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return {
    error: { ...details, code, message, ...(field === undefined ? {} : { field }), request_id: requestId },
  };
}

/** The error answers a route may give, for its `response` schemas: `errorAnswers(400, 401, 404)`. */
export function errorAnswers<const Codes extends readonly number[]>(
  ...codes: Codes
): { [Code in Codes[number]]: typeof errorBodySchema } {
  return Object.fromEntries(codes.map((code) => [code, errorBodySchema])) as {
    [Code in Codes[number]]: typeof errorBodySchema;
  };
}
