// /calls: missed calls awaiting a call-back (first: they are the day's work), the call log,
// the import of PBX exports and the phone-line metrics. Tabs keep each part readable on a phone.
import { Button, Group, Loader, NumberInput, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCallSettings, listMissedCalls, setCallSettings } from '../../api/telephony.ts';
import { canWriteData } from '../../components/access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { CallCard } from './CallCard.tsx';
import { CallImport } from './CallImport.tsx';
import { CallLog } from './CallLog.tsx';
import { OperationsTable } from './OperationsTable.tsx';

function CallbackTarget() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['calls', 'settings'], queryFn: getCallSettings });
  const [minutes, setMinutes] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.callbackTargetMinutes);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => setCallSettings(Number(minutes)),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('telephony.targetSaved') });
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('telephony.target')}
          min={1}
          max={10080}
          value={minutes}
          onChange={setMinutes}
          w={200}
        />
        <Button
          variant="light"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!minutes}
        >
          {t('telephony.save')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

function MissedCalls() {
  const { t } = useTranslation();
  const { user } = useSession();
  const missed = useQuery({ queryKey: ['calls', 'missed'], queryFn: listMissedCalls });
  return (
    <Stack gap="sm">
      {missed.data && (
        <Text size="sm" c="dimmed">
          {t('telephony.missedIntro', { minutes: missed.data.targetMinutes })}
        </Text>
      )}
      <ErrorAlert error={missed.error} />
      {missed.isPending && <Loader size="sm" />}
      {missed.data && missed.data.items.length === 0 && (
        <Text c="dimmed" data-testid="missed-empty">
          {t('telephony.noMissed')}
        </Text>
      )}
      {missed.data?.items.map((call) => (
        <CallCard key={call.id} call={call} />
      ))}
      {can(user.role, 'org.manage') && <CallbackTarget />}
    </Stack>
  );
}

export function CallsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <PageHeader title={t('telephony.title')} intro={t('telephony.intro')} />
      <Tabs defaultValue="missed" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="missed">{t('telephony.tabs.missed')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('telephony.tabs.log')}</Tabs.Tab>
          <Tabs.Tab value="metrics">{t('telephony.tabs.metrics')}</Tabs.Tab>
          {canWriteData(user.role) && (
            <Tabs.Tab value="import">{t('telephony.tabs.import')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="missed">
          <MissedCalls />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <CallLog />
        </Tabs.Panel>
        <Tabs.Panel value="metrics">
          <OperationsTable />
        </Tabs.Panel>
        {canWriteData(user.role) && (
          <Tabs.Panel value="import">
            <CallImport />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
