import type { Actor } from '../actor.js';
import { requireAdmin } from '../actor-policy.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { FeatureDisabledError } from './errors.js';
import { type FeatureFlags, type FeatureName, featureNames, type UpdateFeatureFlagsInput } from './schema.js';
import { featureFlags } from './table.js';

/** How long an instance trusts what it read: another instance's change is seen within this. */
export const featureFlagsTtlMs = 2000;

/** What the service records a change with (the identity module's audit log). */
export type RecordAudit = (
  actor: Actor,
  input: { action: string; status: 'success'; details: Record<string, unknown> },
) => Promise<void>;

/**
 * The instance's feature switches: the config's defaults (FEATURES_DISABLED) until an admin saves
 * a change in the app, which is stored in the database and so holds for every instance. Each
 * instance reads the table at most once per `featureFlagsTtlMs`; a change made on this instance
 * is seen at once.
 */
export function createFeatureFlags({
  db,
  clock,
  disabledByDefault,
  audit,
}: {
  db: Database;
  clock: Clock;
  disabledByDefault: readonly FeatureName[];
  audit: RecordAudit;
}) {
  let cached: { value: FeatureFlags; until: number } | undefined;

  async function current(): Promise<FeatureFlags> {
    const now = clock.now().getTime();
    if (cached && cached.until > now) return cached.value;
    const rows = await db.select().from(featureFlags);
    const saved = new Map(rows.map((row) => [row.name, row.enabled]));
    const value = Object.fromEntries(
      featureNames.map((name) => [name, saved.get(name) ?? !disabledByDefault.includes(name)]),
    ) as FeatureFlags;
    cached = { value, until: now + featureFlagsTtlMs };
    return value;
  }

  return {
    /** Every feature and whether it is on: public, so the sign-in page can hide "create an account". */
    async list(): Promise<FeatureFlags> {
      return current();
    },

    /** True when the feature is on. */
    async isEnabled(name: FeatureName): Promise<boolean> {
      return (await current())[name];
    },

    /** Throws FEATURE_DISABLED when the feature is off: the first line of whatever the feature does. */
    async require(name: FeatureName): Promise<void> {
      if (!(await current())[name]) throw new FeatureDisabledError(name);
    },

    /** An admin switches features on or off, for every instance; each change is audited. */
    async update(actor: Actor, input: UpdateFeatureFlagsInput): Promise<FeatureFlags> {
      requireAdmin(actor);
      // Compared with the table, not this instance's reading: another may have changed it since.
      cached = undefined;
      const before = await current();
      const changes = featureNames.flatMap((name) => {
        const enabled = input[name];
        return enabled === undefined || enabled === before[name] ? [] : [{ name, enabled }];
      });
      const updatedBy = actor.type === 'user' ? actor.userId : null;
      await db.transaction(async (tx) => {
        for (const { name, enabled } of changes) {
          const row = { enabled, updatedBy, updatedAt: clock.now() };
          await tx
            .insert(featureFlags)
            .values({ name, ...row })
            .onConflictDoUpdate({ target: featureFlags.name, set: row });
        }
      });
      cached = undefined;
      for (const { name, enabled } of changes)
        await audit(actor, {
          action: 'feature.update',
          status: 'success',
          details: { feature: name, enabled },
        });
      return current();
    },
  };
}

export type FeatureFlagService = ReturnType<typeof createFeatureFlags>;

/** What a module needs of the switches: whether its feature is on, and a refusal when it is off. */
export type FeatureGate = Pick<FeatureFlagService, 'require' | 'isEnabled'>;
