import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

describe('several instances starting at once on one Postgres', () => {
  it('all start, sharing one auth secret and one set of OAuth resources', async () => {
    const database = await createTestDatabase('postgres', { empty: true }); // they migrate it together
    try {
      const config = testConfig(database.settings);
      const apps = await Promise.all(
        [1, 2, 3].map(() => createApp({ config, logger: createLogger({ level: 'silent' }) })),
      );
      const jwks = await Promise.all(
        apps.map((app) => app.http.inject({ method: 'GET', url: '/api/v1/auth/jwks' })),
      );
      expect(new Set(jwks.map((response) => response.statusCode))).toEqual(new Set([200]));
      await Promise.all(apps.map((app) => app.close()));
    } finally {
      await database.drop();
    }
  });
});
