import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { SecretBox } from '../../../secrets/secret-box.js';
import { mcpServers } from '../table.js';

/** The HKDF purpose of the key that seals servers' header and environment values. */
export const mcpServerSecretPurpose = 'switchboard mcp-server secrets v1';

type SecretField = 'headers' | 'env';

/** Each value sealed, bound to its server, field and name (so a value moved elsewhere does not open). */
export function sealValues(
  box: SecretBox,
  serverId: string,
  field: SecretField,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  return mapValues(values, (value, name) => box.seal(value, secretContext(serverId, field, name)));
}

/** Each stored value opened; one stored in plain text before sealing existed is read as it is. */
export function openValues(
  box: SecretBox,
  serverId: string,
  field: SecretField,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  return mapValues(values, (value, name) => box.open(value, secretContext(serverId, field, name)));
}

const secretContext = (serverId: string, field: SecretField, name: string) => `${serverId}/${field}/${name}`;

function mapValues(
  values: Readonly<Record<string, string>>,
  map: (value: string, name: string) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, map(value, name)]));
}

/**
 * Seals the values that servers stored in plain text before they were encrypted at rest; run at
 * start. Sealed values are left alone, so it is safe on every start and on every instance.
 */
export async function sealPlaintextSecrets(db: Database, box: SecretBox): Promise<number> {
  const rows = await db
    .select({ id: mcpServers.id, headers: mcpServers.headers, env: mcpServers.env })
    .from(mcpServers);
  const plain = (values: Record<string, string>) =>
    Object.values(values).some((value) => !box.isSealed(value));
  let sealed = 0;
  for (const row of rows) {
    if (!plain(row.headers) && !plain(row.env)) continue;
    const reseal = (field: SecretField, values: Record<string, string>) =>
      mapValues(values, (value, name) =>
        box.isSealed(value) ? value : box.seal(value, secretContext(row.id, field, name)),
      );
    await db
      .update(mcpServers)
      .set({ headers: reseal('headers', row.headers), env: reseal('env', row.env) })
      // Only if nobody changed the row meanwhile (a change seals its values itself).
      .where(
        and(
          eq(mcpServers.id, row.id),
          sql`${mcpServers.headers} = ${JSON.stringify(row.headers)}::jsonb`,
          sql`${mcpServers.env} = ${JSON.stringify(row.env)}::jsonb`,
        ),
      );
    sealed++;
  }
  return sealed;
}
