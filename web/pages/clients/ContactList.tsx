// A client's contacts: a table from Mantine's `xs` breakpoint (576 px) up, stacked cards below it,
// where a five-column table could only scroll sideways. Both show the same fields and actions.
// A contact who unsubscribed from client notifications wears a badge (an admin may re-subscribe).
import { Badge, Button, Card, Group, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ContactOut } from '../../api/clients.ts';
import { formatDateTime } from '../../format.ts';

interface Props {
  contacts: ContactOut[];
  /** Present when the user may edit: opens the preferences dialog for a contact. */
  onEditPreferences?: (contact: ContactOut) => void;
  /** Present for admins: opens the re-subscribe dialog for an unsubscribed contact. */
  onResubscribe?: (contact: ContactOut) => void;
  /** Present for admins: opens the contact's data dialog (export, erase, delete; issue 19). */
  onData?: (contact: ContactOut) => void;
}

/** The name, or "Erased contact" with a badge once the personal data is gone. */
function ContactName({ contact }: { contact: ContactOut }) {
  const { t } = useTranslation();
  if (!contact.erasedAt) return <>{contact.name}</>;
  return (
    <Group gap={4}>
      <Text span c="dimmed" fs="italic">
        {t('privacy.erasedName')}
      </Text>
      <Badge size="sm" color="gray" variant="light" style={{ textTransform: 'none' }}>
        {t('privacy.erased')}
      </Badge>
    </Group>
  );
}

function DataButton({ contact, onData }: { contact: ContactOut; onData?: Props['onData'] }) {
  const { t } = useTranslation();
  if (!onData) return null;
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="gray"
      mt={2}
      onClick={() => onData(contact)}
      data-testid="contact-data"
    >
      {t('privacy.data')}
    </Button>
  );
}

function Subscription({
  contact,
  onResubscribe,
}: {
  contact: ContactOut;
  onResubscribe?: (contact: ContactOut) => void;
}) {
  const { t, i18n } = useTranslation();
  // An erased contact is never written to again: its badge says so, nothing to re-subscribe.
  if (!contact.unsubscribedAt || contact.erasedAt) return null;
  const date = formatDateTime(contact.unsubscribedAt, i18n.language) ?? '';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        size="sm"
        color="orange"
        variant="light"
        style={{ textTransform: 'none' }}
        title={t('clients.contacts.unsubscribedSince', { date })}
        data-testid="unsubscribed-badge"
      >
        {t('clients.contacts.unsubscribed')}
      </Badge>
      {onResubscribe && (
        <Button size="compact-xs" variant="subtle" onClick={() => onResubscribe(contact)}>
          {t('clients.contacts.resubscribe')}
        </Button>
      )}
    </Group>
  );
}

function usePreferencesLine(): (contact: ContactOut) => string {
  const { t } = useTranslation();
  return (contact) =>
    [
      contact.preferredChannel && t(`care.card.channels.${contact.preferredChannel}`),
      contact.preferredTime,
      contact.language.toUpperCase(),
      contact.preferences,
    ]
      .filter(Boolean)
      .join(' · ');
}

function RoleBadges({ contact }: { contact: ContactOut }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {contact.roles.map((r) => (
        <Badge key={r} size="sm" variant="light" style={{ textTransform: 'none' }}>
          {t(`clients.roles.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}

function PreferencesButton({
  contact,
  onEdit,
  block,
}: {
  contact: ContactOut;
  onEdit?: (contact: ContactOut) => void;
  block?: boolean;
}) {
  const { t } = useTranslation();
  if (!onEdit) return null;
  return (
    <Button
      display={block ? 'block' : undefined}
      size="compact-xs"
      variant="subtle"
      mt={2}
      px={block ? 0 : undefined}
      onClick={() => onEdit(contact)}
    >
      {t('clients.contacts.editPreferences')}
    </Button>
  );
}

function ContactCards({ contacts, onEditPreferences, onResubscribe, onData }: Props) {
  const { t } = useTranslation();
  const preferencesLine = usePreferencesLine();
  const field = (label: string, value: string) => (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span size="sm" c="dimmed">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
  return (
    <Stack gap="xs">
      {contacts.map((contact) => {
        const preferences = preferencesLine(contact);
        return (
          <Card key={contact.id} withBorder padding="sm" radius="sm" data-testid="contact-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text component="div" fw={600} style={{ overflowWrap: 'anywhere' }}>
                <ContactName contact={contact} />
              </Text>
              <Group gap={0} wrap="nowrap">
                {!contact.erasedAt && (
                  <PreferencesButton contact={contact} onEdit={onEditPreferences} />
                )}
                <DataButton contact={contact} onData={onData} />
              </Group>
            </Group>
            <Stack gap={2} mt={4}>
              {field(t('clients.contacts.email'), contact.email ?? '—')}
              <Subscription contact={contact} onResubscribe={onResubscribe} />
              {field(t('clients.contacts.phone'), contact.phone ?? '—')}
              {contact.roles.length > 0 && <RoleBadges contact={contact} />}
              {preferences && (
                <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span size="xs" c="dimmed">
                    {t('care.card.preferences')}:{' '}
                  </Text>
                  {preferences}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function ContactTable({ contacts, onEditPreferences, onResubscribe, onData }: Props) {
  const { t } = useTranslation();
  const preferencesLine = usePreferencesLine();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.contacts.name')}</Table.Th>
            <Table.Th>{t('clients.contacts.email')}</Table.Th>
            <Table.Th>{t('clients.contacts.phone')}</Table.Th>
            <Table.Th>{t('clients.contacts.roles')}</Table.Th>
            <Table.Th>{t('care.card.preferences')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-testid="contact-row">
              <Table.Td>
                <ContactName contact={contact} />
                {/* Under the name, not in the last column: on a narrow tablet the table still scrolls sideways. */}
                <Group gap={0}>
                  {!contact.erasedAt && (
                    <PreferencesButton contact={contact} onEdit={onEditPreferences} block />
                  )}
                  <DataButton contact={contact} onData={onData} />
                </Group>
              </Table.Td>
              <Table.Td>
                {contact.email ?? '—'}
                <Subscription contact={contact} onResubscribe={onResubscribe} />
              </Table.Td>
              <Table.Td>{contact.phone ?? '—'}</Table.Td>
              <Table.Td>
                <RoleBadges contact={contact} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {preferencesLine(contact)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ContactList(props: Props) {
  const theme = useMantineTheme();
  // Read on the first render (a client-only app), so a phone never flashes the table first.
  // Only one layout is mounted, so tests and screen readers never meet a hidden twin of a button.
  const phone = useMediaQuery(`(width < ${theme.breakpoints.xs})`, undefined, {
    getInitialValueInEffect: false,
  });
  return phone ? <ContactCards {...props} /> : <ContactTable {...props} />;
}
