// Prints the event type table of docs/events.md from the catalog: `npx tsx scripts/event-types-table.ts`.
import { eventTypeList } from '../src/modules/events/event-catalog.js';

/** A payload's fields as `{ a, b? }` (`?`: optional), from its JSON Schema. */
function fields(schema: Record<string, unknown>): string {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const required = new Set((schema.required as string[] | undefined) ?? []);
  if (properties.length === 0) return '`{ … }`';
  return `\`{ ${properties.map((name) => (required.has(name) ? name : `${name}?`)).join(', ')} }\``;
}

const rows = eventTypeList().map((item): [string, string] => [
  `\`${item.type}\``,
  item.type === 'custom.*' ? 'any JSON object (64 KiB at most)' : fields(item.payload_schema),
]);
const typeWidth = Math.max(4, ...rows.map(([type]) => type.length));
const dataWidth = Math.max(4, ...rows.map(([, data]) => data.length));
const line = ([type, data]: [string, string]) => `| ${type.padEnd(typeWidth)} | ${data.padEnd(dataWidth)} |`;
process.stdout.write(
  `${[line(['type', 'data']), `| ${'-'.repeat(typeWidth)} | ${'-'.repeat(dataWidth)} |`, ...rows.map(line)].join('\n')}\n`,
);
