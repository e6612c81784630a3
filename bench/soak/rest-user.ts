import { sampleText } from './sample-text.js';
import { counted, expectStatus, type Tally } from './tally.js';

interface Task {
  id: string;
  tags: string[];
}

/**
 * A script on the REST API (or the web app's pages) until `until`: adds, reads, completes tasks,
 * writes and reads a note, lists conversations and prompts; and deletes every completed task and
 * the note, so the data stays about the same size through the soak.
 */
export async function restUser({ url, key, until, tally }: RestUserOptions): Promise<void> {
  const call = async <T>(method: string, path: string, status: number, body?: unknown) =>
    counted(tally, async () =>
      expectStatus<T>(
        await fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        status,
      ),
    );
  for (let n = 0; Date.now() < until; n += 1) {
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const task = await call<Task>('POST', '/api/v1/tasks', 201, {
      title: `REST task ${n}`,
      due_date: due,
      tags: ['rest'],
    });
    await call('GET', '/api/v1/tasks?status=pending&limit=50', 200);
    if (task) {
      await call('GET', `/api/v1/tasks/${task.id}`, 200);
      await call('PATCH', `/api/v1/tasks/${task.id}`, 200, { status: 'completed' });
    }
    const note = await call<{ id: string }>('POST', '/api/v1/resources', 201, {
      kind: 'text',
      name: `Note ${n}`,
      content: sampleText,
    });
    if (note) await call('GET', `/api/v1/resources/${note.id}`, 200);
    await call('GET', '/api/v1/conversations', 200);
    await call('GET', '/api/v1/prompts', 200);
    await call('GET', '/api/v1/resources', 200);
    const completed = await call<{ items: Task[] }>('GET', '/api/v1/tasks?status=completed&limit=50', 200);
    // The MCP client deletes its own tasks (tagged soak); these are the chat's and ours.
    for (const done of completed?.items ?? [])
      if (!done.tags.includes('soak')) await call('DELETE', `/api/v1/tasks/${done.id}`, 204);
    if (note) await call('DELETE', `/api/v1/resources/${note.id}`, 204);
  }
}

interface RestUserOptions {
  url: string;
  key: string;
  until: number;
  tally: Tally;
}
