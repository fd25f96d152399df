// The care fields of a client card (tier, manager, status, corporate specifics, estimated annual
// budget, strategic fit) with an inline editor, and the requirements in effect so nobody opens a
// case without seeing them.
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, updateClientCard, type ClientStatus } from '../../api/care.ts';
import type { ClientOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Field } from '../../components/Field.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { formatMoney, isInvalidField } from '../../format.ts';
import { RequirementList } from './RequirementList.tsx';

export function ClientCardOverview({ client, writable }: { client: ClientOut; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    tier: '',
    managerId: '',
    status: 'active' as ClientStatus,
    corporateSpecifics: '',
    budget: '' as number | string,
    strategicFit: '' as number | string,
  });
  const numberOrNull = (v: number | string) => (v === '' ? null : Number(v));
  const save = useMutation({
    mutationFn: () =>
      updateClientCard(client.id, {
        tier: form.tier.trim() || null,
        managerId: form.managerId || null,
        status: form.status,
        corporateSpecifics: form.corporateSpecifics.trim() || null,
        estimatedAnnualBudget: numberOrNull(form.budget),
        strategicFit: numberOrNull(form.strategicFit),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['client', client.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      setEditing(false);
      notifications.show({ color: 'green', message: t('care.card.saved') });
    },
  });
  const fieldError = (name: string) =>
    isInvalidField(save.error, name) ? t('common.checkField') : undefined;
  // Numbers written the way the interface language writes them (1 234,50 / 1,234.50).
  const ru = i18n.language.startsWith('ru');
  const managerName = client.managerId
    ? (users.find((u) => u.id === client.managerId)?.name ?? client.managerId)
    : t('care.card.noManager');
  const startEditing = () => {
    setForm({
      tier: client.tier ?? '',
      managerId: client.managerId ?? '',
      status: client.status,
      corporateSpecifics: client.corporateSpecifics ?? '',
      budget: client.estimatedAnnualBudget ?? '',
      strategicFit: client.strategicFit ?? '',
    });
    save.reset();
    setEditing(true);
  };

  return (
    <Stack gap="md">
      {!editing && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('care.card.status')}>
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {t(`care.card.statuses.${client.status}`)}
              </Badge>
            </Field>
            <Field label={t('care.card.tier')}>{client.tier ?? '—'}</Field>
            <Field label={t('care.card.manager')}>{managerName}</Field>
            <Field label={t('clients.externalId')}>{client.externalId ?? '—'}</Field>
            <Field label={t('clients.economics.budget')}>
              <span data-testid="client-budget">
                {formatMoney(client.estimatedAnnualBudget, i18n.language)}
              </span>
            </Field>
            <Field label={t('clients.economics.strategicFit')}>
              <span data-testid="client-fit">
                {client.strategicFit === null
                  ? '—'
                  : t('clients.economics.fitOf', { fit: client.strategicFit })}
              </span>
            </Field>
          </SimpleGrid>
          <Field label={t('care.card.corporateSpecifics')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {client.corporateSpecifics ?? '—'}
            </Text>
          </Field>
          {writable && (
            <Group>
              <Button size="xs" variant="light" onClick={startEditing}>
                {t('care.card.edit')}
              </Button>
            </Group>
          )}
        </>
      )}
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm" maw={560}>
            <ErrorAlert error={save.error} />
            <NativeSelect
              label={t('care.card.status')}
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.currentTarget.value as ClientStatus })}
              data={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`care.card.statuses.${s}`) }))}
            />
            <TextInput
              label={t('care.card.tier')}
              value={form.tier}
              maxLength={50}
              onChange={(e) => setForm({ ...form, tier: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('care.card.manager')}
              value={form.managerId}
              onChange={(e) => setForm({ ...form, managerId: e.currentTarget.value })}
              data={[
                { value: '', label: t('care.card.noManager') },
                ...users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
            <Textarea
              label={t('care.card.corporateSpecifics')}
              autosize
              minRows={2}
              maxLength={4000}
              value={form.corporateSpecifics}
              onChange={(e) => setForm({ ...form, corporateSpecifics: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                name="estimatedAnnualBudget"
                label={t('clients.economics.budget')}
                description={t('clients.economics.budgetHint')}
                min={0}
                max={1e12}
                decimalScale={2}
                thousandSeparator={ru ? ' ' : ','}
                decimalSeparator={ru ? ',' : '.'}
                hideControls
                value={form.budget}
                onChange={(v) => setForm({ ...form, budget: v })}
                error={fieldError('estimatedAnnualBudget')}
              />
              <NumberInput
                name="strategicFit"
                label={t('clients.economics.strategicFit')}
                description={t('clients.economics.strategicFitHint')}
                min={0}
                max={100}
                allowDecimal={false}
                allowNegative={false}
                value={form.strategicFit}
                onChange={(v) => setForm({ ...form, strategicFit: v })}
                error={fieldError('strategicFit')}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('care.card.save')}
              </Button>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('care.card.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <RequirementList clientId={client.id} onlyInEffect />
    </Stack>
  );
}
