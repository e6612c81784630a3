import { z } from 'zod';

/** The `:id` of an item route. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** The `:id` and `:version` of a versioned item's route. */
export const versionParams = idParams.extend({ version: z.coerce.number().int().min(1) });

/**
 * The `:id` of a workflow run's route: a child run's id nests its parents' (`<run id>:<path>@run`),
 * so it may be longer than an item's.
 */
export const runIdParams = z.object({ id: z.string().min(1).max(300) });
