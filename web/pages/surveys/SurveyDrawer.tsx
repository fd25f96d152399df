// One survey in a side panel (full screen on a phone): the open link to copy, its QR code, a
// preview of the public page, closing and reopening, and the invitations.
import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  Drawer,
  Group,
  Image,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  listInvites,
  qrCodeUrl,
  updateSurvey,
  type InviteOut,
  type SurveyOut,
} from '../../api/surveys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { InvitePanel } from './InvitePanel.tsx';
import { StatusBadge, SURVEYS_KEY } from './StatusBadge.tsx';

/** The public page on this server, whatever PUBLIC_URL says, so the preview works in any set-up. */
const localPath = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

export function SurveyDrawer({
  survey,
  canWrite,
  onClose,
}: {
  survey: SurveyOut | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const queryClient = useQueryClient();
  const invitesKey = ['survey-invites', survey?.id] as const;
  const invites = useQuery({
    queryKey: invitesKey,
    queryFn: () => listInvites(survey!.id),
    // Personal links answer as the client: viewers get no list of them (403, issue 19).
    enabled: survey !== null && canWrite,
  });
  const toggle = useMutation({
    mutationFn: (s: SurveyOut) =>
      updateSurvey(s.id, { status: s.status === 'active' ? 'closed' : 'active' }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: SURVEYS_KEY });
      notifications.show({
        color: 'green',
        message: t(saved.status === 'active' ? 'surveys.reopened' : 'surveys.closed'),
      });
    },
  });

  const copy = (value: string, label: string) => (
    <CopyButton value={value}>
      {({ copied, copy: doCopy }) => (
        <Button
          size="compact-sm"
          variant="light"
          color={copied ? 'teal' : 'blue'}
          onClick={doCopy}
          aria-label={label}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      )}
    </CopyButton>
  );

  const inviteRow = (invite: InviteOut) => (
    <Table.Tr key={invite.id} data-testid="invite-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {invite.contactName ?? invite.contactId}
        </Text>
        {invite.contactEmail && (
          <Text size="xs" c="dimmed">
            {invite.contactEmail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={invite.answeredAt ? 'green' : 'gray'} variant="light">
          {invite.answeredAt ? t('surveys.invites.answered') : t('surveys.invites.waiting')}
        </Badge>
        {invite.answeredAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(invite.answeredAt, i18n.language)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {copy(invite.url, `${t('surveys.invites.copyLink')}: ${invite.contactName ?? ''}`)}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Drawer
      opened={survey !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={survey?.name}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {survey && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="outline">{t(`surveys.metrics.${survey.metric}`)}</Badge>
            <StatusBadge status={survey.status} />
            {survey.stage && (
              <Badge variant="light" color="grape">
                {survey.stage}
              </Badge>
            )}
          </Group>
          <Text size="sm">{i18n.language === 'en' ? survey.question.en : survey.question.ru}</Text>

          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('surveys.openLink')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('surveys.openLinkHint')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                readOnly
                value={survey.openUrl}
                aria-label={t('surveys.openLink')}
                style={{ flex: 1, minWidth: 0 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              {copy(survey.openUrl, t('surveys.copyOpenLink'))}
            </Group>
            <Group gap="md" mt={4}>
              <Anchor
                href={localPath(survey.openUrl)}
                target="_blank"
                rel="noopener"
                size="sm"
                data-testid="survey-preview"
              >
                {t('surveys.preview')}
              </Anchor>
              <Anchor href={qrCodeUrl(survey.id)} download={`survey-${survey.id}.svg`} size="sm">
                {t('surveys.downloadQr')}
              </Anchor>
            </Group>
          </Stack>
          <Image
            src={qrCodeUrl(survey.id)}
            alt={t('surveys.qrAlt')}
            w={180}
            h={180}
            fit="contain"
            data-testid="survey-qr"
          />

          {canWrite && (
            <Group>
              <Button
                variant="light"
                color={survey.status === 'active' ? 'red' : 'green'}
                loading={toggle.isPending}
                onClick={() => toggle.mutate(survey)}
              >
                {survey.status === 'active' ? t('surveys.close') : t('surveys.reopen')}
              </Button>
            </Group>
          )}
          <ErrorAlert error={toggle.error} />

          {canWrite && (
            <Title order={3} size="h4">
              {t('surveys.invites.title')}
            </Title>
          )}
          {!canWrite ? null : survey.status === 'active' ? (
            <InvitePanel
              surveyId={survey.id}
              onInvited={() => void queryClient.invalidateQueries({ queryKey: invitesKey })}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('surveys.invites.closedHint')}
            </Text>
          )}
          <ErrorAlert error={invites.error} />
          {invites.data && invites.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={360}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.invites.contact')}</Table.Th>
                    <Table.Th>{t('surveys.invites.state')}</Table.Th>
                    <Table.Th>{t('surveys.invites.link')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{invites.data.items.map(inviteRow)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {invites.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('surveys.invites.empty')}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
