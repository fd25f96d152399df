// "What moved this week" for the CX lead (issue 21): this week against the one before in the
// organisation's zone — NPS and CSAT with their answers ("too few to say" on a tiny sample, a
// note when the change is within the margins of error), new detractors, cases opened / resolved
// / past their SLA, the stages and topics that moved most. Every number opens its list.
import { Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  drillPath,
  getWeekMoves,
  type DrillOut,
  type WeekChoice,
  type WeekMovesOut,
} from '../../api/week-moves.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useStageLabel } from '../../components/useStageLabel.ts';
import { useTopicLabel } from '../text/useTopics.ts';

const signed = (n: number, digits = 0) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

function Tile(props: {
  label: string;
  value: string;
  drill: DrillOut;
  testId: string;
  notes: string[];
}) {
  return (
    <Card withBorder padding="sm" radius="sm" data-testid={props.testId}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <AnchorLink to={drillPath(props.drill)} fz={24} fw={700} data-testid={`${props.testId}-link`}>
        {props.value}
      </AnchorLink>
      {props.notes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {n}
        </Text>
      ))}
    </Card>
  );
}

function ScoreTile({ metric, s }: { metric: 'nps' | 'csat'; s: WeekMovesOut['nps'] }) {
  const { t } = useTranslation();
  const show = (v: number | null) =>
    v === null ? '—' : metric === 'csat' ? `${Math.round(v)} %` : String(Math.round(v));
  const notes = [
    t('today.moves.answers', { count: s.current.responses, was: s.previous.responses }),
    s.change === null
      ? t('today.moves.tooFew')
      : t('today.moves.change', { change: signed(s.change), was: show(s.previous.value) }),
  ];
  if (s.withinNoise) notes.push(t('today.moves.withinNoise'));
  return (
    <Tile
      label={t(`today.moves.${metric}`)}
      value={show(s.current.value)}
      drill={s.drill}
      testId={`moves-${metric}`}
      notes={notes}
    />
  );
}

function CountTile(props: {
  name: string;
  c: { current: number; previous: number; drill: DrillOut };
}) {
  const { t } = useTranslation();
  const { current, previous } = props.c;
  return (
    <Tile
      label={t(`today.moves.${props.name}`)}
      value={String(current)}
      drill={props.c.drill}
      testId={`moves-${props.name}`}
      notes={[t('today.moves.was', { was: previous, change: signed(current - previous) })]}
    />
  );
}

type Move = { key: string; change: number; current: number; previous: number; drill: DrillOut };

function Moves(props: {
  title: string;
  up: Move[];
  down: Move[];
  label: (k: string) => string;
  unit: 'nps' | 'count';
  testId: string;
}) {
  const { t } = useTranslation();
  const line = (m: Move, arrow: string) => (
    <Text key={m.key} size="sm">
      {arrow}{' '}
      <AnchorLink to={drillPath(m.drill)} data-testid={`${props.testId}-link`}>
        {props.label(m.key)}
      </AnchorLink>{' '}
      <Text span c={m.change > 0 === (props.unit === 'nps') ? 'teal' : 'red'} fw={600}>
        {signed(m.change)}
      </Text>{' '}
      <Text span size="xs" c="dimmed">
        {t(`today.moves.${props.unit}Detail`, { current: m.current, previous: m.previous })}
      </Text>
    </Text>
  );
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      {props.up.length + props.down.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('today.moves.nothingMoved')}
        </Text>
      )}
      {props.up.map((m) => line(m, '↑'))}
      {props.down.map((m) => line(m, '↓'))}
    </Stack>
  );
}

export function WeekMovesCard() {
  const { t, i18n } = useTranslation();
  const [week, setWeek] = useState<WeekChoice>('current');
  const moves = useQuery({ queryKey: ['week-moves', week], queryFn: () => getWeekMoves(week) });
  const stageLabel = useStageLabel();
  const topicLabel = useTopicLabel();
  const data = moves.data;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      day: 'numeric',
      month: 'short',
      timeZone: data?.timeZone,
    }).format(new Date(iso));
  return (
    <Card withBorder radius="md" padding="md" data-testid="week-moves">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div>
          <Title order={3} size="h4">
            {t('today.moves.title')}
          </Title>
          {data && (
            <Text size="xs" c="dimmed">
              {t(`today.moves.span.${data.week}`, {
                from: day(data.current.from),
                to: day(new Date(Date.parse(data.current.to) - 1).toISOString()),
                prevFrom: day(data.previous.from),
              })}
            </Text>
          )}
        </div>
        <SegmentedControl
          size="xs"
          value={week}
          onChange={(v) => setWeek(v as WeekChoice)}
          data={[
            { value: 'current', label: t('today.moves.thisWeek') },
            { value: 'last', label: t('today.moves.lastWeek') },
          ]}
        />
      </Group>
      <ErrorAlert error={moves.error} />
      {data && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
            <ScoreTile metric="nps" s={data.nps} />
            <ScoreTile metric="csat" s={data.csat} />
            <CountTile name="detractors" c={data.detractors} />
            <CountTile name="opened" c={data.cases.opened} />
            <CountTile name="resolved" c={data.cases.resolved} />
            <CountTile name="overdue" c={data.cases.overdue} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Moves
              title={t('today.moves.stages', { min: data.minResponses })}
              {...data.stages}
              label={stageLabel}
              unit="nps"
              testId="moves-stages"
            />
            <Moves
              title={t('today.moves.topics')}
              {...data.topics}
              label={topicLabel}
              unit="count"
              testId="moves-topics"
            />
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
