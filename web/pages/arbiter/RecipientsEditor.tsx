// Who gets the monthly report e-mail (issue 16): people of the organisation, chosen here; the
// worker sends it on the first working day of the month with the arbiter's top stages and a link.
import { Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../api/orgs.ts';
import { getReportRecipients, putReportRecipients } from '../../api/scorecard-layers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const RECIPIENTS_KEY = ['report-recipients'] as const;

export function RecipientsEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const recipients = useQuery({ queryKey: RECIPIENTS_KEY, queryFn: getReportRecipients });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers() });
  const [draft, setDraft] = useState<string[] | null>(null);
  const chosen = draft ?? recipients.data?.recipients.map((r) => r.userId) ?? [];
  const save = useMutation({
    mutationFn: (ids: string[]) => putReportRecipients(ids),
    onSuccess: (data) => {
      client.setQueryData(RECIPIENTS_KEY, data);
      setDraft(null);
      notifications.show({ color: 'green', message: t('arbiter.settings.recipientsSaved') });
    },
  });
  const options = (users.data?.items ?? [])
    .filter((u) => !u.disabled || chosen.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
  return (
    <Card withBorder padding="md" data-testid="report-recipients">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('arbiter.settings.recipientsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('arbiter.settings.recipientsIntro')}
        </Text>
        <ErrorAlert error={recipients.error ?? users.error ?? save.error} />
        <MultiSelect
          label={t('arbiter.settings.recipients')}
          placeholder={chosen.length ? undefined : t('arbiter.settings.nobody')}
          data={options}
          value={chosen}
          onChange={setDraft}
          searchable
          clearable
          disabled={!canEdit}
          name="recipients"
        />
        {canEdit && (
          <Group>
            <Button
              loading={save.isPending}
              disabled={draft === null}
              onClick={() => save.mutate(chosen)}
              data-testid="recipients-save"
            >
              {t('arbiter.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
