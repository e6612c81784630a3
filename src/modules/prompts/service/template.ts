import Mustache from 'mustache';
import { InvalidInputError } from '../../../errors.js';
import type { PromptArgument } from '../schema.js';

// Mustache keeps every template it parses in a global cache; prompts change and users write many.
Mustache.templateCache = undefined;

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

/** The top-level names a Mustache template uses ({{name}}, {{{name}}}, {{#name}}, {{^name}}). */
export function templateVariables(template: string): string[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as Token[];
  } catch (error) {
    throw new InvalidInputError(`template: ${(error as Error).message}`, { field: 'template' });
  }
  const names = new Set<string>();
  for (const [type, value] of tokens) {
    if (['name', '&', '#', '^'].includes(type)) names.add(value.split('.')[0] ?? value);
  }
  return [...names];
}

/** Refuses a template that uses an argument it does not declare, naming it. */
export function checkTemplate(template: string, declared: PromptArgument[]): void {
  const known = new Set(declared.map((argument) => argument.name));
  const undeclared = templateVariables(template).filter((name) => !known.has(name));
  if (undeclared.length > 0) {
    throw new InvalidInputError(
      `template: uses ${undeclared.map((name) => `"${name}"`).join(', ')}, which ${undeclared.length > 1 ? 'are' : 'is'} not among the declared arguments`,
      {
        field: 'template',
      },
    );
  }
}

/**
 * Fills the template: given values, then defaults. A missing required argument, an unknown one or
 * a value outside its enum is an error naming the argument. Nothing is HTML-escaped: this is text
 * for a model, not a page.
 */
export function renderTemplate(
  template: string,
  declared: PromptArgument[],
  given: Record<string, string>,
): string {
  const byName = new Map(declared.map((argument) => [argument.name, argument]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name))
      throw new InvalidInputError(`arguments.${name}: this prompt has no such argument`, {
        field: `arguments.${name}`,
      });
  }
  const values: Record<string, string> = {};
  for (const argument of declared) {
    const value = given[argument.name] ?? argument.default;
    if (value === undefined) {
      if (argument.required)
        throw new InvalidInputError(`arguments.${argument.name}: required`, {
          field: `arguments.${argument.name}`,
        });
      continue;
    }
    if (argument.enum && !argument.enum.includes(value)) {
      throw new InvalidInputError(`arguments.${argument.name}: must be one of ${argument.enum.join(', ')}`, {
        field: `arguments.${argument.name}`,
      });
    }
    values[argument.name] = value;
  }
  return Mustache.render(template, values, {}, { escape: (text: string) => text });
}
