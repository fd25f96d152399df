// One client as tabs: overview (card fields, requirements in effect, cases, recent feedback),
// contacts (with preferences), important dates, special requirements, economics and the timeline.
// The tab lives in the query string (?tab=dates), so reminders can link straight to it.
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byRisk, listCases } from '../../api/cases.ts';
import { listContacts, type ContactOut } from '../../api/clients.ts';
import { listFeedback } from '../../api/feedback.ts';
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useClient } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FeedbackCard } from '../../components/FeedbackCard.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { onLinkClick, setQueryParams, useQueryParams, useRouteParams } from '../../router.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { AddContactModal } from './AddContactModal.tsx';
import { ContactList } from './ContactList.tsx';
import { ContactPreferencesModal } from './ContactPreferencesModal.tsx';
import { ContactRolesBulk } from './ContactRolesBulk.tsx';
import { ResubscribeModal } from './ResubscribeModal.tsx';
import { ContactDataModal } from './ContactDataModal.tsx';
import { ClientDeleteButton } from './ClientDeleteButton.tsx';
import { ClientCardOverview } from '../care/ClientCardOverview.tsx';
import { ClientDatesTab } from '../care/ClientDatesTab.tsx';
import { ClientRequirementsTab } from '../care/ClientRequirementsTab.tsx';
import { ClientTimelineTab } from '../care/ClientTimelineTab.tsx';
import { ClientEconomicsTab } from '../economics/ClientEconomicsTab.tsx';
import { ClientPortfolioTab } from '../portfolio/ClientPortfolioTab.tsx';
import { ClientOpportunitiesTab } from '../opportunities/ClientOpportunitiesTab.tsx';

const TABS = [
  'overview',
  'contacts',
  'dates',
  'requirements',
  'economics',
  'portfolio',
  'opportunities',
  'timeline',
] as const;
/** Tabs whose label lives in their own module's catalogue rather than care.tabs. */
const TAB_LABELS: Record<string, string> = { portfolio: 'portfolio.tab' };

export function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const writable = canWriteData(user.role);
  const client = useClient(id);
  const contacts = useQuery({ queryKey: ['contacts', id], queryFn: () => listContacts(id) });
  const feedback = useQuery({
    queryKey: ['feedback', 'client', id],
    queryFn: () => listFeedback({ clientId: id, limit: 10 }),
  });
  const cases = useQuery({
    queryKey: ['cases', 'client', id],
    queryFn: () => listCases({ clientId: id, limit: 50 }),
  });
  const [adding, setAdding] = useState(false);
  const [editingContact, setEditingContact] = useState<ContactOut | null>(null);
  const [resubscribing, setResubscribing] = useState<ContactOut | null>(null);
  const [dataOf, setDataOf] = useState<ContactOut | null>(null);
  const admin = can(user.role, 'org.manage');
  const query = useQueryParams();
  const tab = (TABS as readonly string[]).includes(query.tab ?? '') ? query.tab! : 'overview';

  if (client.isPending) return <Loader size="sm" />;
  if (!client.data) return <ErrorAlert error={client.error} />;
  const c = client.data;
  const newCase = `/cases/new?clientId=${encodeURIComponent(id)}`;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {c.name}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t(`clients.kinds.${c.kind}`)}
            </Badge>
            {c.segment && (
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {c.segment}
              </Badge>
            )}
            {c.tier && (
              <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
                {c.tier}
              </Badge>
            )}
          </Group>
        </div>
        {writable && (
          <Group gap="xs">
            {/* In the header, not on the contacts tab, so a contact can be added from any tab. */}
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('clients.contacts.add')}
            </Button>
            <Button
              variant="light"
              component="a"
              href={newCase}
              onClick={(e) => onLinkClick(e, newCase)}
            >
              {t('cases.new.button')}
            </Button>
            {admin && <ClientDeleteButton client={c} />}
          </Group>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setQueryParams({ ...query, tab: v === 'overview' ? undefined : v })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(TAB_LABELS[key] ?? `care.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="lg">
            <ClientCardOverview client={c} writable={writable} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <section>
                <Title order={2} size="h4" mb="xs">
                  {t('clients.cases')}
                </Title>
                <ErrorAlert error={cases.error} />
                {cases.data?.items.length === 0 && (
                  <Text c="dimmed" size="sm">
                    {t('clients.noCases')}
                  </Text>
                )}
                <Stack gap="xs">
                  {[...(cases.data?.items ?? [])].sort(byRisk).map((item) => (
                    <Card key={item.id} withBorder padding="xs" radius="sm">
                      <AnchorLink to={`/cases/${item.id}`} size="sm" fw={600}>
                        {item.title}
                      </AnchorLink>
                      <Group gap={6} mt={4}>
                        <StatusBadge status={item.status} />
                        <DueBadge
                          dueAt={item.dueAt}
                          breachedAt={item.breachedAt}
                          done={item.status === 'resolved' || item.status === 'closed'}
                        />
                      </Group>
                    </Card>
                  ))}
                </Stack>
              </section>
              <section>
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h4">
                    {t('clients.feedback')}
                  </Title>
                </Group>
                <ErrorAlert error={feedback.error} />
                {feedback.data?.items.length === 0 && (
                  <Text c="dimmed" size="sm">
                    {t('clients.noFeedback')}
                  </Text>
                )}
                <Stack gap="xs">
                  {feedback.data?.items.map((item) => (
                    <FeedbackCard key={item.id} item={item} showClient={false} />
                  ))}
                </Stack>
              </section>
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <section>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('clients.contacts.title')}
              </Title>
            </Group>
            <ErrorAlert error={contacts.error} />
            {contacts.data?.items.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('clients.contacts.empty')}
              </Text>
            )}
            {contacts.data && contacts.data.items.length > 0 && (
              <ContactList
                contacts={contacts.data.items}
                onEditPreferences={writable ? setEditingContact : undefined}
                onResubscribe={admin ? setResubscribing : undefined}
                onData={admin ? setDataOf : undefined}
              />
            )}
            {writable && contacts.data && contacts.data.items.length > 1 && (
              <ContactRolesBulk
                contacts={contacts.data.items}
                onChanged={() => void queryClient.invalidateQueries({ queryKey: ['contacts', id] })}
              />
            )}
          </section>
        </Tabs.Panel>
        <Tabs.Panel value="dates" pt="md">
          <ClientDatesTab clientId={id} contacts={contacts.data?.items ?? []} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="requirements" pt="md">
          <ClientRequirementsTab clientId={id} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="economics" pt="md">
          <ClientEconomicsTab clientId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="portfolio" pt="md">
          <ClientPortfolioTab client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="opportunities" pt="md">
          <ClientOpportunitiesTab clientId={id} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <ClientTimelineTab clientId={id} writable={writable} />
        </Tabs.Panel>
      </Tabs>

      <ContactPreferencesModal
        contact={editingContact}
        onClose={() => setEditingContact(null)}
        onSaved={() => {
          setEditingContact(null);
          void queryClient.invalidateQueries({ queryKey: ['contacts', id] });
          notifications.show({ color: 'green', message: t('clients.contacts.preferencesSaved') });
        }}
      />
      <ResubscribeModal
        contact={resubscribing}
        onClose={() => setResubscribing(null)}
        onDone={(contact) => {
          setResubscribing(null);
          void queryClient.invalidateQueries({ queryKey: ['contacts', id] });
          notifications.show({
            color: 'green',
            message: t('clients.contacts.resubscribed', { name: contact.name }),
          });
        }}
      />
      <ContactDataModal
        contact={dataOf}
        onClose={() => setDataOf(null)}
        onChanged={(deleted) => {
          setDataOf(null);
          void queryClient.invalidateQueries({ queryKey: ['contacts', id] });
          const message = t(deleted ? 'privacy.deleteContactDone' : 'privacy.erasedDone');
          notifications.show({ color: 'green', message });
        }}
      />
      <AddContactModal
        clientId={id}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(contact) => {
          setAdding(false);
          void queryClient.invalidateQueries({ queryKey: ['contacts', id] });
          setQueryParams({ ...query, tab: 'contacts' });
          notifications.show({
            color: 'green',
            message: t('clients.contacts.added', { name: contact.name }),
          });
        }}
      />
    </Stack>
  );
}
