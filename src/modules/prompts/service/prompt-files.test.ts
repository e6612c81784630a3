import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { actingAs, type UserActor } from '../../../actor.js';
import { ForbiddenError } from '../../../errors.js';

const reviewFile = `---
title: Code review
description: Review a change
arguments:
  - name: language
    required: true
    enum: [TypeScript, Python]
tags: [dev]
---
Review this {{language}} change carefully.
`;

describe('prompts from PROMPTS_DIR', () => {
  let testApp: TestApp;
  let promptsDir: string;
  let user: UserActor;

  beforeAll(async () => {
    promptsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-prompts-'));
    fs.writeFileSync(path.join(promptsDir, 'review.md'), reviewFile);
    fs.writeFileSync(path.join(promptsDir, 'broken.md'), 'Hello {{undeclared}}');
    fs.writeFileSync(path.join(promptsDir, 'notes.txt'), 'not a prompt');
    testApp = await buildTestApp('embedded', { settings: { promptsDir } });
    await testApp.app.listen();
    const seeded = await seedUser(testApp.app, { email: 'files@example.com' });
    user = actingAs({ userId: seeded.id, role: 'user', via: 'http' });
  });
  afterAll(async () => {
    await testApp.close();
    fs.rmSync(promptsDir, { recursive: true, force: true });
  });

  it('loads every valid Markdown file at start, shared with everyone and read-only', async () => {
    const review = await testApp.app.prompts.findByName(user, 'review');
    expect(review).toMatchObject({
      title: 'Code review',
      visibility: 'shared',
      tags: ['dev'],
      mine: false,
      arguments: [{ name: 'language', required: true, enum: ['TypeScript', 'Python'] }],
    });
    expect((await testApp.app.prompts.render(user, review?.id ?? '', { language: 'Python' })).text).toBe(
      'Review this Python change carefully.',
    );
    expect(await testApp.app.prompts.findByName(user, 'broken')).toBeUndefined();
    await expect(
      testApp.app.prompts.update(user, review?.id ?? '', { template: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('gives an unchanged file no new version when the files are read again', async () => {
    // A prompt with several argument fields: jsonb gives them back in its own key order.
    fs.writeFileSync(path.join(promptsDir, 'review.md'), reviewFile);
    // Files are read in name order: once this one is loaded, review.md has been compared.
    fs.writeFileSync(path.join(promptsDir, 'zz-last.md'), 'Another prompt');
    await expect
      .poll(async () => (await testApp.app.prompts.findByName(user, 'zz-last'))?.template, { timeout: 5_000 })
      .toBe('Another prompt');
    const review = await testApp.app.prompts.findByName(user, 'review');
    expect(
      (await testApp.app.prompts.versions(user, review?.id ?? '')).map((version) => version.version),
    ).toEqual([1]);
  });

  it('reloads when a file changes, keeping the old version, and forgets a deleted file', async () => {
    fs.writeFileSync(path.join(promptsDir, 'review.md'), reviewFile.replace('carefully', 'briefly'));
    await expect
      .poll(async () => (await testApp.app.prompts.findByName(user, 'review'))?.template, { timeout: 5_000 })
      .toBe('Review this {{language}} change briefly.');
    const review = await testApp.app.prompts.findByName(user, 'review');
    expect(
      (await testApp.app.prompts.versions(user, review?.id ?? '')).map((version) => version.version),
    ).toEqual([2, 1]);

    fs.rmSync(path.join(promptsDir, 'review.md'));
    await expect
      .poll(async () => testApp.app.prompts.findByName(user, 'review'), { timeout: 5_000 })
      .toBeUndefined();
  });
});
