import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildInfoUrl, gitCommit } from '../src/version.js';

/**
 * Records the commit being built in dist/build-info.json, which the built command reads (a
 * package installed from npm or copied into a container has no git). Outside a checkout it
 * writes "unknown".
 */
mkdirSync(fileURLToPath(new URL('.', buildInfoUrl)), { recursive: true });
writeFileSync(buildInfoUrl, `${JSON.stringify({ commit: gitCommit() ?? 'unknown' })}\n`);
