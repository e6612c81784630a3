import type { Actor } from '../../../actor.js';
import type { Logger } from '../../../logger.js';
import type { TextWriter } from '../../../models/text-writer.js';
import type { ConversationService, Message } from '../../conversations/index.js';
import { type Memory, memoryTextLimit, type RememberInput } from '../schema.js';

/** The tag of every memory the extraction wrote, so the user can find (and delete) them all. */
export const extractedTag = 'extracted';
/** The most facts one turn may add. */
const factsPerTurn = 5;

const extractInstructions = [
  'You read one turn of a conversation between a user and an assistant and list the lasting facts it',
  'reveals about the user: their preferences, people in their life, decisions, plans, constraints.',
  'Write each fact on its own line as a short sentence about the user ("The user prefers tea").',
  `At most ${factsPerTurn} facts. Nothing about the assistant, nothing passing (the weather today),`,
  'nothing that is only a question. If there is no such fact, answer exactly NONE.',
].join(' ');

const textOf = (message: Message) =>
  message.parts
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join(' ')
    .trim();

/** The facts of the model's answer: one a line, list marks dropped; none for NONE. */
export function factsFrom(answer: string): string[] {
  const lines = answer
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0 && !/^none\.?$/i.test(line));
  return [...new Set(lines)].slice(0, factsPerTurn).map((line) => line.slice(0, memoryTextLimit));
}

/**
 * Automatic memories (MEMORY_EXTRACT, off by default): after a chat turn ends complete, the default
 * model reads the user's message and the reply and lists facts about the user; each is remembered
 * in the user's own scope with source `{kind: message, id: <the user's message>}` and the tag
 * `extracted`, importance 2. The offline assistant extracts nothing. The user sees them in the list
 * and deletes any with `forget`. A failure is logged; the turn is not affected.
 */
export function createFactExtraction({
  conversations,
  writer,
  remember,
  logger,
}: {
  conversations: ConversationService;
  writer: TextWriter;
  remember: (actor: Actor, input: RememberInput) => Promise<Memory>;
  logger: Logger;
}) {
  return async function extractFacts(
    actor: Actor,
    { conversationId, replyId }: { conversationId: string; replyId: string },
  ): Promise<Memory[]> {
    try {
      const [question, reply] = await conversations.activeBranch(actor, conversationId, { limit: 2 });
      if (!question || !reply || reply.id !== replyId || reply.status !== 'complete') return [];
      if (question.role !== 'user' || !textOf(question)) return [];
      const written = await writer.write({
        instructions: extractInstructions,
        text: `User: ${textOf(question)}\nAssistant: ${textOf(reply)}`,
        signal: AbortSignal.timeout(60_000),
      });
      if (!written) return [];
      if ('failed' in written) {
        logger.warn({ reason: written.failed }, 'could not extract facts from a chat turn');
        return [];
      }
      const kept: Memory[] = [];
      for (const text of factsFrom(written.text))
        kept.push(
          await remember(actor, {
            text,
            tags: [extractedTag],
            importance: 2,
            source: { kind: 'message', id: question.id },
          }),
        );
      return kept;
    } catch (error) {
      logger.warn({ err: error }, 'could not extract facts from a chat turn');
      return [];
    }
  };
}
