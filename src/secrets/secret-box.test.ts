import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretUnreadableError } from './secret-box.js';

const authSecret = 'a'.repeat(32);

describe('the secret box', () => {
  const box = createSecretBox(authSecret, 'test secrets');

  it('seals a value so it reads back only with the same key and context', () => {
    const sealed = box.seal('Bearer sk-123', 'server-1/headers/Authorization');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('sk-123');
    expect(box.seal('Bearer sk-123', 'server-1/headers/Authorization')).not.toBe(sealed);
    expect(box.open(sealed, 'server-1/headers/Authorization')).toBe('Bearer sk-123');
    expect(() => box.open(sealed, 'server-2/headers/Authorization')).toThrow(SecretUnreadableError);
    expect(() =>
      createSecretBox('b'.repeat(32), 'test secrets').open(sealed, 'server-1/headers/Authorization'),
    ).toThrow(SecretUnreadableError);
    expect(() =>
      createSecretBox(authSecret, 'other use').open(sealed, 'server-1/headers/Authorization'),
    ).toThrow(SecretUnreadableError);
  });

  it('refuses a sealed value that was altered', () => {
    const sealed = box.seal('token', 'context');
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(altered, 'context')).toThrow(SecretUnreadableError);
  });

  it('reads a value stored before sealing as it is', () => {
    expect(box.isSealed('plain-key')).toBe(false);
    expect(box.open('plain-key', 'context')).toBe('plain-key');
  });
});
