import { and, desc, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { offsetCursor, offsetPosition } from '../../../db/cursor.js';
import { listedColumns, toResourceView } from './rows.js';
import type { ResourcePage } from '../schema.js';
import { resources } from '../table.js';

/** How much of a document's text the snippet is looked for in (ts_headline reads all it is given). */
const snippetSource = 100_000;

/**
 * Full-text search over names, descriptions and text (names weigh more), best match first, each
 * with the passage that matched. Ranked results are paged by position.
 */
export async function searchResources(
  db: Database,
  {
    userId,
    conditions,
    q,
    limit,
    cursor,
  }: {
    userId: string;
    conditions: (SQL | undefined)[];
    q: string;
    limit: number;
    cursor: string | undefined;
  },
): Promise<ResourcePage> {
  const offset = cursor === undefined ? 0 : offsetPosition(cursor);
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const rank = sql<number>`ts_rank_cd(${resources.search}, ${query})`;
  const rows = await db
    .select({
      ...listedColumns,
      rank,
      snippet: sql<string>`ts_headline('simple', left(coalesce(${resources.description}, '') || E'\n' || ${resources.text}, ${snippetSource}), ${query}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`,
    })
    .from(resources)
    .where(and(...conditions, sql`${resources.search} @@ ${query}`))
    .orderBy(desc(rank), desc(resources.id))
    .limit(limit + 1)
    .offset(offset);
  const shown = rows.slice(0, limit);
  return {
    items: shown.map((row) => ({
      ...toResourceView(row, userId),
      snippet: row.snippet.trim(),
      rank: row.rank,
    })),
    next_cursor: rows.length > limit ? offsetCursor(offset + limit) : null,
  };
}
