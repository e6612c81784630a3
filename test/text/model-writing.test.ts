import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const story =
  'The river rose for three days. Farmers moved their animals to the hills. The old bridge held, although water covered the road. On the fourth day the rain stopped and the water fell. Everyone agreed the new levee had saved the town.';

describe('text tools that write, with a configured model', () => {
  let model: FakeModelServer;
  let testApp: TestApp;
  let alice: ReturnType<typeof actingAs>;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('embedded', {
      settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl },
    });
    const user = await seedUser(testApp.app, { email: 'alice@example.com' });
    alice = actingAs({ userId: user.id, role: 'user' });
  });
  afterAll(async () => {
    await testApp.close();
    await model.close();
  });

  it('writes an abstractive summary with the model, and says so', async () => {
    model.script({ text: 'A flood threatened the town, but the new levee held.' });
    const result = await testApp.app.tools.call(alice, 'summarize_text', {
      text: story,
      summary_type: 'abstractive',
    });
    expect(result.structuredContent).toMatchObject({
      summary: 'A flood threatened the town, but the new levee held.',
      method: 'model:openai-compatible:fake-model',
    });
    const sent = model.requests.at(-1);
    expect(sent?.messages.at(-1)?.content).toBe(story);
    expect(String(sent?.messages[0]?.content)).toMatch(/Summarize/);
  });

  it('keeps the extractive summary and says why when the model fails', async () => {
    model.script({ status: 500, error: 'down' }, { status: 500, error: 'down' });
    const result = await testApp.app.tools.call(alice, 'summarize_text', {
      text: story,
      summary_type: 'abstractive',
    });
    expect(result.isError).toBe(false);
    expect(String(result.structuredContent.method)).toMatch(/^offline:textrank.*the model failed/);
    expect(story).toContain(String(result.structuredContent.summary).split('. ')[0]);
  });

  it('rewrites a text in another tone with the model', async () => {
    model.script({ text: 'The delivery arrived later than planned, and we appreciate your patience.' });
    const result = await testApp.app.tools.call(alice, 'transform_sentiment', {
      text: 'The delivery was terribly late and the service was awful.',
      target_sentiment: 'positive',
    });
    expect(result.structuredContent).toMatchObject({
      method: 'model:openai-compatible:fake-model',
      transformed_text: 'The delivery arrived later than planned, and we appreciate your patience.',
      changed: true,
      current: { label: 'negative' },
    });
  });
});
