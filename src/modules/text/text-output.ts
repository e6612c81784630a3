import { z } from 'zod';

/** Characters counted as Unicode code points (an emoji is one, é is one in NFC and two in NFD). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The output fields of a tool that rewrites a text: its length before and after. */
export const lengthFields = {
  original_length: z.number().int().describe('Characters (Unicode code points) before'),
  length: z.number().int().describe('Characters (Unicode code points) after'),
};

export function lengthsOf(before: string, after: string) {
  return { original_length: characterCount(before), length: characterCount(after) };
}

const previewLength = 500;

/** The start of a rewritten text, for the readable summary beside the full result. */
export function preview(text: string): string {
  return text.length <= previewLength
    ? text
    : `${text.slice(0, previewLength)}… (${characterCount(text)} characters)`;
}
