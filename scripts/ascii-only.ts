/**
 * The bundle's text with every character past ASCII written as a `\uXXXX` escape. V8 keeps each
 * module's source as long as the process runs, in one byte a character when all of them fit in
 * Latin-1 and in two otherwise: one "—" in a comment doubled the 1.4 MB app chunk to 2.7 MB.
 * esbuild escapes strings and plain templates itself but leaves comments, regular expressions and
 * tagged templates as written. The escape means the same in all of them (and in identifiers)
 * except the `raw` text of a tagged template, whose cooked text is unchanged: the bundle's are
 * drizzle's `sql` (cooked) and `String.raw` regular-expression sources, where `\u2014` is the same
 * pattern as "—". A tag that shows its raw text to users would show the escape.
 */
export function asciiOnly(text: string): string {
  return text.replace(/(\\*)([\u0080-\uffff])/g, (_, backslashes: string, character: string) => {
    // After an odd run of backslashes the character is escaped itself (`\—` in a regular
    // expression or a string means "—"): the escape replaces that backslash, or it would read as
    // an escaped backslash followed by the letters "u2014".
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes;
    return `${kept}\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
