// All feedback, newest first, filtered by channel, stage, "has a case", a date range, sentiment and topic. The
// filters live in the query string, so a filtered list can be bookmarked and shared.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, listFeedback, type FeedbackFilter } from '../../api/feedback.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FeedbackCard } from '../../components/FeedbackCard.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { canWriteData } from '../../components/access.ts';
import { useSession } from '../../session.tsx';
import { dayEnd, dayStart } from './filters.ts';
import { LogInteractionModal } from './LogInteractionModal.tsx';
import { DRILL_PARAMS, DrillBanner, isDrill } from './DrillBanner.tsx';
import { TextFilters } from '../text/TextFilters.tsx';
import { NewInitiativeModal } from '../backlog/NewInitiativeModal.tsx';
import { SavedViews } from '../../components/search/SavedViews.tsx';

/** The list's filters as query-string keys: what a saved view keeps (issue 21). */
const FEEDBACK_FILTERS = [
  'channel',
  'stage',
  'hasCase',
  'from',
  'to',
  'sentiment',
  'topic',
  ...DRILL_PARAMS,
];

export function FeedbackListPage() {
  const { t } = useTranslation();
  const params = useQueryParams();
  const { user } = useSession();
  const [logging, setLogging] = useState(false);
  // Records picked for a new improvement initiative (issue 18).
  const [picked, setPicked] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const canWrite = canWriteData(user.role);
  const [stage, setStage] = useState(params.stage ?? '');
  const [debouncedStage] = useDebouncedValue(stage.trim(), 400);
  const update = (patch: Record<string, string | undefined>) =>
    setQueryParams({ ...params, ...patch });

  useEffect(() => {
    if ((params.stage ?? '') !== debouncedStage) update({ stage: debouncedStage });
    // Only the debounced text should push to the URL; params change with every other filter too.
  }, [debouncedStage]);

  const filter: FeedbackFilter & { sentiment?: string; topic?: string } = {
    sentiment: params.sentiment || undefined,
    topic: params.topic || undefined,
    channel: params.channel,
    stage: params.stage,
    hasCase: params.hasCase === 'true' || params.hasCase === 'false' ? params.hasCase : undefined,
    // A drill-down from a chart (DrillBanner) names the records it counted exactly.
    scoreType: params.scoreType || undefined,
    scoreMax: params.scoreType && params.scoreMax ? params.scoreMax : undefined,
    segment: params.segment || undefined,
    managerId: params.managerId || undefined,
    clientId: params.clientId || undefined,
    noStage: params.noStage === 'true' ? 'true' : undefined,
    noSegment: params.noSegment === 'true' ? 'true' : undefined,
    from: params.fromAt || dayStart(params.from),
    to: params.toAt || dayEnd(params.to),
  };
  const drilled = isDrill(params);
  const feedback = useInfiniteQuery({
    queryKey: ['feedback', 'list', filter],
    queryFn: ({ pageParam }) => listFeedback({ ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = feedback.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('feedback.title')}
        intro={t('feedback.intro')}
        action={
          canWrite && (
            <Group gap="xs">
              {picked.length > 0 && (
                <Button
                  variant="light"
                  onClick={() => setCreating(true)}
                  data-testid="create-initiative"
                >
                  {t('backlog.createFromSelected', { count: picked.length })}
                </Button>
              )}
              <Button onClick={() => setLogging(true)} data-testid="log-interaction">
                {t('feedback.log.button')}
              </Button>
            </Group>
          )
        }
      />
      {logging && <LogInteractionModal opened onClose={() => setLogging(false)} />}
      {creating && (
        <NewInitiativeModal
          feedbackIds={picked}
          initialStage={items.find((i) => i.id === picked[0])?.stage ?? ''}
          onClose={() => {
            setCreating(false);
            setPicked([]);
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 7 }} spacing="sm" mb="md">
        <NativeSelect
          label={t('feedback.filters.channel')}
          value={params.channel ?? ''}
          onChange={(e) => update({ channel: e.currentTarget.value })}
          data={[
            { value: '', label: t('feedback.filters.any') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) })),
          ]}
        />
        <TextInput
          label={t('feedback.filters.stage')}
          value={stage}
          onChange={(e) => setStage(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('feedback.filters.hasCase')}
          value={params.hasCase ?? ''}
          onChange={(e) => update({ hasCase: e.currentTarget.value })}
          data={[
            { value: '', label: t('feedback.filters.any') },
            { value: 'true', label: t('feedback.filters.withCase') },
            { value: 'false', label: t('feedback.filters.withoutCase') },
          ]}
        />
        <TextInput
          type="date"
          label={t('feedback.filters.from')}
          value={params.from ?? ''}
          onChange={(e) => update({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('feedback.filters.to')}
          value={params.to ?? ''}
          onChange={(e) => update({ to: e.currentTarget.value })}
        />
        <TextFilters sentiment={params.sentiment} topic={params.topic} onChange={update} />
      </SimpleGrid>
      {drilled && (
        <DrillBanner
          filter={filter}
          onClear={() => {
            setStage('');
            setQueryParams(
              Object.fromEntries(
                Object.entries(params).filter(
                  ([k]) => !DRILL_PARAMS.includes(k) && k !== 'stage' && k !== 'channel',
                ),
              ),
            );
          }}
        />
      )}
      <Group justify="space-between" mb="sm" gap="xs">
        <SavedViews
          list="feedback"
          known={FEEDBACK_FILTERS}
          params={params}
          onApply={(filters) => {
            setStage(filters.stage ?? '');
            setQueryParams(filters);
          }}
        />
        <ListExportButtons list="feedback" params={{ ...filter }} />
      </Group>
      <ErrorAlert error={feedback.error} />
      <Stack gap="sm">
        {items.map((item) =>
          canWrite ? (
            <Group key={item.id} gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox
                mt="sm"
                aria-label={t('backlog.selectRow')}
                checked={picked.includes(item.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPicked((p) => (on ? [...p, item.id] : p.filter((x) => x !== item.id)));
                }}
                data-testid="select-feedback"
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                <FeedbackCard item={item} />
              </div>
            </Group>
          ) : (
            <FeedbackCard key={item.id} item={item} />
          ),
        )}
      </Stack>
      {feedback.data && items.length === 0 && <Text c="dimmed">{t('feedback.empty')}</Text>}
      {feedback.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="light"
            loading={feedback.isFetchingNextPage}
            onClick={() => void feedback.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
