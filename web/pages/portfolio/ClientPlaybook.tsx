// The playbook of the client's cell on the card's portfolio tab: each action with its state —
// due, done on …, next on … — and a "done" button (the same mark as in the care inbox).
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getClientPlaybook, markPlaybookDone } from '../../api/portfolio.ts';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { PortfolioError } from './PortfolioError.tsx';

export function ClientPlaybook({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { user } = useSession();
  const client = useQueryClient();
  const playbook = useQuery({
    queryKey: ['portfolio', 'client-playbook', clientId],
    queryFn: () => getClientPlaybook(clientId),
  });
  const done = useMutation({
    mutationFn: (actionId: string) => markPlaybookDone(clientId, actionId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['portfolio', 'client-playbook', clientId] });
      await client.invalidateQueries({ queryKey: ['reminders'] });
      notifications.show({ color: 'green', message: t('portfolio.card.marked') });
    },
  });
  const data = playbook.data;
  if (data && !data.cell) return null;
  return (
    <section data-testid="client-playbook">
      <Title order={2} size="h5" mb="xs">
        {t('portfolio.card.playbook')}
      </Title>
      <PortfolioError error={playbook.error ?? done.error} />
      {data && data.actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('portfolio.card.noPlaybook')}
        </Text>
      )}
      <Stack gap="xs">
        {data?.actions.map((a) => (
          <Card key={a.id} withBorder padding="xs" radius="sm" data-testid="playbook-state">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div>
                <Text size="sm" fw={600}>
                  {lng.startsWith('ru') ? a.titleRu : a.titleEn}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('portfolio.card.every', { count: a.everyDays })}
                  {' · '}
                  {a.lastDoneAt
                    ? t('portfolio.card.doneOn', { date: formatDateTime(a.lastDoneAt, lng) })
                    : t('portfolio.card.never')}
                </Text>
              </div>
              <Group gap="xs">
                {a.due ? (
                  <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                    {t('portfolio.card.due')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
                    {t('portfolio.card.nextOn', { date: formatDateTime(a.nextAt, lng) })}
                  </Badge>
                )}
                {can(user.role, 'data.write') && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={done.isPending && done.variables === a.id}
                    onClick={() => done.mutate(a.id)}
                  >
                    {t('portfolio.card.markDone')}
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
