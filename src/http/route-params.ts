import { z } from 'zod';

/** The `:id` of an item route. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** The `:id` and `:version` of a versioned item's route. */
export const versionParams = idParams.extend({ version: z.coerce.number().int().min(1) });
