import { type Intent, reply } from './intent.js';

/** What the offline assistant can do, with examples, one tool group a line. */
export const capabilities = [
  '- **Tasks**: “add buy milk to my list”, “remind me to call Sam tomorrow”, “what’s left to do?”, “what’s due this week?”, “mark the milk one done”, “move the dentist to Friday”, “delete the milk task”',
  '- **Documents**: “note: the wifi password is on the fridge”, “find my notes about taxes”, “open the document about taxes”',
  '- **Summaries**: “summarize this: …”, “tl;dr …”, “key points of: …”, “headlines for: …”',
  '- **Language and tone**: “what language is this: …”, “is this positive or negative: …”',
  '- **Writing**: “check the grammar of: …”, “how readable is this: …”, “analyze this text: …”, “word frequency of: …”',
  '- **Cleaning**: “clean this text: …”, “remove accents from: …”, “strip the HTML from: …”, “transliterate: …”',
  '- **Privacy**: “find personal info in: …”, “anonymize: …”, “pseudonymize: …”',
  '- **Workflows**: “show my workflows”, “run the daily digest”, “what is waiting for me?”, “approve it”, “refuse it”, “what happened to the last run?”',
  '- **Memory**: “remember that my manager is Dana”, “what do you know about me?”, “forget that”',
  '- **Files**: “extract the text of document <id>” (a PDF), or attach an image and say “read the text in this image”',
].join('\n');

const howToAddModel = [
  'To chat freely, configure a language model and restart Switchboard:',
  '',
  '- `MODEL=openai:gpt-4.1-mini` with `OPENAI_API_KEY`',
  '- `MODEL=anthropic:claude-sonnet-4-5` with `ANTHROPIC_API_KEY`',
  '- `MODEL=ollama:qwen2.5:14b` for a local Ollama',
  '- `MODEL=openai-compatible:<model>` with `MODEL_BASE_URL` for any OpenAI-compatible server',
  '',
  'See docs/assistant.md.',
].join('\n');

/** The answer to "help" and "what can you do". */
export const helpText = `I am Switchboard’s built-in offline assistant: no language model is configured, so I understand a set of plain-English requests and use your tools for them. I can:\n\n${capabilities}\n\n${howToAddModel}`;

/** Greetings and questions about the assistant itself. */
export const helpIntents: Intent[] = [
  {
    name: 'help',
    patterns: [
      /^(?:help|\?|commands|menu|examples)[.!?]*$/i,
      /^(?:what|how) (?:can|could|do|should) (?:you|i) (?:do|ask|say|use)(?: (?:here|for me|with you|you for))?[.!?]*$/i,
      /^(?:what|who) are you[.!?]*$/i,
      /^how does (?:this|it) work[.!?]*$/i,
    ],
    plan: () => reply(helpText),
  },
];
