// The retention of free texts (issue 19) on the organisation page: feedback texts and case
// replies older than N months are anonymised by the worker; empty keeps them for ever (the
// default). Admins change it; everyone else reads it.
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRetention, setRetention } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';

export function RetentionPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: ['retention'], queryFn: getRetention });
  const [months, setMonths] = useState<number | string>('');
  useEffect(() => {
    if (current.data) setMonths(current.data.textMonths ?? '');
  }, [current.data]);
  const save = useMutation({
    mutationFn: () => setRetention(typeof months === 'number' ? months : null),
    onSuccess: () => {
      void current.refetch();
      notifications.show({ color: 'green', message: t('common.saved') });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Paper withBorder p="md" radius="md" maw={520} mt="lg" data-testid="retention-panel">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('privacy.retentionTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('privacy.retentionHint')}
          </Text>
          <ErrorAlert error={current.error ?? save.error} />
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t('privacy.retentionMonths')}
              name="textMonths"
              placeholder={t('privacy.retentionOff')}
              min={1}
              max={600}
              allowDecimal={false}
              readOnly={!editable}
              value={months}
              onChange={setMonths}
              w={180}
              error={isInvalidField(save.error, 'textMonths') ? t('common.checkField') : undefined}
            />
            {editable && (
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
