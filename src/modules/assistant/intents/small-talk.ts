import { libraries } from '../libraries.js';
import { type Intent, reply } from './intent.js';

/** Small talk: each answered in one short sentence, never the help text. */
export const smallTalkIntents: Intent[] = [
  {
    name: 'thanks',
    patterns: [
      /^(?:thanks|thank you|thx|ty|cheers|many thanks)(?: (?:so much|a lot|very much|again))?[.!?]*$/i,
    ],
    plan: () => reply('You’re welcome!'),
  },
  {
    name: 'greeting',
    patterns: [/^(?<greeting>hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening))(?: there)?[.!?]*$/i],
    plan: ({ greeting }) => {
      const said = (greeting ?? 'hi').toLowerCase();
      const opening = said.startsWith('good') ? `${said.charAt(0).toUpperCase()}${said.slice(1)}` : 'Hi';
      return reply(`${opening}! What should I add or check on your list?`);
    },
  },
  {
    name: 'how are you',
    patterns: [/^(?:how are you|how(?:'s|’s| is) it going|what(?:'s|’s) up|how do you do)[.!?]*$/i],
    plan: () => reply('All good, thanks — ready when you are.'),
  },
  {
    name: 'acknowledgement',
    patterns: [
      /^(?:great|perfect|ok|okay|cool|nice|good|awesome|got it|sounds good|alright|all right|fine|sure)[.!?]*$/i,
    ],
    plan: () => reply('Glad that works.'),
  },
  {
    name: 'goodbye',
    patterns: [/^(?:bye|goodbye|see you|see ya|later|good night|that(?:'s|’s) all)[.!?]*$/i],
    plan: () => reply('Bye for now!'),
  },
  {
    name: 'praise',
    patterns: [
      /^(?:you(?:'re|’re| are) (?:awesome|great|the best|amazing|helpful)|good (?:job|bot)|well done)[.!?]*$/i,
    ],
    plan: () => reply('Thank you, glad to help!'),
  },
  {
    name: 'laughter',
    patterns: [/^(?:lol|haha+|hehe+|lmao|:\)|:D|😄|😂)[.!?]*$/i],
    plan: () => reply('Glad that made you smile.'),
  },
];

const dateWord =
  /\b(today|tomorrow|tonight|this week|next week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/**
 * The answer to a message no intent takes: one sentence and three suggestions made from what was
 * said (its date words, its words as a task), never the whole help text.
 */
export function notUnderstood(message: string): string {
  const text = message.replace(/[.!?]+$/, '').trim();
  const short = text.split(/\s+/).slice(0, 8).join(' ');
  const lower = `${short.charAt(0).toLowerCase()}${short.slice(1)}`;
  const startsWithVerb = libraries().nlp(short).terms().first().has('#Verb');
  const when = dateWord.exec(text)?.[1]?.toLowerCase();
  const suggestions = [
    when ? `“what’s due ${when}?”` : undefined,
    startsWithVerb ? `“remind me to ${lower}”` : `“add ${lower}”`,
    startsWithVerb ? `“add ${lower}”` : undefined,
    '“what’s left to do?”',
    '“help” for everything I can do',
  ].filter((suggestion): suggestion is string => suggestion !== undefined);
  return `I did not understand that. Without a language model I stick to your tasks, notes and texts; try:\n\n${suggestions
    .slice(0, 3)
    .map((suggestion) => `- ${suggestion}`)
    .join('\n')}`;
}
