// A client's name linking to its page. Each client is fetched once and cached by React Query,
// so a list of many rows for few clients costs few requests.
import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getClient } from '../api/clients.ts';
import { onLinkClick } from '../router.tsx';

export function useClient(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['client', clientId],
    queryFn: () => getClient(clientId!),
    enabled: Boolean(clientId),
    staleTime: 60_000,
  });
}

export function ClientLink({ clientId, size = 'sm' }: { clientId: string | null; size?: string }) {
  const client = useClient(clientId);
  if (!clientId) return null;
  const href = `/clients/${clientId}`;
  return (
    <Anchor href={href} size={size} onClick={(e) => onLinkClick(e, href)}>
      {client.data?.name ?? (
        <Text span c="dimmed" size={size}>
          …
        </Text>
      )}
    </Anchor>
  );
}
