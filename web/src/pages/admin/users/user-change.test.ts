import { describe, expect, it } from 'vitest';
import type { User } from '../../../api/types';
import { changeText } from './user-change';

const bea: User = {
  id: 'u2',
  email: 'bea@example.com',
  name: 'Bea',
  role: 'admin',
  active: true,
  last_sign_in_at: null,
  created_at: '2026-12-01T10:00:00Z',
  time_zone: null,
  week_start: 'monday',
};

describe('the words asking to confirm a change to an account', () => {
  it('says a deactivated user is signed out, and warns an admin deactivating themselves', () => {
    expect(changeText({ user: bea, fields: { active: false } }, 'u1').body).toMatch(/signed out everywhere/);
    expect(changeText({ user: bea, fields: { active: false } }, 'u2').body).toMatch(/You will be signed out/);
  });

  it('warns an admin removing their own admin role that they lose this page', () => {
    const text = changeText({ user: bea, fields: { role: 'user' } }, 'u2');
    expect(text.body).toMatch(/lose access/);
    expect(text.danger).toBe(true);
    expect(changeText({ user: bea, fields: { role: 'admin' } }, 'u1').confirm).toBe('Make admin');
  });
});
