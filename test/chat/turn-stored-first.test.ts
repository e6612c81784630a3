import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/modules/conversations/table.js';
import { streamedText, uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

/**
 * The reply's model call starts while the turn is being stored (the AI SDK's own work overlaps the
 * statement), but the model is called only once the turn has committed, and never about a turn
 * that could not be stored. A trigger makes storing slow (and for some messages fail) in the
 * database itself, so the SDK is surely waiting at its request when the statement ends.
 */
describe('the chat stores the turn before the model is called', () => {
  let harness: ChatHarness;
  const db = () => harness.testApp.app.database.db;
  /** Messages with this text, read on a connection of its own: committed ones only. */
  const storedCount = async (text: string) => {
    const [row] = await db().select({ count: count() }).from(messages).where(eq(messages.text, text));
    return row?.count ?? 0;
  };

  beforeAll(async () => {
    harness = await startChatHarness({ chatReconnectGraceMs: '0' });
    await db().execute(sql`
      create function slow_turn() returns trigger language plpgsql as $$
      begin
        if new.text in ('slow to store', 'refused turn') then perform pg_sleep(0.5); end if;
        if new.text = 'refused turn' then raise exception 'this test refuses the turn'; end if;
        return new;
      end $$`);
    await db().execute(
      sql`create trigger slow_turn before insert on messages for each row execute function slow_turn()`,
    );
    // The first chat loads what every later one reuses (the token counter, the tools' schemas):
    // after it, the SDK reaches its request well within the slow statement.
    await harness.chat('alice', { message: 'warm up' }, { json: true });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.model.requests.length = 0;
    harness.model.onRequest(undefined);
  });

  it('calls the model once the turn has committed, though it is slow to store', async () => {
    const seenByModel: number[] = [];
    harness.model.onRequest(async () => {
      seenByModel.push(await storedCount('slow to store'));
    });
    const chunks = await uiChunks(await harness.chat('alice', { message: 'slow to store' }));

    expect(streamedText(chunks)).toBe('You said: slow to store');
    // Read on another connection when the request arrived: the question was already committed.
    expect(seenByModel).toEqual([1]);
  });

  it('never calls the model when the turn cannot be stored, and answers the usual error', async () => {
    const response = await harness.chat('alice', { message: 'refused turn' }, { json: true });

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    // Time for a request the SDK had prepared to go out, had it been let go.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.model.requests).toEqual([]);
    expect(await storedCount('refused turn')).toBe(0);
  });

  it('gives a conversation’s claim back when its turn cannot be stored: the next message is answered', async () => {
    const first = (await (await harness.chat('alice', { message: 'hi' }, { json: true })).json()) as {
      conversation_id: string;
    };
    const conversation = { conversation_id: first.conversation_id };
    const refused = await harness.chat('alice', { ...conversation, message: 'refused turn' }, { json: true });
    const next = await harness.chat('alice', { ...conversation, message: 'hello again' }, { json: true });

    expect(refused.status).toBe(500);
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ status: 'complete', response: 'You said: hello again' });
    expect(harness.model.requests).toHaveLength(2);
  });
});
