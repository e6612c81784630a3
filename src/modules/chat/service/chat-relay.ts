import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';
import { chatRunChunks, chatRuns } from '../table.js';
import type { NumberedChunk } from './chat-run.js';

/** The Postgres NOTIFY channel that carries replies' news between instances. */
export const chatChannel = 'switchboard_chat';

/** What instances tell each other about a reply being written. */
export type RelayMessage =
  /** The reply's chunks up to `seq` are in the log. */
  | { kind: 'chunks'; reply_id: string; seq: number }
  /** The reply is stored in its final state (or was interrupted for a dead instance). */
  | { kind: 'ended'; reply_id: string }
  /** A user asked, on another instance, to stop the reply. */
  | { kind: 'stop'; reply_id: string }
  /** A client reads the reply on another instance: no grace stop for a while. */
  | { kind: 'watch'; reply_id: string };

type Handler = (message: RelayMessage) => void;

/**
 * How old a batch of an ended run must be to go: long enough for a reader that heard the end to
 * read the last chunks (a batch may go right when its run ends, if written a minute before).
 */
const keepLogsMs = 60_000;

/**
 * The chat's channel between instances on one Postgres: small NOTIFY messages about a reply (by
 * its id), and the log of its chunks that another instance reads to resume it with the same event
 * ids. A message is also handed to this instance's own handlers. On a database no other process
 * shares (the embedded one) nothing is sent or written.
 */
export async function createChatRelay({
  database,
  instanceId,
  logger,
}: {
  database: DatabaseHandle;
  instanceId: string;
  logger: Logger;
}) {
  const { db } = database;
  const shared = database.kind === 'postgres';
  const handlers = new Map<string, Set<Handler>>();

  function deliver(message: RelayMessage) {
    for (const handler of handlers.get(message.reply_id) ?? []) {
      try {
        handler(message);
      } catch (error) {
        logger.error({ err: error }, 'a chat relay handler failed');
      }
    }
  }

  function receive(payload: string) {
    try {
      const { origin, ...message } = JSON.parse(payload) as RelayMessage & { origin: string };
      if (origin !== instanceId) deliver(message as RelayMessage);
    } catch (error) {
      logger.error({ err: error }, 'could not read a chat message from another instance');
    }
  }

  const notify = (message: RelayMessage) =>
    sql`pg_notify(${chatChannel}, ${JSON.stringify({ origin: instanceId, ...message })})`;
  const unlisten = shared ? await database.listen(chatChannel, receive) : async () => {};

  return {
    /** Whether other instances may share the database (only then are logs written and messages sent). */
    shared,

    /** Tells this instance's handlers and every other instance. */
    async send(message: RelayMessage): Promise<void> {
      deliver(message);
      if (shared) await db.execute(sql`select ${notify(message)}`);
    },

    /** Calls `handler` for every message about this reply; returns the unsubscribe. */
    on(replyId: string, handler: Handler): () => void {
      const replyHandlers = handlers.get(replyId) ?? new Set();
      replyHandlers.add(handler);
      handlers.set(replyId, replyHandlers);
      return () => {
        replyHandlers.delete(handler);
        if (replyHandlers.size === 0 && handlers.get(replyId) === replyHandlers) handlers.delete(replyId);
      };
    },

    /** Appends a batch of a run's chunks to its log and tells the others, in one statement. */
    async appendChunks(
      { runId, replyId }: { runId: string; replyId: string },
      batch: NumberedChunk[],
    ): Promise<void> {
      const first = batch[0];
      const last = batch.at(-1);
      if (!shared || !first || !last) return;
      const chunks = JSON.stringify(batch.map((numbered) => numbered.chunk));
      await db.execute(sql`
        with stored as (
          insert into ${chatRunChunks} (run_id, reply_id, first_seq, last_seq, chunks)
          values (${runId}, ${replyId}, ${first.seq}, ${last.seq}, ${chunks})
        )
        select ${notify({ kind: 'chunks', reply_id: replyId, seq: last.seq })}`);
    },

    /** The logged chunks of a run after `afterSeq`, in order (only the batches holding them are read). */
    async readChunks(runId: string, afterSeq: number): Promise<NumberedChunk[]> {
      const rows = await db
        .select({ firstSeq: chatRunChunks.firstSeq, chunks: chatRunChunks.chunks })
        .from(chatRunChunks)
        .where(and(eq(chatRunChunks.runId, runId), gt(chatRunChunks.lastSeq, afterSeq)))
        .orderBy(asc(chatRunChunks.firstSeq));
      return rows.flatMap((row) =>
        (JSON.parse(row.chunks) as NumberedChunk['chunk'][])
          .map((chunk, index) => ({ seq: row.firstSeq + index, chunk }))
          .filter((numbered) => numbered.seq > afterSeq),
      );
    },

    /** Deletes the batches more than a minute old of runs that ended (whose claim is gone). */
    async pruneLogs(): Promise<void> {
      if (!shared) return;
      await db
        .delete(chatRunChunks)
        .where(
          and(
            lt(chatRunChunks.writtenAt, sql`now() - (${keepLogsMs}::integer * interval '1 millisecond')`),
            sql`not exists (select 1 from ${chatRuns} where ${chatRuns.runId} = ${chatRunChunks.runId})`,
          ),
        );
    },

    async close(): Promise<void> {
      handlers.clear();
      await unlisten();
    },
  };
}

export type ChatRelay = Awaited<ReturnType<typeof createChatRelay>>;
