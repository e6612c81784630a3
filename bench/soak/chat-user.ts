import { readSse } from '../../test/helpers/sse.js';
import { sampleText } from './sample-text.js';
import { counted, expectStatus, type Tally } from './tally.js';

const items = ['milk', 'eggs', 'bread', 'coffee', 'apples', 'rice', 'soap', 'tea', 'butter', 'lemons'];

/** One conversation with the built-in assistant: what a person asks in a few minutes. */
function script(item: string): string[] {
  return [
    `add buy ${item} to my list`,
    'show my tasks',
    `mark the ${item} one done`,
    `summarize this: ${sampleText}`,
    'check the grammar of: I has a apple and teh cat sat on the mat.',
    'what language is this: Bonjour tout le monde, comment allez-vous ?',
    'what’s due today',
  ];
}

/**
 * Chats through POST /api/v1/chat (the web app's stream), one conversation after another until
 * `until`, deleting each once its script is done (a person's history grows, but not by hundreds
 * of conversations in ten minutes).
 */
export async function chatUser({ url, key, until, tally }: ChatUserOptions): Promise<void> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  for (let round = 0; Date.now() < until; round += 1) {
    let conversationId: string | undefined;
    for (const message of script(items[round % items.length] ?? 'milk')) {
      if (Date.now() >= until) break;
      conversationId =
        (await counted(tally, () => chatTurn({ url, headers, conversationId, message }))) ?? conversationId;
    }
    if (conversationId) {
      const id = conversationId;
      await counted(tally, async () =>
        expectStatus(
          await fetch(`${url}/api/v1/conversations/${id}`, {
            method: 'DELETE',
            headers: { authorization: headers.authorization },
          }),
          204,
        ),
      );
    }
  }
}

interface ChatUserOptions {
  url: string;
  key: string;
  until: number;
  tally: Tally;
}

/** One message and its streamed reply; answers the conversation's id. Fails unless the reply ends. */
async function chatTurn({
  url,
  headers,
  conversationId,
  message,
}: {
  url: string;
  headers: Record<string, string>;
  conversationId: string | undefined;
  message: string;
}): Promise<string> {
  const response = await fetch(`${url}/api/v1/chat`, {
    method: 'POST',
    headers: { ...headers, accept: 'text/event-stream' },
    body: JSON.stringify({ message, ...(conversationId ? { conversation_id: conversationId } : {}) }),
  });
  if (response.status !== 200) throw new Error(`chat answered ${response.status}: ${await response.text()}`);
  let id = conversationId ?? '';
  let status = '';
  for await (const event of readSse(response)) {
    if (event.data === '[DONE]') break;
    const chunk = JSON.parse(event.data) as {
      type: string;
      messageMetadata?: { conversation_id?: string; status?: string };
    };
    if (chunk.type === 'start') id = chunk.messageMetadata?.conversation_id ?? id;
    if (chunk.type === 'finish') status = chunk.messageMetadata?.status ?? '';
  }
  if (status !== 'complete' && status !== 'awaiting_approval')
    throw new Error(`a reply ended ${status || 'without finishing'}`);
  return id;
}
