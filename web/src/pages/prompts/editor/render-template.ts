import Mustache from 'mustache';
import type { PromptArgument } from '../prompt-api';

// As on the server: the cache would keep every template typed, one per keystroke.
Mustache.templateCache = undefined;

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

/** The outcome of filling a template in the browser, as the server would. */
export type Preview =
  { ok: true; text: string; missing: string[]; outsideEnum: string[] } | { ok: false; error: string };

/** The top-level names a template uses, as src/modules/prompts/template.ts finds them; throws on bad syntax. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const [type, value] of Mustache.parse(template) as Token[]) {
    if (['name', '&', '#', '^'].includes(type)) names.add(value.split('.')[0] ?? value);
  }
  return [...names];
}

/** The names a template uses that are not declared; none when the template does not parse. */
export function undeclaredVariables(template: string, declared: PromptArgument[]): string[] {
  const known = new Set(declared.map((argument) => argument.name));
  try {
    return templateVariables(template).filter((name) => !known.has(name));
  } catch {
    return [];
  }
}

/**
 * Fills the template with the same settings as the server: given values, then defaults, nothing
 * HTML-escaped. Where the server refuses (a required argument missing, a value outside its enum)
 * the preview still renders and names them, so the text updates while the user types.
 */
export function renderPreview(
  template: string,
  declared: PromptArgument[],
  given: Record<string, string>,
): Preview {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  const outsideEnum: string[] = [];
  for (const argument of declared) {
    const value = given[argument.name] || argument.default;
    if (value === undefined || value === '') {
      if (argument.required) missing.push(argument.name);
      continue;
    }
    if (argument.enum && !argument.enum.includes(value)) outsideEnum.push(argument.name);
    values[argument.name] = value;
  }
  try {
    const text = Mustache.render(template, values, {}, { escape: (text: string) => text });
    return { ok: true, text, missing, outsideEnum };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
