// Roles of several contacts at once (issue 17): choose contacts and a role, add or remove it.
// One request, all or nothing (POST /api/v1/contacts/roles). Stacked fields: fits a phone.
import { Button, Card, Group, MultiSelect, Select, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeContactRoles, type ContactOut, type ContactRole } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const ROLES: ContactRole[] = ['decision_maker', 'influencer', 'user', 'payer'];

export function ContactRolesBulk(props: { contacts: ContactOut[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState<string[]>([]);
  const [role, setRole] = useState<ContactRole | null>(null);
  const change = useMutation({
    mutationFn: (how: 'add' | 'remove') => changeContactRoles({ contactIds: ids, [how]: [role!] }),
    onSuccess: (res) => {
      setIds([]);
      props.onChanged();
      notifications.show({
        color: 'green',
        message: t('clients.bulkRoles.done', { count: res.items.length }),
      });
    },
  });
  const ready = ids.length > 0 && role !== null;
  return (
    <Card withBorder padding="sm" radius="sm" mt="md" data-testid="bulk-roles">
      <Title order={3} size="h5" mb="xs">
        {t('clients.bulkRoles.title')}
      </Title>
      <Stack gap="xs">
        <MultiSelect
          label={t('clients.bulkRoles.contacts')}
          data={props.contacts.map((c) => ({ value: c.id, label: c.name }))}
          value={ids}
          onChange={setIds}
          searchable
          clearable
        />
        <Select
          label={t('clients.bulkRoles.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`clients.roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as ContactRole | null)}
          allowDeselect={false}
        />
        <ErrorAlert error={change.error} />
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            disabled={!ready}
            loading={change.isPending && change.variables === 'add'}
            onClick={() => change.mutate('add')}
          >
            {t('clients.bulkRoles.add')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!ready}
            loading={change.isPending && change.variables === 'remove'}
            onClick={() => change.mutate('remove')}
          >
            {t('clients.bulkRoles.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
