import { z } from 'zod';
import { InvalidInputError } from '../../errors.js';
import { fetchUrl } from '../../net/fetch-url.js';
import { htmlToPlainText } from './html.js';
import type { TextToolDeps } from './text-tool-deps.js';

/** The input fields of a tool that takes its text inline or from a URL (exactly one of them). */
export const textOrUrlFields = {
  text: z.string().optional().describe('The text to work on. Give this or url.'),
  url: z.url().optional().describe('A web page or text file to fetch and work on instead of text.'),
};

/** Refuses a text larger than TEXT_LIMIT, naming the field. */
export function checkTextSize(text: string, deps: TextToolDeps, field = 'text'): string {
  const bytes = Buffer.byteLength(text);
  if (bytes > deps.textLimit)
    throw new InvalidInputError(`The text is ${bytes} bytes; the limit is ${deps.textLimit} (TEXT_LIMIT)`, {
      field,
    });
  return text;
}

/**
 * The text a tool works on: `text` as given, or the readable text at `url` (fetched with the
 * private-address guard; HTML becomes plain text). Exactly one must be given.
 */
export async function resolveText(
  input: { text?: string | undefined; url?: string | undefined },
  deps: TextToolDeps,
  signal?: AbortSignal,
): Promise<string> {
  if (input.text !== undefined && input.url !== undefined)
    throw new InvalidInputError('Give text or url, not both', { field: 'url' });
  if (input.text !== undefined) return checkTextSize(input.text, deps);
  if (input.url === undefined)
    throw new InvalidInputError('Give the text, or a url to fetch it from', { field: 'text' });
  const fetched = await fetchUrl(
    input.url,
    { ...deps.fetchPolicy, maxBytes: Math.min(deps.fetchPolicy.maxBytes, deps.textLimit * 4) },
    { signal },
  );
  const body = fetched.body.toString('utf8');
  const text = /html/i.test(fetched.contentType ?? '') ? await htmlToPlainText(body) : body;
  return checkTextSize(text, deps, 'url');
}
