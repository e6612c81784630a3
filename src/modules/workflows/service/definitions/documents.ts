import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import type { WorkflowDefinition } from '../../definition.js';
import { WorkflowInvalidError } from '../../errors.js';
import type { DocumentFormat } from '../../schema/workflows.js';

/**
 * Reads a definition written as JSON or YAML text (or given as an object already). Without a
 * format, text that parses as JSON is JSON and anything else YAML (JSON is YAML too, but JSON's
 * errors are clearer for JSON). A text that does not parse is WORKFLOW_INVALID at `document`, with
 * the line.
 */
export function readDocument(document: string | Record<string, unknown>, format?: DocumentFormat): unknown {
  if (typeof document !== 'string') return document;
  const asJson = format === 'json' || (format === undefined && /^\s*[{[]/.test(document));
  if (asJson) {
    try {
      return JSON.parse(document);
    } catch (error) {
      if (format === 'json') throw unreadable('JSON', (error as Error).message);
    }
  }
  try {
    // YAML anchors may only be used a few times: a short document must not expand into a huge one.
    return parseYaml(document, { maxAliasCount: 50, prettyErrors: true, logLevel: 'error' });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw unreadable('YAML', message ?? 'does not parse');
  }
}

const unreadable = (format: string, problem: string) =>
  new WorkflowInvalidError(`document: this is not valid ${format}: ${problem}`, 'document');

/** A definition as text in the format asked for; JSON indented by two spaces. */
export function writeDocument(definition: WorkflowDefinition, format: DocumentFormat): string {
  return format === 'yaml'
    ? stringifyYaml(definition, { lineWidth: 0 })
    : `${JSON.stringify(definition, null, 2)}\n`;
}
