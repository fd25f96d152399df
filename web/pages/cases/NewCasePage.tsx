// Opening a case by hand: title, type, priority, stage, the client (searched by name) and one of
// its contacts, and an owner. `?clientId=` pre-selects the client (the client page links here).
import {
  Button,
  Card,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_TYPES,
  createCase,
  PRIORITIES,
  type CasePriority,
  type CaseType,
} from '../../api/cases.ts';
import { listClients, listContacts } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useClient } from '../../components/ClientLink.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { isInvalidField } from '../../format.ts';
import { navigate, useQueryParams } from '../../router.tsx';

export function NewCasePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUsers();
  const params = useQueryParams();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<CaseType>('request');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [stage, setStage] = useState('');
  const [clientId, setClientId] = useState<string | null>(params.clientId ?? null);
  const [contactId, setContactId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const clients = useQuery({
    queryKey: ['clients', 'pick', debouncedSearch],
    queryFn: () => listClients({ q: debouncedSearch || undefined, limit: 20 }),
  });
  const chosenClient = useClient(clientId);
  const contacts = useQuery({
    queryKey: ['contacts', clientId],
    queryFn: () => listContacts(clientId!),
    enabled: Boolean(clientId),
  });

  const options = [...(clients.data?.items ?? [])];
  if (chosenClient.data && !options.some((o) => o.id === chosenClient.data.id))
    options.unshift(chosenClient.data);

  const create = useMutation({
    mutationFn: () =>
      createCase({
        title: title.trim(),
        type,
        priority,
        stage: stage.trim() || undefined,
        clientId: clientId ?? undefined,
        contactId: contactId || undefined,
        ownerId: ownerId || undefined,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${created.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const fieldError = (field: string) =>
    isInvalidField(create.error, field) ? t('common.checkField') : undefined;

  return (
    <>
      <PageHeader title={t('cases.new.title')} />
      <Card withBorder radius="md" maw={760} component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            name="title"
            label={t('cases.fields.title')}
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              name="type"
              label={t('cases.fields.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as CaseType)}
              data={CASE_TYPES.map((v) => ({ value: v, label: t(`cases.types.${v}`) }))}
            />
            <NativeSelect
              name="priority"
              label={t('cases.fields.priority')}
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value as CasePriority)}
              data={PRIORITIES.map((v) => ({ value: v, label: t(`cases.priority.${v}`) }))}
            />
            <TextInput
              name="stage"
              label={t('cases.fields.stage')}
              maxLength={100}
              value={stage}
              onChange={(e) => setStage(e.currentTarget.value)}
              error={fieldError('stage')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('cases.fields.client')}
              placeholder={t('cases.new.searchClient')}
              searchable
              clearable
              filter={({ options: all }) => all}
              searchValue={search}
              onSearchChange={setSearch}
              value={clientId}
              onChange={(value) => {
                setClientId(value);
                setContactId('');
              }}
              data={options.map((o) => ({ value: o.id, label: o.name }))}
              nothingFoundMessage={t('cases.new.noClients')}
              comboboxProps={{ withinPortal: true }}
            />
            <NativeSelect
              name="contactId"
              label={t('cases.fields.contact')}
              value={contactId}
              disabled={!clientId}
              onChange={(e) => setContactId(e.currentTarget.value)}
              data={[
                { value: '', label: t('cases.new.noContact') },
                ...(contacts.data?.items ?? []).map((o) => ({
                  value: o.id,
                  label: o.email ? `${o.name} <${o.email}>` : o.name,
                })),
              ]}
            />
            <NativeSelect
              name="ownerId"
              label={t('cases.fields.owner')}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              data={[
                { value: '', label: t('cases.page.noOwner') },
                ...users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          </SimpleGrid>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/cases')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t('cases.new.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
