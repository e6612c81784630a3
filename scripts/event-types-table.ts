// Prints the event type table of docs/events.md from the catalog: `npx tsx scripts/event-types-table.ts`.
import { eventTypeList } from '../src/modules/events/event-catalog.js';

/** A payload's fields as `{ a, b? }` (`?`: optional), from its JSON Schema. */
function fields(schema: Record<string, unknown>): string {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const required = new Set((schema.required as string[] | undefined) ?? []);
  if (properties.length === 0) return '`{ … }`';
  return `\`{ ${properties.map((name) => (required.has(name) ? name : `${name}?`)).join(', ')} }\``;
}

const rows = eventTypeList().map((item) => [
  `\`${item.type}\``,
  item.type === 'custom.*' ? 'any JSON object (64 KiB at most)' : fields(item.payload_schema),
]);
const width = [
  Math.max(4, ...rows.map((row) => row[0]!.length)),
  Math.max(4, ...rows.map((row) => row[1]!.length)),
];
const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(width[index]!)).join(' | ')} |`;
console.log(
  [
    line(['type', 'data']),
    `| ${width.map((size) => '-'.repeat(size)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n'),
);
