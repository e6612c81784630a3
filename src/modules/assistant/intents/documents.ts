import { documentToolNames } from '../../resources/index.js';
import { list, quoted } from '../reply/format.js';
import type { DocumentView } from '../reply/documents.js';
import { searchWords, sentenceCase, tidy } from '../words.js';
import {
  call,
  callThenReply,
  type Intent,
  outputOf,
  type PlanContext,
  reply,
  type Step,
  unquote,
} from './intent.js';

/** Ids look like ULIDs or UUIDs: long, without spaces. */
export const looksLikeId = (text: string) => /^[0-9a-z][0-9a-z_-]{15,}$/i.test(text.trim());

/** A note's name from its first line: up to eight words, or the name given. */
function noteName(content: string): string {
  const firstLine = tidy(content.split('\n')[0] ?? '');
  const words = firstLine.split(' ');
  const name = words.slice(0, 8).join(' ');
  return sentenceCase(words.length > 8 ? `${name}…` : name) || 'Note';
}

/**
 * The plan for a document named by id or by words: read it directly, or search for it first and
 * take the best match, then hand it to `next`.
 */
export function onOneDocument(
  context: PlanContext,
  target: string,
  next: (document: DocumentView) => Step,
): Step {
  const name = unquote(target);
  if (looksLikeId(name)) return next({ document_id: name, name, kind: 'text', mime_type: '', mine: true });
  const found = outputOf(context, documentToolNames.search);
  if (found === undefined) return call(documentToolNames.search, { query: searchWords(name), limit: 5 });
  const [best] = list<DocumentView>(found, 'items');
  if (!best) return reply(`I could not find a document about ${quoted(searchWords(name))}.`);
  return next(best);
}

/** Documents in plain English: search them, save notes, read one. */
export const documentIntents: Intent[] = [
  {
    name: 'save a note',
    patterns: [
      /^(?:save|take|make|write|create|add) (?:a |me a )?note (?:titled|called|named) (?<name>[^:\n]+?)\s*[:\-–—\n]\s*(?<content>[\s\S]+)$/i,
      /^(?:note|memo)\s*:\s*(?<content>[\s\S]+)$/i,
      /^(?:save|take|make|write|create|add|jot down) (?:a |me a |this as a )?note(?: that| saying| of this| about this)?\s*[:\-–—]?\s*(?<content>[\s\S]+)$/i,
      /^(?:save|remember) this(?: as a note)?\s*:\s*(?<content>[\s\S]+)$/i,
    ],
    plan: ({ name, content }, context) => {
      const text = unquote(content);
      if (!text) return reply('What should the note say? Try “note: the wifi password is on the fridge”.');
      return callThenReply(context, documentToolNames.createNote, {
        name: name ? tidy(unquote(name)) : noteName(text),
        content: text,
      });
    },
  },
  {
    name: 'search documents',
    patterns: [
      /^(?:find|search|look for|look up|show|get|list)(?: me)?(?: all)? (?:my |the |any )?(?:notes?|documents?|docs|files|pages) (?:about|on|for|mentioning|that mention|containing|with|regarding|related to) (?<query>.+?)[.!?]*$/i,
      /^search (?:in )?(?:my |the )?(?:documents|notes|docs|files)(?: for)? (?<query>.+?)[.!?]*$/i,
      /^what do (?:my notes|my documents|i have|my docs) (?:say )?(?:about|on) (?<query>.+?)[.!?]*$/i,
      /^do i have (?:any )?(?:notes|documents|docs|files) (?:about|on|mentioning) (?<query>.+?)[.!?]*$/i,
    ],
    plan: ({ query }, context) =>
      callThenReply(context, documentToolNames.search, { query: searchWords(unquote(query)), limit: 5 }),
  },
  {
    name: 'read a document',
    patterns: [
      /^(?:open|read|show(?: me)?|display|view|what(?:'s|’s| is) in) (?:the |my )?(?:document|note|doc|file|page) (?:called |titled |named |about )?(?<target>.+?)[.!?]*$/i,
      /^read (?<target>.+?) to me[.!?]*$/i,
    ],
    plan: ({ target }, context) =>
      onOneDocument(context, target ?? '', (document) =>
        callThenReply(context, documentToolNames.read, { document_id: document.document_id }),
      ),
  },
];
