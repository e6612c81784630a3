import type { ExportedConversation, Message, Part } from '../schema.js';

/** A fenced block whose fence is longer than any run of backticks inside. */
function fence(content: string, language = ''): string {
  const longestRun = Math.max(2, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longestRun + 1);
  return `${marks}${language}\n${content}\n${marks}`;
}

function asJson(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'null');
}

function renderPart(part: Part): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'reasoning':
      return `<details><summary>Reasoning</summary>\n\n${part.text}\n\n</details>`;
    case 'file': {
      const where =
        part.url ?? (part.resource_id ? `switchboard://resources/${part.resource_id}` : undefined);
      return `📎 ${where ? `[${part.name}](${where})` : part.name} (${part.media_type})`;
    }
    case 'tool': {
      const took = part.duration_ms === undefined ? '' : `, ${Math.round(part.duration_ms)} ms`;
      const lines = [
        `**Tool \`${part.tool}\`** — ${part.state.replaceAll('_', ' ')}${took}`,
        '',
        'Input:',
        fence(asJson(part.input), 'json'),
      ];
      if (part.output !== undefined) lines.push('', 'Output:', fence(asJson(part.output), 'json'));
      if (part.error) lines.push('', `Error: ${part.error}`);
      return lines.join('\n');
    }
  }
}

const speaker = { user: 'User', assistant: 'Assistant', system: 'System' } as const;

function renderMessage(message: Message): string {
  const notes = [message.model, message.status === 'complete' ? undefined : message.status].filter(Boolean);
  const heading = `## ${speaker[message.role]}${notes.length ? ` _(${notes.join(', ')})_` : ''}`;
  const body = message.parts.map(renderPart).filter((part) => part.trim() !== '');
  if (message.error) body.push(`> Error ${message.error.code}: ${message.error.message}`);
  return [heading, ...body].join('\n\n');
}

/** The messages from the root to the active leaf, using the parent links of the whole tree. */
export function activePath(conversation: ExportedConversation): Message[] {
  const byId = new Map(conversation.messages.map((message) => [message.id, message]));
  const path: Message[] = [];
  const seen = new Set<string>();
  for (let id = conversation.active_message_id; id && !seen.has(id);) {
    const message = byId.get(id);
    if (!message) break;
    seen.add(id);
    path.push(message);
    id = message.parent_id;
  }
  return path.reverse();
}

/** One conversation's active branch as Markdown: a title, its details, then each message. */
export function conversationMarkdown(conversation: ExportedConversation): string {
  const details = [
    `- Created: ${conversation.created_at}`,
    ...(conversation.model ? [`- Model: ${conversation.model}`] : []),
    ...(conversation.tags.length ? [`- Tags: ${conversation.tags.join(', ')}`] : []),
  ];
  const title = conversation.title || 'Untitled conversation';
  return (
    [`# ${title}`, details.join('\n'), ...activePath(conversation).map(renderMessage)].join('\n\n') + '\n'
  );
}

/** A file name from a title: lowercase words joined by hyphens, or `fallback`. */
export function fileNameFrom(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-|-$/g, '')
    .slice(0, 60);
  return slug || fallback;
}
