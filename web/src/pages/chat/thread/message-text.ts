import type { ThreadMessage } from './thread-message';

/** A message's text, every text part joined. */
export function messageText(message: ThreadMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
