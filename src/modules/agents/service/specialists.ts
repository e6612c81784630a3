import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { Clock } from '../../../clock.js';
import { agentDefinitionSchema } from '../definition.js';
import { builtinAgentId, specialists } from '../specialists/index.js';
import { agents, agentVersions } from '../table.js';

/**
 * Brings the built-in specialists' rows up to date with the code: a new one is inserted as
 * version 1, a changed one gets a new version (runs name the version they ran), an unchanged one
 * is left alone. Several instances starting at once write the same rows: conflicts are ignored.
 */
export async function syncSpecialists({ db, clock }: { db: Database; clock: Clock }): Promise<void> {
  for (const input of specialists) {
    const definition = agentDefinitionSchema.parse(input);
    const id = builtinAgentId(definition.name);
    const now = clock.now();
    await db.transaction(async (transaction) => {
      const [current] = await transaction.select().from(agents).where(eq(agents.id, id)).for('update');
      if (current && JSON.stringify(current.definition) === JSON.stringify(definition)) return;
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
