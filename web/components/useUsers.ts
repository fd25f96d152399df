// The organisation's people, for owner names and the "assign" select. Shares the cache entry
// of the People page; roles that may not list people simply get no names.
import { useQuery } from '@tanstack/react-query';
import { listUsers, type UserOut } from '../api/orgs.ts';
import { can } from '../permissions.ts';
import { useSession } from '../session.tsx';

export function useUsers(): UserOut[] {
  const { user } = useSession();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => listUsers(),
    enabled: can(user.role, 'users.read'),
    staleTime: 60_000,
  });
  return users.data?.items ?? [];
}
