// What an initiative links: the feedback records with their words, the clients and the cases.
import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InitiativeDetailOut } from '../../api/backlog.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';

export function Links({ d }: { d: InitiativeDetailOut }) {
  const { t } = useTranslation();
  const none = (
    <Text size="sm" c="dimmed">
      {t('backlog.detail.none')}
    </Text>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('backlog.detail.feedback')} ({d.feedback.length})
        </Title>
        {d.feedback.length === 0 ? (
          none
        ) : (
          <Stack gap={6} data-testid="linked-feedback">
            {d.feedback.map((f) => (
              <div key={f.id}>
                <AnchorLink to={`/feedback/${f.id}`} size="sm">
                  {f.publicRef}
                </AnchorLink>{' '}
                {f.clientName && (
                  <Text span size="xs" c="dimmed">
                    {f.clientName}
                  </Text>
                )}
                {f.text && (
                  <Text size="sm" lineClamp={3}>
                    «{f.text}»
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('backlog.detail.clients')}
        </Title>
        {d.clients.length === 0 ? (
          none
        ) : (
          <List size="sm">
            {d.clients.map((c) => (
              <List.Item key={c.id}>
                <AnchorLink to={`/clients/${c.id}`}>{c.name}</AnchorLink>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('backlog.detail.cases')}
        </Title>
        {d.cases.length === 0 ? (
          none
        ) : (
          <List size="sm">
            {d.cases.map((c) => (
              <List.Item key={c.id}>
                <AnchorLink to={`/cases/${c.id}`}>{c.publicRef}</AnchorLink> {c.title}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </SimpleGrid>
  );
}
