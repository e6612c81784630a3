import { memoryToolNames } from '../../memory/index.js';
import { field, list } from '../task-view.js';
import { bullets, type ReplyFormatter, quoted } from './format.js';

const textOf = (memory: unknown) => String(field(memory, 'text') ?? '');
const idOf = (memory: unknown) => String(field(memory, 'id') ?? '');

/** The memory tools' results in words; each names the memory's id, so "forget that" can find it. */
export const memoryReplies: Record<string, ReplyFormatter> = {
  [memoryToolNames.remember]: ({ output }) => {
    const memory = field(output, 'memory');
    return `I’ll remember that: ${quoted(textOf(memory))} (id ${idOf(memory)}).`;
  },
  [memoryToolNames.forget]: ({ output }) => `Forgotten: ${quoted(textOf(field(output, 'memory')))}.`,
  [memoryToolNames.list]: ({ output }) => {
    const items = list(output, 'items');
    if (items.length === 0)
      return 'I don’t remember anything about you yet. Tell me “remember that …” and I will.';
    const more = field(output, 'next_cursor')
      ? '\n\n(There are more: ask “show my memories” in the app.)'
      : '';
    return `Here is what I remember about you:\n\n${bullets(items.map(textOf))}${more}`;
  },
  [memoryToolNames.recall]: ({ output }) => {
    const items = list(output, 'items');
    return items.length === 0 ? 'I don’t remember anything like that.' : bullets(items.map(textOf));
  },
};
