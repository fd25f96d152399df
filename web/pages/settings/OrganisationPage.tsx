// The organisation's name, default language and time zone; admins can change them.
import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getOrg, updateOrg } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, isInvalidField } from '../../format.ts';
import { LANGUAGES, type Language } from '../../i18n.ts';
import { can } from '../../permissions.ts';
import { useSession, useUpdateSessionOrg } from '../../session.tsx';
import { timeZoneOptions } from '../../time-zones.ts';
import { RetentionPanel } from './RetentionPanel.tsx';

export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const updateSessionOrg = useUpdateSessionOrg();
  const org = useQuery({ queryKey: ['org'], queryFn: getOrg });
  const [name, setName] = useState('');
  const [defaultLanguage, setDefaultLanguage] = useState<Language>('ru');
  const [timeZone, setTimeZone] = useState('UTC');
  const [defaultCaseOwnerId, setDefaultCaseOwnerId] = useState('');
  const [requireTwoFactor, setRequireTwoFactor] = useState(false);
  const users = useUsers();
  const zones = useMemo(() => timeZoneOptions(org.data?.timeZone), [org.data?.timeZone]);
  const editable = can(user.role, 'org.manage');

  useEffect(() => {
    if (!org.data) return;
    setName(org.data.name);
    setDefaultLanguage(org.data.defaultLanguage);
    setTimeZone(org.data.timeZone);
    setDefaultCaseOwnerId(org.data.defaultCaseOwnerId ?? '');
    setRequireTwoFactor(org.data.requireTwoFactor);
  }, [org.data]);

  const save = useMutation({
    mutationFn: updateOrg,
    onSuccess: (saved) => {
      updateSessionOrg(saved); // the header shows the new name at once
      void org.refetch();
      notifications.show({ color: 'green', message: t('common.saved') });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      name,
      defaultLanguage,
      timeZone,
      defaultCaseOwnerId: defaultCaseOwnerId || null,
      requireTwoFactor,
    });
  }

  return (
    <>
      <PageHeader title={t('org.title')} />
      <ErrorAlert error={org.error} />
      {org.data && (
        <Paper withBorder p="md" radius="md" maw={520}>
          <form onSubmit={submit}>
            <Stack gap="sm">
              {!editable && <Alert variant="light">{t('org.readOnly')}</Alert>}
              <TextInput
                label={t('org.name')}
                name="name"
                required
                maxLength={200}
                readOnly={!editable}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={isInvalidField(save.error, 'name') ? t('common.checkField') : undefined}
              />
              <NativeSelect
                label={t('org.defaultLanguage')}
                name="defaultLanguage"
                disabled={!editable}
                value={defaultLanguage}
                onChange={(e) => setDefaultLanguage(e.currentTarget.value as Language)}
                data={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`) }))}
              />
              <Select
                label={t('org.timeZone')}
                description={t('org.timeZoneHint')}
                name="timeZone"
                searchable
                allowDeselect={false}
                disabled={!editable}
                value={timeZone}
                onChange={(value) => value && setTimeZone(value)}
                data={zones}
                nothingFoundMessage={t('org.timeZoneNothingFound')}
                comboboxProps={{ withinPortal: true }}
                error={isInvalidField(save.error, 'timeZone') ? t('common.checkField') : undefined}
              />
              <NativeSelect
                label={t('org.defaultCaseOwner')}
                description={t('org.defaultCaseOwnerHint')}
                name="defaultCaseOwnerId"
                disabled={!editable}
                value={defaultCaseOwnerId}
                onChange={(e) => setDefaultCaseOwnerId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('org.noDefaultCaseOwner') },
                  ...users
                    .filter((u) => !u.disabled || u.id === defaultCaseOwnerId)
                    .map((u) => ({ value: u.id, label: u.name })),
                ]}
              />
              <Checkbox
                label={t('security.requireLabel')}
                description={t('security.requireHint')}
                name="requireTwoFactor"
                disabled={!editable}
                checked={requireTwoFactor}
                onChange={(e) => setRequireTwoFactor(e.currentTarget.checked)}
              />
              <Text size="sm" c="dimmed">
                {t('org.createdAt')}: {formatDateTime(org.data.createdAt, i18n.language)}
              </Text>
              <ErrorAlert error={save.error} />
              {editable && (
                <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('common.save')}
                </Button>
              )}
            </Stack>
          </form>
        </Paper>
      )}
      {org.data && <RetentionPanel editable={editable} />}
    </>
  );
}
