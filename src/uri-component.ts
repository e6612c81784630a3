/**
 * A URI component decoded; text that is not valid percent-encoding (`%zz`, a lone `%`) comes back
 * as it is, so a lookup by it finds nothing instead of throwing URIError.
 */
export function decodeUriComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
