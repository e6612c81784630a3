import { newId } from '../../src/ids.js';
import { memoryIdFrom, normalizeFact } from '../../src/modules/memory/service/memory-record.js';

/**
 * A memory row in its owner's own scope, written by hand, for seeding thousands at once (benchmarks,
 * large tests) with one insert per batch instead of the service's work per memory.
 */
export function seededMemoryRow(
  ownerId: string,
  text: string,
  { tags = [] as string[], at = new Date() } = {},
) {
  return {
    id: memoryIdFrom(newId()),
    ownerId,
    scope: 'user' as const,
    scopeId: ownerId,
    text,
    normalized: normalizeFact(text),
    sourceKind: 'manual' as const,
    tags,
    importance: 3,
    createdAt: at,
    updatedAt: at,
  };
}
