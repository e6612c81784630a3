import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads every module's tables; `npm run db:generate` writes a migration into drizzle/. */
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/bus/table.ts',
    './src/models/table.ts',
    './src/features/table.ts',
    './src/engine/table.ts',
    './src/modules/*/table.ts',
  ],
  out: './drizzle',
});
