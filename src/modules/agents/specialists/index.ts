import type { AgentDefinitionInput } from '../definition.js';

const capability = (name: string, description: string) => ({ name, description });

/**
 * The built-in specialists: the original toolkit's agents and three helpers, each a definition
 * over the text, task and document tools. They work with the built-in assistant (no model set
 * up), which reads a plain request ("clean this text: …") and calls the matching tool; with a
 * hosted model their instructions guide it. Synced into `agents` at start (service/specialists.ts).
 */
export const specialists: AgentDefinitionInput[] = [
  {
    name: 'text-cleaner',
    description: 'Cleans text: whitespace, Unicode, HTML tags and stray symbols.',
    instructions: 'You clean the text you are given with your tools and answer with the cleaned text.',
    tools: [
      'clean_text',
      'normalize_text',
      'normalize_unicode',
      'remove_html_tags',
      'remove_special_symbols',
    ],
    capabilities: [
      capability('clean_text', 'Tidy whitespace, line breaks and invisible characters'),
      capability('strip_html', 'Remove HTML tags, keeping the text'),
      capability('normalize_unicode', 'Bring Unicode to one normal form'),
    ],
  },
  {
    name: 'diacritics-remover',
    description: 'Removes accents and diacritics, or transliterates text to Latin letters.',
    instructions: 'You remove diacritics from the text you are given, or transliterate it, with your tools.',
    tools: ['remove_diacritics', 'transliterate_text'],
    capabilities: [
      capability('remove_diacritics', 'Write text without accents (café → cafe)'),
      capability('transliterate', 'Write another script in Latin letters'),
    ],
  },
  {
    name: 'text-analyzer',
    description: 'Analyzes text: counts, readability, word frequency and complexity.',
    instructions: 'You analyze the text you are given with your tools and report the figures plainly.',
    tools: [
      'analyze_text_basic',
      'analyze_readability',
      'word_frequency_analysis',
      'text_complexity_analysis',
    ],
    capabilities: [
      capability('text_statistics', 'Count words, sentences and characters'),
      capability('readability', 'Score how easy a text is to read'),
      capability('word_frequency', 'The most frequent words'),
    ],
  },
  {
    name: 'grammar-checker',
    description: 'Checks grammar and spelling, and suggests improvements.',
    instructions: 'You check the grammar of the text you are given with your tools and list the corrections.',
    tools: ['check_grammar', 'suggest_improvements', 'explain_corrections'],
    capabilities: [
      capability('check_grammar', 'Find grammar and spelling mistakes'),
      capability('suggest_improvements', 'Suggest clearer wording'),
    ],
  },
  {
    name: 'summarizer',
    description: 'Summarizes text, extracts its key points and suggests headlines.',
    instructions: 'You summarize the text you are given with your tools.',
    tools: ['summarize_text', 'extract_key_points', 'generate_headlines'],
    capabilities: [
      capability('summarize', 'A short or long summary, or bullet points'),
      capability('key_points', 'The key sentences of a text'),
      capability('headlines', 'Headline suggestions for a text'),
    ],
  },
  {
    name: 'language-detector',
    description: 'Detects the language of a text, or the languages of a mixed one.',
    instructions: 'You detect the language of the text you are given with your tools.',
    tools: ['detect_language', 'detect_multiple_languages'],
    capabilities: [
      capability('detect_language', 'The language a text is written in'),
      capability('detect_languages', 'The languages of a text that mixes several'),
    ],
  },
  {
    name: 'sentiment-analyzer',
    description: 'Reads the tone of a text, compares tones, and rewrites a text more positively.',
    instructions: 'You analyze the sentiment of the text you are given with your tools.',
    tools: ['analyze_sentiment', 'sentiment_comparison', 'transform_sentiment'],
    capabilities: [
      capability('sentiment', 'Whether a text is positive, negative or neutral'),
      capability('compare_sentiment', 'Compare the tone of several texts'),
    ],
  },
  {
    name: 'anonymizer',
    description: 'Finds personal information in a text and removes or replaces it.',
    instructions: 'You find and remove personal information in the text you are given with your tools.',
    tools: ['detect_sensitive_info', 'anonymize_text', 'smart_anonymize', 'create_anonymization_report'],
    capabilities: [
      capability('detect_pii', 'Find names, emails, phone numbers and the like'),
      capability('anonymize', 'Mask personal information'),
      capability('pseudonymize', 'Replace personal information with readable stand-ins'),
    ],
  },
  {
    name: 'pdf-reader',
    description: 'Reads the text of PDFs and images among your documents.',
    instructions: 'You extract the text of the PDF or image you are pointed to with your tools.',
    tools: ['extract_pdf_text', 'extract_image_text', 'search_documents', 'read_document'],
    capabilities: [
      capability('read_pdf', 'The text of a PDF document'),
      capability('read_image', 'The text in an image (OCR)'),
    ],
  },
  {
    name: 'task-manager',
    description: 'Keeps your todo list: adds, lists, finds, completes and changes tasks.',
    instructions: 'You manage the user’s tasks with your tools.',
    tools: ['add_task', 'list_tasks', 'search_tasks', 'complete_task', 'update_task'],
    capabilities: [
      capability('add_task', 'Add a task, with a due date and priority'),
      capability('list_tasks', 'List and find tasks'),
      capability('complete_task', 'Mark tasks done'),
    ],
  },
  {
    name: 'researcher',
    description: 'Searches and reads your documents and sums up what they say.',
    instructions: 'You answer from the user’s documents: search them, read them, and sum up what you find.',
    tools: ['search_documents', 'read_document', 'summarize_text', 'extract_key_points'],
    capabilities: [
      capability('search_documents', 'Find documents by their words'),
      capability('read_document', 'Read a document'),
      capability('summarize', 'Sum up what was found'),
    ],
  },
  {
    name: 'writer',
    description: 'Writes: headlines, clearer wording, a friendlier tone, notes saved to your documents.',
    instructions: 'You help the user write with your tools, and save notes when asked.',
    tools: ['generate_headlines', 'suggest_improvements', 'transform_sentiment', 'create_note'],
    capabilities: [
      capability('headlines', 'Headline suggestions'),
      capability('improve_wording', 'Clearer, shorter wording'),
      capability('save_note', 'Save a text as a note among the documents'),
    ],
  },
].map((definition) => ({ ...definition, visibility: 'shared' as const }));

/** The id of a built-in specialist's row. */
export const builtinAgentId = (name: string) => `agt_builtin_${name}`;
