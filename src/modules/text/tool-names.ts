/**
 * Every text tool's name. Code that names a text tool (the built-in assistant) types it with
 * `TextToolName`, so naming one that does not exist breaks its build; tool-names.test.ts holds
 * this list to the tools the toolkit registers.
 */
export const textToolNames = [
  'clean_text',
  'normalize_unicode',
  'remove_special_symbols',
  'remove_html_tags',
  'remove_diacritics',
  'transliterate_text',
  'normalize_text',
  'analyze_text_basic',
  'analyze_readability',
  'word_frequency_analysis',
  'text_complexity_analysis',
  'detect_language',
  'detect_multiple_languages',
  'analyze_sentiment',
  'transform_sentiment',
  'sentiment_comparison',
  'detect_sensitive_info',
  'anonymize_text',
  'smart_anonymize',
  'create_anonymization_report',
  'summarize_text',
  'extract_key_points',
  'generate_headlines',
  'check_grammar',
  'suggest_improvements',
  'explain_corrections',
  'extract_pdf_text',
  'extract_image_text',
] as const;

/** The name of one of the text tools. */
export type TextToolName = (typeof textToolNames)[number];
