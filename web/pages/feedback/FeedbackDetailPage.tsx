// One feedback record with everything known about it: score, text, client and contact,
// sentiment and topics (when analysed), the acknowledgement, messages sent and its case.
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getContact } from '../../api/clients.ts';
import { getFeedback } from '../../api/feedback.ts';
import { listMessages } from '../../api/messaging.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Field } from '../../components/Field.tsx';
import { MessageList } from '../../components/MessageList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { useStageLabel } from '../../components/useStageLabel.ts';
import { formatDateTime } from '../../format.ts';
import { useRouteParams } from '../../router.tsx';
import { AnalysisCorrection } from '../text/AnalysisCorrection.tsx';
import { SentimentBadge, TopicChips } from '../text/SentimentBadges.tsx';
import { DisagreementFlag, TopicSentiments, useRecordAnalysis } from '../text/RecordAnalysis.tsx';
import { canWriteData } from '../../components/access.ts';
import { useSession } from '../../session.tsx';
import { RecordDeleteButton } from '../../components/RecordDeleteButtons.tsx';

export function FeedbackDetailPage() {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const { id = '' } = useRouteParams();
  const { user } = useSession();
  const feedback = useQuery({ queryKey: ['feedback', id], queryFn: () => getFeedback(id) });
  const messages = useQuery({
    queryKey: ['messages', { feedbackId: id }],
    queryFn: () => listMessages({ feedbackId: id }),
  });
  const item = feedback.data;
  const analysis = useRecordAnalysis(id, Boolean(item?.text));
  const contact = useQuery({
    queryKey: ['contact', item?.contactId],
    queryFn: () => getContact(item!.contactId!),
    enabled: Boolean(item?.contactId),
  });
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);

  return (
    <>
      <PageHeader
        title={t('feedback.detailTitle', { ref: item?.publicRef ?? '' })}
        action={item && <RecordDeleteButton kind="feedback" id={item.id} />}
      />
      <ErrorAlert error={feedback.error} />
      {feedback.isPending && <Loader size="sm" />}
      {item && (
        <Stack gap="md">
          <Card withBorder radius="md">
            <Group gap="xs" mb="sm">
              <ScoreBadge score={item.score} />
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {t(`feedback.channels.${item.channel}`)}
              </Badge>
              <SentimentBadge sentiment={item.sentiment} />
              {canWriteData(user.role) && item.text && (
                <AnalysisCorrection
                  key={`${item.sentiment?.label}:${item.topics.join()}`}
                  item={item}
                />
              )}
            </Group>
            <Text
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="feedback-text"
            >
              {item.text ?? t('feedback.noText')}
            </Text>
            <DisagreementFlag analysis={analysis.data} />
          </Card>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Field label={t('feedback.fields.client')}>
              {item.clientId ? <ClientLink clientId={item.clientId} /> : '—'}
            </Field>
            <Field label={t('feedback.fields.contact')}>
              {contact.data
                ? `${contact.data.name}${contact.data.email ? ` <${contact.data.email}>` : ''}`
                : '—'}
            </Field>
            <Field label={t('feedback.fields.stage')}>
              {item.stage ? stageLabel(item.stage) : '—'}
            </Field>
            <Field label={t('feedback.fields.receivedAt')}>{date(item.receivedAt)}</Field>
            <Field label={t('feedback.fields.language')}>{item.language ?? '—'}</Field>
            <Field label={t('feedback.fields.sourceId')}>{item.sourceId ?? '—'}</Field>
            <Field label={t('feedback.fields.topics')}>
              {!item.topics.length ? (
                t('feedback.notAnalysed')
              ) : analysis.data ? (
                <TopicSentiments analysis={analysis.data} />
              ) : (
                <TopicChips topics={item.topics} />
              )}
            </Field>
            <Field label={t('feedback.fields.acknowledged')}>
              {item.acknowledgedAt ? (
                <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
                  {t('feedback.acknowledgedAt', { at: date(item.acknowledgedAt) })}
                </Badge>
              ) : (
                <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                  {t('feedback.notAcknowledged')}
                </Badge>
              )}
            </Field>
            <Field label={t('feedback.fields.case')}>
              {item.caseId ? (
                <AnchorLink to={`/cases/${item.caseId}`} data-testid="feedback-case-link">
                  {t('feedback.openCase')}
                </AnchorLink>
              ) : (
                t('feedback.noCase')
              )}
            </Field>
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('feedback.messages')}
          </Title>
          <ErrorAlert error={messages.error} />
          {messages.data && <MessageList messages={messages.data.items} />}
        </Stack>
      )}
    </>
  );
}
