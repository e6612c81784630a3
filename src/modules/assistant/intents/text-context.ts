import type { LanguageModelV3FilePart } from '@ai-sdk/provider';
import { documentToolNames } from '../../resources/index.js';
import type { TextToolName } from '../../text/index.js';
import type { Turn } from '../conversation.js';
import { field } from '../reply/format.js';
import { onOneDocument } from './documents.js';
import { callThenReply, type Intent, type PlanContext, reply, unquote } from './intent.js';

/** The first file of the turn with a media type that passes, as base64; undefined when none is. */
function attached(turn: Turn, mediaType: RegExp): string | undefined {
  const file = turn.files.find((part: LanguageModelV3FilePart) => mediaType.test(part.mediaType));
  if (!file || file.data instanceof URL) return undefined;
  return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('base64');
}

/** The input and output of the latest call of a tool in the turns before this one. */
function earlierCall(context: PlanContext, toolName: TextToolName) {
  for (const turn of [...context.earlier].reverse())
    for (const outcome of [...turn.outcomes].reverse())
      if (outcome.toolName === toolName && outcome.result?.kind === 'output')
        return { input: outcome.input, output: outcome.result.value };
  return undefined;
}

/** "A -> B", "A => B", "A → B": an original and its new version. */
const versions = String.raw`(?<original>[\s\S]+?)\s*(?:->|=>|→|\s+vs\.?\s+)\s*(?<changed>[\s\S]+)`;

/** Text tools that need more than one text: files sent with the message, earlier results, pairs. */
export const textContextIntents: Intent[] = [
  {
    name: 'a file without words',
    patterns: [/^$/],
    plan: (_match, context) => {
      const image = attached(context.turn, /^image\//i);
      if (image) return callThenReply(context, 'extract_image_text', { image_content: image });
      const pdf = attached(context.turn, /^application\/pdf$/i);
      return pdf ? callThenReply(context, 'extract_pdf_text', { pdf_content: pdf }) : undefined;
    },
  },
  {
    name: 'explain corrections',
    patterns: [
      new RegExp(
        String.raw`^explain (?:the )?(?:corrections|changes)(?: (?:between|from|in))?\s*:?\s*${versions}$`,
        'i',
      ),
      /^(?:explain|why) (?:the |these |those )?(?:corrections|changes|fixes)[.!?]*$/i,
    ],
    plan: ({ original, changed }, context) => {
      const checked = earlierCall(context, 'check_grammar');
      const pair =
        original && changed
          ? { original_text: unquote(original), corrected_text: unquote(changed) }
          : checked && {
              original_text: String(checked.input.text ?? ''),
              corrected_text: String(field(checked.output, 'corrected_text') ?? ''),
            };
      if (!pair)
        return reply(
          'Which texts? Say “explain the corrections: <original> -> <corrected>”, or check a text first.',
        );
      return callThenReply(context, 'explain_corrections', pair);
    },
  },
  {
    name: 'anonymization report',
    patterns: [
      new RegExp(
        String.raw`^(?:check|report on|verify) (?:this |the )?anonymi[sz]ation\s*:?\s*${versions}$`,
        'i',
      ),
      /^(?:how (?:well|good) (?:was|is) (?:it|that|the text) anonymi[sz]ed|(?:make |create |give me )?(?:an |the )?anonymi[sz]ation report|is it (?:safe|anonymous) now)[.!?]*$/i,
    ],
    plan: ({ original, changed }, context) => {
      const anonymized = earlierCall(context, 'anonymize_text') ?? earlierCall(context, 'smart_anonymize');
      const pair =
        original && changed
          ? { original_text: unquote(original), anonymized_text: unquote(changed) }
          : anonymized && {
              original_text: String(anonymized.input.text ?? ''),
              anonymized_text: String(field(anonymized.output, 'anonymized_text') ?? ''),
            };
      if (!pair)
        return reply(
          'Which texts? Say “check this anonymization: <original> -> <anonymized>”, or anonymize a text first.',
        );
      return callThenReply(context, 'create_anonymization_report', pair);
    },
  },
  {
    name: 'compare sentiment',
    patterns: [
      /^compare (?:the )?(?:sentiment|tone|mood)s?(?: of)?(?: these| the following)?(?: texts| messages| reviews)?\s*:?\s*(?<texts>[\s\S]+)$/i,
    ],
    plan: ({ texts }, context) => {
      const items = (texts ?? '')
        .split(/\n+|\s+\|\s+|\s+vs\.?\s+/i)
        .map((text) => unquote(text.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')))
        .filter(Boolean);
      if (items.length < 2) return reply('Give me two texts or more, one per line, to compare their tone.');
      return callThenReply(context, 'sentiment_comparison', { texts: items });
    },
  },
  {
    name: 'extract the text of a PDF',
    patterns: [
      /^(?:extract|get|read|pull|show)(?: me)?(?: all)? (?:the )?text (?:of|from|in) (?:the |my )?(?:attached |uploaded )?(?:document|pdf|file|upload)(?: (?:called |titled |named )?(?<target>.+?))?[.!?]*$/i,
      /^(?:read|extract) (?:this|the attached|the|my) pdf(?: (?<target>.+?))?[.!?]*$/i,
    ],
    plan: ({ target }, context) => {
      const pdf = attached(context.turn, /^application\/pdf$/i);
      if (pdf) return callThenReply(context, 'extract_pdf_text', { pdf_content: pdf });
      if (!target || /^(?:this|it|attached)$/i.test(target.trim()))
        return reply('Which PDF? Attach it, or name a document: “extract the text of document <id>”.');
      // A document found by its words that is not a PDF (a note, a web page) is read as text.
      return onOneDocument(context, target, (document) =>
        document.mime_type && document.mime_type !== 'application/pdf'
          ? callThenReply(context, documentToolNames.read, { document_id: document.document_id })
          : callThenReply(context, 'extract_pdf_text', { resource_id: document.document_id }),
      );
    },
  },
  {
    name: 'read the text in an image',
    patterns: [
      /^(?:ocr|read|extract|get|transcribe)(?: the)?(?: text)?(?: (?:in|from|of|on))? (?:this|the|my|the attached) (?:image|picture|photo|screenshot|scan)[.!?]*$/i,
      /^ocr(?: this| it)?[.!?]*$/i,
      /^what does (?:this|the) (?:image|picture|photo|screenshot|scan) say[.!?]*$/i,
    ],
    plan: (_match, context) => {
      const image = attached(context.turn, /^image\//i);
      if (!image)
        return reply('Attach the image to your message and I will read its text (English, offline).');
      return callThenReply(context, 'extract_image_text', { image_content: image });
    },
  },
];
