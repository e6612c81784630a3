import { type DocumentSummary, type DocumentToolName, documentToolNames } from '../../resources/index.js';
import { count, excerpt, field, list, numbered, quoted, type ReplyFormatter } from './format.js';

/** A document as the document tools return it (the fields the replies use). */
export type DocumentView = Readonly<
  Pick<DocumentSummary, 'document_id' | 'name' | 'kind' | 'mime_type' | 'mine'> & { snippet?: string }
>;

/** A search snippet with its «match» marks in bold, on one line. */
const snippetText = (snippet: string) =>
  snippet
    .replace(/\s+/g, ' ')
    .replace(/«([^»]*)»/g, '**$1**')
    .trim();

/** Replies to the document tools' results. */
export const documentReplies: Record<DocumentToolName, ReplyFormatter> = {
  [documentToolNames.search]: ({ input, output }) => {
    const items = list<DocumentView>(output, 'items');
    const query = quoted(String(input.query ?? ''));
    if (items.length === 0) return `None of your documents mention ${query}.`;
    const lines = items.map((item) => {
      const owner = item.mine ? '' : ' (shared)';
      const snippet = item.snippet ? `: ${snippetText(item.snippet)}` : '';
      return `**${item.name}**${owner} (id ${item.document_id})${snippet}`;
    });
    return `${count(items.length, 'document')} about ${query}:\n\n${numbered(lines)}\n\nSay “open document <id>” to read one.`;
  },
  [documentToolNames.read]: ({ output }) => {
    const document = field<DocumentView>(output, 'document');
    const text = String(field(output, 'text') ?? '');
    const total = Number(field(output, 'total_characters') ?? text.length);
    const name = document?.name ?? 'The document';
    if (!text.trim()) return `**${name}** has no text I can show.`;
    const rest = total > text.length ? `\n\n(${total} characters in all.)` : '';
    return `**${name}**\n\n${excerpt(text)}${rest}`;
  },
  [documentToolNames.createNote]: ({ output }) => {
    const document = field<DocumentView>(output, 'document');
    return document
      ? `Saved the note ${quoted(document.name)} (id ${document.document_id}). It is searchable now.`
      : 'Saved the note.';
  },
};
