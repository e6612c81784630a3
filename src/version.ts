import { readFileSync } from 'node:fs';

/** The package version, read once (the same path works from src/ under tsx and from dist/). */
export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;
