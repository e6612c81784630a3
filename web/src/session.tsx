import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import type { User } from './api/types';

/** The signed-in user. The server only serves app pages to signed-in users, so this is there after the first load. */
export function useCurrentUser() {
  return useQuery({ queryKey: ['me'], queryFn: () => api<User>('/api/v1/me'), staleTime: 60_000 });
}

/** Ends the session and goes to the sign-in page. */
export async function signOut() {
  await api('/api/v1/auth/sign-out', { method: 'POST', body: {} }).catch(() => undefined);
  location.assign('/signin');
}
