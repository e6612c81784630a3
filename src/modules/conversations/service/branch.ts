import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { messageColumns, type MessageRecord, toMessage } from './rows.js';
import type { Branch, ListedMessage } from '../schema.js';
import { messages } from '../table.js';

/** No branch is walked deeper than this (a guard; a conversation this long is not a chat). */
const deepest = 100_000;

/**
 * The path root → `leafId` inside one conversation; with `limit`, only its last `limit` messages.
 * One recursive query walks parent links up from the leaf, never leaving the conversation.
 */
export async function pathTo(
  db: Database,
  {
    userId,
    conversationId,
    leafId,
    limit,
  }: { userId: string; conversationId: string; leafId: string; limit?: number },
): Promise<MessageRecord[]> {
  const depthLimit = Math.min(limit ?? deepest, deepest);
  const walk = sql`(
    with recursive walk(id, parent_id, depth) as (
      select id, parent_id, 0 from ${messages} where id = ${leafId} and conversation_id = ${conversationId}
      union all
      select parent.id, parent.parent_id, walk.depth + 1
      from ${messages} parent join walk on parent.id = walk.parent_id and parent.conversation_id = ${conversationId}
      where walk.depth + 1 < ${depthLimit}::integer
    )
    select id, depth from walk
  ) as branch`;
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .innerJoin(walk, sql`branch.id = ${messages.id}`)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, userId)))
    .orderBy(sql`branch.depth desc`);
  return rows;
}

/** Every message of the conversation (only id, parent and time), oldest first: the tree's shape. */
export async function treeOf(
  db: Database,
  { userId, conversationId }: { userId: string; conversationId: string },
) {
  return db
    .select({ id: messages.id, parentId: messages.parentId })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, userId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

type TreeNode = { id: string; parentId: string | null };

/** Children ids per parent id (roots under the empty string), oldest first, from nodes given oldest first. */
export function childrenByParent(nodes: readonly TreeNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    const key = node.parentId ?? '';
    const siblings = children.get(key);
    if (siblings) siblings.push(node.id);
    else children.set(key, [node.id]);
  }
  return children;
}

/** The leaf reached from `messageId` by always following the newest child. */
export function newestLeafFrom(messageId: string, children: Map<string, string[]>): string {
  let current = messageId;
  for (let steps = 0; steps < deepest; steps++) {
    const next = children.get(current)?.at(-1);
    if (next === undefined) break;
    current = next;
  }
  return current;
}

/** Messages with their place among their siblings. */
export function withBranches(
  rows: readonly MessageRecord[],
  children: Map<string, string[]>,
): ListedMessage[] {
  return rows.map((row) => {
    const siblings = children.get(row.parentId ?? '') ?? [row.id];
    const branch: Branch = { index: siblings.indexOf(row.id), count: siblings.length, sibling_ids: siblings };
    return { ...toMessage(row), branch };
  });
}
