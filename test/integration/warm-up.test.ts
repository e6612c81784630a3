import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraries } from '../../src/modules/assistant/libraries.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** The built-in assistant's first reply after a start: its libraries are loaded before anyone asks. */
describe('a server that offers the built-in assistant', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { model: 'offline' } });
  });
  afterAll(() => testApp.close());

  it('loads the assistant’s libraries in the background once it listens, with no chat asked for', async () => {
    expect(() => libraries()).toThrow(/before loading them/);
    const url = await testApp.app.listen();
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    await testApp.app.warmedUp();
    expect(libraries().chrono.parseDate('tomorrow at 5pm', new Date())).toBeInstanceOf(Date);
  });
});
