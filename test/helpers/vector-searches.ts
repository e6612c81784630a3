import { describe } from 'vitest';
import type { SettingKey } from '../../src/config.js';
import type { VectorSearch } from '../../src/modules/memory/index.js';
import { adminQuery } from './postgres.js';

export interface VectorSearchVariant {
  readonly name: string;
  readonly vectorSearch: VectorSearch;
  /** The app's settings that choose it. */
  readonly settings: Partial<Record<SettingKey, string>>;
  /** Why this variant cannot run here; undefined when it can. */
  readonly unavailable: string | undefined;
}

const pgvectorMissing =
  (await adminQuery<{ name: string }>(`select name from pg_available_extensions where name = 'vector'`))
    .length === 0
    ? 'the test Postgres has no pgvector (docs/memory.md, "Adding pgvector")'
    : undefined;
if (pgvectorMissing)
  process.stderr.write(`skipping the pgvector variants of the memory vector tests: ${pgvectorMissing}\n`);

/**
 * The two ways memory recall finds near embeddings; tests of vector recall run on both. The
 * pgvector one needs the extension on the test server (the CI machine has it).
 */
export const vectorSearchVariants: readonly VectorSearchVariant[] = [
  { name: 'pgvector', vectorSearch: 'pgvector', settings: {}, unavailable: pgvectorMissing },
  {
    name: 'real[] with sign bits',
    vectorSearch: 'real-array',
    settings: { memoryPgvector: 'false' },
    unavailable: undefined,
  },
];

/** `describe` once per variant, `title` followed by its name; skipped (the reason printed above) where it cannot run. */
export function describeEachVectorSearch(title: string, body: (variant: VectorSearchVariant) => void): void {
  for (const variant of vectorSearchVariants)
    describe.skipIf(variant.unavailable !== undefined)(
      `${title}, with ${variant.name}${variant.unavailable ? ` (skipped: ${variant.unavailable})` : ''}`,
      () => body(variant),
    );
}
