/** Longest text put in a tool's readable summary; the whole result is in its structured content. */
const previewLength = 2000;

/** The start of a long text for a tool's short readable summary, marked where it was cut. */
export function readablePreview(text: string): string {
  return text.length <= previewLength
    ? text
    : `${text.slice(0, previewLength)}… (${text.length} characters in all)`;
}
