/** The memory module's wire shapes, imported type-only from the server's zod schemas, for the memories page. */
import type {
  Memory,
  MemoryAnalytics,
  MemoryPage,
  MergeResult,
  ScoredMemory,
} from '@server/modules/memory/schema';

export type { Memory, MemoryAnalytics, MemoryPage, MergeResult, ScoredMemory };
