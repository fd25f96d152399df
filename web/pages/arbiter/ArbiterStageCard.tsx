// One stage of the arbiter: the money at risk (and how it was estimated) with a bar against the
// first stage's, then the evidence — top drivers, worst metrics, three typical texts, open cases,
// linked initiatives — and the suggested action in the reader's language.
import {
  Badge,
  Blockquote,
  Box,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArbiterOut, ArbiterStageOut } from '../../api/scorecard-layers.ts';
import { stageName } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { onLinkClick } from '../../router.tsx';
import { formatDateTime } from '../../format.ts';
import { money, percent } from '../economics/format.ts';
import { splitDrivers, formatR } from '../scorecard/drivers.ts';
import { metricName } from '../scorecard/layer-format.ts';
import { LayerMetricRow } from '../scorecard/LayerMetricRow.tsx';
import { useTopicLabel } from '../text/useTopics.ts';

/** A case's opening day, short ("10 нояб."). */
const formatDate = (iso: string, lng: string) =>
  new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short' }).format(new Date(iso));

/** How many drivers and worst metrics a card shows. */
const TOP = 3;
/** The metrics come over the drivers' 24 months; their sparklines show the last year. */
const SPARK_MONTHS = 12;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

function methodText(
  s: ArbiterStageOut,
  churn: ArbiterOut['churnByGroup'],
  t: TFunction,
  lng: string,
) {
  if (s.riskMethod === 'churn_history' && churn)
    return t('arbiter.method.churn_history', {
      detractor: percent(churn.detractor, lng, 1),
      passive: percent(churn.passive, lng, 1),
      promoter: percent(churn.promoter, lng, 1),
    });
  return t('arbiter.method.detractor_share', {
    share: percent(s.detractorShare, lng, 1),
    revenue: money(s.revenue, lng, 0),
  });
}

export function ArbiterStageCard({
  s,
  largest,
  churn,
}: {
  s: ArbiterStageOut;
  largest: number;
  churn: ArbiterOut['churnByGroup'];
}) {
  const { t, i18n } = useTranslation();
  const topicLabel = useTopicLabel();
  const lng = i18n.language;
  // A visible sliver for any money at risk; nothing for none.
  const width =
    largest > 0 && s.revenueAtRisk > 0 ? Math.max((s.revenueAtRisk / largest) * 100, 0.5) : 0;
  const drivers = splitDrivers(s.drivers).ranked.slice(0, TOP);
  const suggestion =
    s.suggestion && (lng.startsWith('en') ? s.suggestion.textEn : s.suggestion.textRu);
  return (
    <Card withBorder radius="md" padding="md" data-testid={`arbiter-stage-${s.stage}`}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="baseline">
          <Text fz={28} fw={800} c="dimmed" lh={1}>
            {s.rank}
          </Text>
          <Title order={2} size="h3">
            <AnchorLink to={`/scorecard/stages/${encodeURIComponent(s.stage)}`} c="inherit" inherit>
              {stageName(s, lng)}
            </AnchorLink>
          </Title>
        </Group>
        <Box ta="right">
          <Text size="xs" c="dimmed">
            {t('arbiter.atRisk')}
          </Text>
          <Text fz={24} fw={700} c="red.8" data-testid="revenue-at-risk">
            {money(s.revenueAtRisk, lng, 0)}
          </Text>
        </Box>
      </Group>
      <Box
        mt={6}
        h={8}
        bg="gray.1"
        style={{ borderRadius: 4, overflow: 'hidden' }}
        role="img"
        aria-label={t('arbiter.barLabel', {
          share: percent(largest > 0 ? s.revenueAtRisk / largest : 0, lng),
        })}
      >
        <Box h="100%" bg="red.6" style={{ width: `${width}%` }} data-testid="risk-bar" />
      </Box>
      <Text size="xs" c="dimmed" mt={6}>
        {methodText(s, churn, t, lng)}{' '}
        {t('arbiter.facts', { clients: s.clients, revenue: money(s.revenue, lng, 0) })}
      </Text>

      {suggestion ? (
        <Box mt="sm" p="xs" bg="blue.0" style={{ borderRadius: 6 }} data-testid="suggestion">
          <Text size="xs" fw={700} c="blue.9">
            {t('arbiter.suggestion')}
          </Text>
          <Text size="sm">{suggestion}</Text>
          <AnchorLink
            size="xs"
            to={`/backlog?new=1&stage=${encodeURIComponent(s.stage)}&title=${encodeURIComponent(suggestion.slice(0, 300))}`}
            data-testid="suggestion-initiative"
          >
            {t('backlog.fromSuggestion')} →
          </AnchorLink>
        </Box>
      ) : (
        <Text size="xs" c="dimmed" mt="sm">
          {t('arbiter.noSuggestion')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md" mt="md">
        <Stack gap="md" style={{ minWidth: 0 }}>
          <Section title={t('arbiter.topDrivers')}>
            {drivers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('arbiter.noDrivers')}
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {drivers.map((d) => (
                  <List.Item key={d.metric}>
                    {metricName(d, t, lng)}{' '}
                    <Text span size="xs" c="dimmed">
                      {d.importance !== null && `${percent(d.importance, lng)} R² · `}
                      {formatR(d.r, lng)}
                      {!d.significant && ` · ${t('scorecard.drivers.notSignificant')}`}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t('arbiter.worstMetrics')}>
            {s.metrics.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('arbiter.noMetrics')}
              </Text>
            ) : (
              s.metrics
                .slice(0, TOP)
                .map((m) => (
                  <LayerMetricRow
                    key={m.metric}
                    m={{ ...m, series: m.series.slice(-SPARK_MONTHS) }}
                  />
                ))
            )}
          </Section>
        </Stack>
        <Stack gap="md" style={{ minWidth: 0 }}>
          <Section title={t('arbiter.examples')}>
            {s.examples.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('arbiter.noExamples')}
              </Text>
            )}
            <Stack gap={6}>
              {s.examples.map((e) => (
                <Blockquote key={e.feedbackId} p="xs" color="gray" data-testid="example">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('arbiter.quote', { text: e.text })}
                  </Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    <AnchorLink to={`/feedback/${e.feedbackId}`} size="xs">
                      {e.ref}
                    </AnchorLink>
                    {e.score !== null && ` · ${t('arbiter.score', { score: e.score })}`}
                    {e.topic && ` · ${topicLabel(e.topic)}`} · {formatDateTime(e.receivedAt, lng)}
                  </Text>
                </Blockquote>
              ))}
            </Stack>
          </Section>
          <Section title={t('arbiter.openCases', { count: s.openCasesTotal })}>
            {s.openCases.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('arbiter.none')}
              </Text>
            ) : (
              <Group gap="xs" wrap="wrap">
                {s.openCases.map((c) => (
                  <Badge
                    key={c.id}
                    component="a"
                    href={`/cases/${c.id}`}
                    onClick={(e: MouseEvent<HTMLElement>) => onLinkClick(e, `/cases/${c.id}`)}
                    variant="light"
                    color={c.priority === 'high' || c.priority === 'urgent' ? 'red' : 'gray'}
                    style={{ textTransform: 'none', cursor: 'pointer' }}
                    data-testid="open-case"
                  >
                    {c.clientName ?? t('arbiter.caseOpened', { at: formatDate(c.openedAt, lng) })} ·{' '}
                    {t(`cases.status.${c.status}`, { defaultValue: c.status })}
                  </Badge>
                ))}
              </Group>
            )}
          </Section>
          <Section title={t('arbiter.initiatives')}>
            {s.initiatives.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="no-initiatives">
                {t('arbiter.noInitiatives')}
              </Text>
            ) : (
              <List size="sm">
                {s.initiatives.map((i) => (
                  <List.Item key={i.id}>
                    <AnchorLink to={`/backlog/${i.id}`}>{i.title}</AnchorLink>{' '}
                    <Text span size="xs" c="dimmed">
                      {t(`backlog.status.${i.status}`, { defaultValue: i.status })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
