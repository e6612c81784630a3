import type { SetupState } from '@server/modules/identity/schema';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** PASSWORD_MIN_LENGTH's default, shown until the server has answered. */
const defaultMinLength = 10;

/** The shortest password the server accepts (its PASSWORD_MIN_LENGTH), for hints and checks. */
export function usePasswordMinLength(): number {
  const { data } = useQuery({
    queryKey: ['setup'],
    queryFn: () => api<SetupState>('/api/v1/setup'),
    staleTime: Infinity,
  });
  return data?.password_min_length ?? defaultMinLength;
}
