import { describe, expect, it } from 'vitest';
import { screenshot, setUpAdmin, signIn, useServerAndBrowser } from './harness.js';

describe('signing in', () => {
  const e2e = useServerAndBrowser();

  it('sends the first visitor to set up the admin, then into the app', async () => {
    const { page, context, consoleErrors } = await e2e.visitor();
    await page.goto('/tasks');
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.getByLabel('Name').waitFor();
    await screenshot(page, 'setup');
    await setUpAdmin(page);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it('redirects a signed-out deep link to sign in, and lands there afterwards', async () => {
    const { page, context, consoleErrors } = await e2e.visitor();
    const response = await page.goto('/tasks?status=pending');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/tasks?status=pending');
    expect(response?.request().redirectedFrom()?.url()).toContain('/tasks');
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'signin');
    await signIn(page, 'ada@example.com');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/tasks?status=pending');
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it('shows a wrong password as a message on the page', async () => {
    const { page, context } = await e2e.visitor();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/email or password/i);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });
});
