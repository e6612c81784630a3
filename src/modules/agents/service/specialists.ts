import { and, eq, inArray } from 'drizzle-orm';
import { canonicalJson } from '../../../canonical-json.js';
import type { Database } from '../../../db/database.js';
import type { Clock } from '../../../clock.js';
import { agentDefinitionSchema } from '../definition.js';
import { builtinAgentId, specialists } from '../specialists/index.js';
import { agents, agentVersions } from '../table.js';

/**
 * Brings the built-in specialists' rows up to date with the code: a new one is inserted as
 * version 1, a changed one gets a new version (runs name the version they ran), an unchanged one
 * is left alone. One read finds what changed, so a start with nothing to change writes nothing.
 * Several instances starting at once write the same rows: conflicts are ignored.
 */
export async function syncSpecialists({ db, clock }: { db: Database; clock: Clock }): Promise<void> {
  const wanted = specialists.map((input) => {
    const definition = agentDefinitionSchema.parse(input);
    return { id: builtinAgentId(definition.name), definition };
  });
  const stored = await db
    .select({ id: agents.id, definition: agents.definition })
    .from(agents)
    .where(
      inArray(
        agents.id,
        wanted.map(({ id }) => id),
      ),
    );
  const storedById = new Map(stored.map((row) => [row.id, canonicalJson(row.definition)]));
  const changed = wanted.filter(({ id, definition }) => storedById.get(id) !== canonicalJson(definition));
  for (const { id, definition } of changed) {
    const now = clock.now();
    await db.transaction(async (transaction) => {
      const [current] = await transaction.select().from(agents).where(eq(agents.id, id)).for('update');
      if (current && canonicalJson(current.definition) === canonicalJson(definition)) return;
      const version = (current?.version ?? 0) + 1;
      const values = {
        name: definition.name,
        description: definition.description,
        definition,
        version,
        visibility: definition.visibility,
        updatedAt: now,
      };
      if (current)
        await transaction
          .update(agents)
          .set(values)
          .where(and(eq(agents.id, id)));
      else
        await transaction
          .insert(agents)
          .values({ id, ownerId: null, builtin: true, createdAt: now, ...values })
          .onConflictDoNothing();
      await transaction
        .insert(agentVersions)
        .values({ agentId: id, version, definition, createdBy: 'system', createdAt: now })
        .onConflictDoNothing();
    });
  }
}
