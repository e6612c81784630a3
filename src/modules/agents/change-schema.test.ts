import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changeSchemaOf } from './change-schema.js';

describe('changeSchemaOf', () => {
  const schema = z.object({
    name: z.string(),
    limit: z.number().default(8),
    tags: z.array(z.string()).default([]),
  });

  it('keeps only the fields a change gives: no default fills the others in', () => {
    expect(changeSchemaOf(schema).parse({ name: 'renamed' })).toEqual({ name: 'renamed' });
  });

  it('still checks the fields it is given', () => {
    expect(changeSchemaOf(schema).safeParse({ limit: 'many' }).success).toBe(false);
  });
});
