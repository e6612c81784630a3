import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer-compiler.js';

async function answer(schema: z.ZodType, value: unknown) {
  const app = Fastify();
  app.setSerializerCompiler(serializerCompiler);
  app.get('/', { schema: { response: { 200: schema } } }, () => value);
  const response = await app.inject('/');
  await app.close();
  return { status: response.statusCode, body: response.body };
}

describe('the response serializer', () => {
  const task = z.object({ id: z.string(), tags: z.array(z.string()), due: z.date().nullable() });

  it('answers the schema’s fields only, and refuses an answer that breaks the schema', async () => {
    const due = new Date('2026-12-06T00:00:00Z');
    expect(await answer(task, { id: 't1', tags: ['a'], due, secret: 'x' })).toEqual({
      status: 200,
      body: JSON.stringify({ id: 't1', tags: ['a'], due }),
    });
    expect((await answer(task, { id: 't1', tags: [1], due: null })).status).toBe(500);
  });

  it('encodes a schema whose parts differ between the directions, as the type provider does', async () => {
    // Encoding fills no default (parsing would answer count 1): the answer breaks the schema.
    const counted = z.object({ count: z.number().default(1) });
    expect((await answer(counted, {})).status).toBe(500);
    const dated = z.object({
      at: z.codec(z.iso.datetime(), z.date(), {
        decode: (text) => new Date(text),
        encode: (date) => date.toISOString(),
      }),
    });
    expect((await answer(dated, { at: new Date('2026-12-06T00:00:00Z') })).body).toBe(
      '{"at":"2026-12-06T00:00:00.000Z"}',
    );
  });
});
