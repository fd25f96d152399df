// One client: its details, contact people (with "add contact"), recent feedback and cases.
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byRisk, listCases } from '../../api/cases.ts';
import { listContacts } from '../../api/clients.ts';
import { listFeedback } from '../../api/feedback.ts';
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useClient } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FeedbackCard } from '../../components/FeedbackCard.tsx';
import { Field } from '../../components/Field.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { onLinkClick, useRouteParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { AddContactModal } from './AddContactModal.tsx';

export function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const writable = canWriteData(user.role);
  const client = useClient(id);
  const contacts = useQuery({ queryKey: ['contacts', id], queryFn: () => listContacts(id) });
  const feedback = useQuery({ queryKey: ['feedback', 'client', id], queryFn: () => listFeedback({ clientId: id, limit: 10 }) });
  const cases = useQuery({ queryKey: ['cases', 'client', id], queryFn: () => listCases({ clientId: id, limit: 50 }) });
  const [adding, setAdding] = useState(false);

  if (client.isPending) return <Loader size="sm" />;
  if (!client.data) return <ErrorAlert error={client.error} />;
  const c = client.data;
  const newCase = `/cases/new?clientId=${encodeURIComponent(id)}`;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{c.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>{t(`clients.kinds.${c.kind}`)}</Badge>
            {c.segment && <Badge variant="light" style={{ textTransform: 'none' }}>{c.segment}</Badge>}
          </Group>
        </div>
        {writable && <Button variant="light" component="a" href={newCase} onClick={(e) => onLinkClick(e, newCase)}>{t('cases.new.button')}</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('clients.externalId')}>{c.externalId ?? '—'}</Field>
      </SimpleGrid>

      <section>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('clients.contacts.title')}</Title>
          {writable && <Button size="xs" onClick={() => setAdding(true)}>{t('clients.contacts.add')}</Button>}
        </Group>
        <ErrorAlert error={contacts.error} />
        {contacts.data?.items.length === 0 && <Text c="dimmed" size="sm">{t('clients.contacts.empty')}</Text>}
        {contacts.data && contacts.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.contacts.name')}</Table.Th>
                  <Table.Th>{t('clients.contacts.email')}</Table.Th>
                  <Table.Th>{t('clients.contacts.phone')}</Table.Th>
                  <Table.Th>{t('clients.contacts.roles')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contacts.data.items.map((contact) => (
                  <Table.Tr key={contact.id} data-testid="contact-row">
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.email ?? '—'}</Table.Td>
                    <Table.Td>{contact.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>{contact.roles.map((r) => <Badge key={r} size="sm" variant="light" style={{ textTransform: 'none' }}>{t(`clients.roles.${r}`)}</Badge>)}</Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <section>
          <Title order={2} size="h4" mb="xs">{t('clients.cases')}</Title>
          <ErrorAlert error={cases.error} />
          {cases.data?.items.length === 0 && <Text c="dimmed" size="sm">{t('clients.noCases')}</Text>}
          <Stack gap="xs">
            {[...(cases.data?.items ?? [])].sort(byRisk).map((item) => (
              <Card key={item.id} withBorder padding="xs" radius="sm">
                <AnchorLink to={`/cases/${item.id}`} size="sm" fw={600}>{item.title}</AnchorLink>
                <Group gap={6} mt={4}>
                  <StatusBadge status={item.status} />
                  <DueBadge dueAt={item.dueAt} breachedAt={item.breachedAt} done={item.status === 'resolved' || item.status === 'closed'} />
                </Group>
              </Card>
            ))}
          </Stack>
        </section>
        <section>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">{t('clients.feedback')}</Title>
          </Group>
          <ErrorAlert error={feedback.error} />
          {feedback.data?.items.length === 0 && <Text c="dimmed" size="sm">{t('clients.noFeedback')}</Text>}
          <Stack gap="xs">{feedback.data?.items.map((item) => <FeedbackCard key={item.id} item={item} showClient={false} />)}</Stack>
        </section>
      </SimpleGrid>

      <AddContactModal
        clientId={id}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(contact) => {
          setAdding(false);
          void queryClient.invalidateQueries({ queryKey: ['contacts', id] });
          notifications.show({ color: 'green', message: t('clients.contacts.added', { name: contact.name }) });
        }}
      />
    </Stack>
  );
}
