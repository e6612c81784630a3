import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { findUnstorableText, unstorableTextError, storableFileContent } from '../storable-text.js';

/** Schemas whose value is a file's content: text Postgres cannot store is mended, not refused. */
const fileContentSchemas = new WeakSet<object>();

/**
 * Marks a route part's schema as a file's content (an uploaded export, say): the validator drops
 * U+0000 and replaces lone surrogates in it instead of refusing the request; the file is what it is.
 */
export function fileContent<Schema extends ZodType>(schema: Schema): Schema {
  fileContentSchemas.add(schema);
  return schema;
}

/**
 * Fastify's validator for every route: the zod schema, then one rule for all text — no string or
 * key in the body, query or path may hold U+0000 or a lone surrogate (Postgres cannot store
 * them), answered as 400 INVALID_INPUT naming the field. Checked on the parsed value, which is what reaches the service.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  const isFileContent = fileContentSchemas.has(route.schema);
  return (data) => {
    const result = validate(data) as { value?: unknown; error?: Error | FastifySchemaValidationError[] };
    if (result.error || route.httpPart === 'headers') return result;
    if (isFileContent) return { value: storableFileContent(result.value) };
    const path = findUnstorableText(result.value);
    return path ? { error: unstorableTextError(path, route.httpPart) } : result;
  };
};
