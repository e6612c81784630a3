import { createTwoFilesPatch } from 'diff';

/** A unified diff between two versions' definitions, as indented JSON, older first. */
export function versionDiff(
  older: { version: number; definition: unknown },
  newer: { version: number; definition: unknown },
): string {
  return createTwoFilesPatch(
    `version ${older.version}`,
    `version ${newer.version}`,
    `${JSON.stringify(older.definition, null, 2)}\n`,
    `${JSON.stringify(newer.definition, null, 2)}\n`,
  );
}
