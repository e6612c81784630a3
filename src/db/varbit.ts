import { customType } from 'drizzle-orm/pg-core';

/** A Postgres `bit varying` column, written and read as a string of `0` and `1`. */
export const varbit = customType<{ data: string }>({ dataType: () => 'bit varying' });
