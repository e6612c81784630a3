import type { TextToolName } from '../../text/index.js';
import { bullets, count, excerpt, field, list, numbered, type ReplyFormatter } from './format.js';

/** A rewritten text in a fenced block, so that its spacing shows as it is. */
const block = (text: string) => `\n\n\`\`\`text\n${excerpt(text)}\n\`\`\``;
const textOf = (output: unknown) => String(field(output, 'text') ?? '');
const described = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .filter(([, size]) => size > 0)
    .map(([kind, size]) => `${size} ${kind.replaceAll('_', ' ')}`)
    .join(', ');

/** "Here is the text cleaned up (what changed):" and the text. */
function rewritten(lead: string) {
  return ({ output }: { output: unknown }) => `${lead}${block(textOf(output))}`;
}

/** Replies to the cleaning, diacritics, anonymizer, summarizer, PDF and OCR tools. */
export const textRewriteReplies: Partial<Record<TextToolName, ReplyFormatter>> = {
  clean_text: ({ output }) => {
    const removed = described(field(output, 'removed'));
    return `Here is the text cleaned up${removed ? ` (removed ${removed})` : ''}:${block(textOf(output))}`;
  },
  normalize_unicode: ({ output }) =>
    field(output, 'changed')
      ? `Here is the text in ${String(field(output, 'form') ?? 'NFC')}:${block(textOf(output))}`
      : `The text was already in ${String(field(output, 'form') ?? 'NFC')}; nothing changed.`,
  remove_special_symbols: ({ output }) =>
    `Removed ${count(Number(field(output, 'removed_total') ?? 0), 'symbol')}:${block(textOf(output))}`,
  remove_html_tags: rewritten('Here is the plain text:'),
  remove_diacritics: ({ output }) =>
    `Removed the accents (${count(Number(field(output, 'changed_characters') ?? 0), 'character')} changed):${block(textOf(output))}`,
  transliterate_text: rewritten('In Latin letters:'),
  normalize_text: ({ output }) => {
    const steps = list<string>(output, 'steps');
    return `Normalized${steps.length ? ` (${steps.join(', ')})` : ''}:${block(textOf(output))}`;
  },
  detect_sensitive_info: ({ output }) => {
    const findings = list<{ type: string; value: string }>(output, 'findings');
    if (findings.length === 0) return 'I found no personal or sensitive information.';
    const shown = findings
      .slice(0, 20)
      .map((finding) => `${finding.type.replaceAll('_', ' ')}: ${finding.value}`);
    const more = findings.length > shown.length ? `\n- … and ${findings.length - shown.length} more` : '';
    return `I found ${count(findings.length, 'sensitive item')}:\n\n${bullets(shown)}${more}`;
  },
  anonymize_text: ({ output }) => {
    const replaced = described(field(output, 'counts'));
    return `${replaced ? `Replaced ${replaced}` : 'Nothing needed replacing'}:${block(String(field(output, 'anonymized_text') ?? ''))}`;
  },
  smart_anonymize: ({ output }) => {
    const replaced = described(field(output, 'counts'));
    return `${replaced ? `Pseudonymized ${replaced}` : 'Nothing needed replacing'}:${block(String(field(output, 'anonymized_text') ?? ''))}`;
  },
  create_anonymization_report: ({ output }) =>
    `Risk: ${String(field(output, 'risk') ?? 'unknown')}. ${String(field(output, 'verdict') ?? '')}`.trim(),
  summarize_text: ({ output }) => {
    const summary = String(field(output, 'summary') ?? '').trim();
    return summary ? `Summary:\n\n${summary}` : 'The text is too short to summarize.';
  },
  extract_key_points: ({ output }) => {
    const points = list<{ text: string }>(output, 'key_points');
    if (points.length === 0) return 'I found no key points in this text.';
    const terms = list<string>(output, 'key_terms');
    return `Key points, most important first:\n\n${numbered(points.map((point) => point.text))}${terms.length ? `\n\nKey terms: ${terms.join(', ')}.` : ''}`;
  },
  generate_headlines: ({ output }) => {
    const headlines = list<string>(output, 'headlines');
    return headlines.length
      ? `Headline ideas:\n\n${numbered(headlines)}`
      : 'I could not make a headline from this text.';
  },
  extract_pdf_text: ({ output }) => {
    const pages = Number(field(output, 'page_count') ?? 0);
    const title = field<string>(field(output, 'metadata'), 'title');
    const text = textOf(output).trim();
    const about = `The PDF${title ? ` ${'“'}${title}”` : ''} has ${count(pages, 'page')}`;
    return text ? `${about}. Its text:\n\n${excerpt(text)}` : `${about}, with no text layer (a scan?).`;
  },
  extract_image_text: ({ output }) => {
    const text = textOf(output).trim();
    const confidence = Number(field(output, 'confidence') ?? 0);
    return text
      ? `I read this (${Math.round(confidence * 100)}% confidence):${block(text)}`
      : 'I found no text in the image.';
  },
};
