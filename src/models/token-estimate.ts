/**
 * A token count without a tokenizer: about four characters a token, OpenAI's rule of thumb for
 * English. For the built-in assistant, which reads phrasings, not tokens (its history is limited
 * by CHAT_HISTORY_MESSAGES): a real BPE table (gpt-tokenizer's o200k) would hold 20 MB of memory
 * to count what no model is charged for.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
