// Everything about a client, newest first — events and transactions merged — with "add a note".
import { useResolutionCodes } from '../../components/useResolutionCodes.ts';
import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote, getTimeline, type TimelineItemOut } from '../../api/care.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { useUsers } from '../../components/useUsers.ts';
import { caseEventTitle } from '../cases/case-event-title.ts';
import { useClientTransactions } from '../economics/ClientTransactions.tsx';
import { calendarDate } from '../economics/format.ts';
import { isLate, transactionTitle } from '../economics/transaction-words.ts';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { mergeTimeline } from './timeline-merge.ts';

const linkOf = (item: TimelineItemOut) =>
  item.ref.type === 'case'
    ? `/cases/${item.ref.id}`
    : item.ref.type === 'feedback'
      ? `/feedback/${item.ref.id}`
      : undefined;

export function ClientTimelineTab({ clientId, writable }: { clientId: string; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', clientId],
    queryFn: ({ pageParam }) => getTimeline(clientId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const note = useMutation({
    mutationFn: () => addNote(clientId, text.trim()),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['timeline', clientId] });
    },
  });
  const transactions = useClientTransactions(clientId);
  useEconomicsSettings(); // the base currency of the transactions' amounts
  const merged = mergeTimeline(
    { items: timeline.data?.pages.flatMap((p) => p.items) ?? [], hasMore: timeline.hasNextPage },
    {
      items: transactions.data?.pages.flatMap((p) => p.items) ?? [],
      hasMore: transactions.hasNextPage,
    },
  );
  const loadMore = () => {
    if (merged.loadNext.includes('events')) void timeline.fetchNextPage();
    if (merged.loadNext.includes('transactions')) void transactions.fetchNextPage();
  };
  const users = useUsers();
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name;
  const codes = useResolutionCodes();
  // Case events carry what happened; they are told in words, not as stored codes.
  const titleOf = (item: TimelineItemOut) => {
    const e = item.caseEvent;
    if (!e) return item.title;
    const said = caseEventTitle(e, t, userName, codes.nameOf);
    return e.kind === 'note' && e.body
      ? `${e.caseRef}: ${said} — ${e.body}`
      : `${e.caseRef}: ${said}`;
  };

  return (
    <Stack gap="md">
      {writable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            note.mutate();
          }}
        >
          <Stack gap="xs" maw={560}>
            <ErrorAlert error={note.error} />
            <Textarea
              required
              label={t('care.timeline.note')}
              autosize
              minRows={2}
              maxLength={4000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" size="xs" loading={note.isPending}>
                {t('care.timeline.addNote')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ErrorAlert error={timeline.error} />
      <ErrorAlert error={transactions.error} />
      {timeline.data && merged.entries.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('care.timeline.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {merged.entries.map((entry, n) => {
          if (entry.type === 'transaction') {
            const tx = entry.tx;
            return (
              <Card
                key={`tx:${tx.id}`}
                withBorder
                padding="xs"
                radius="sm"
                data-testid="timeline-transaction"
              >
                <Group gap={6} wrap="wrap">
                  <Badge
                    size="sm"
                    variant="light"
                    color={tx.kind === 'refund' ? 'orange' : 'teal'}
                    style={{ textTransform: 'none' }}
                  >
                    {t(`economics.tx.badges.${tx.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {calendarDate(tx.date, i18n.language)}
                  </Text>
                </Group>
                <Text size="sm" mt={4} c={isLate(tx) ? 'red.8' : undefined}>
                  {transactionTitle(tx, t, i18n.language)}
                </Text>
              </Card>
            );
          }
          const item = entry.item;
          const link = linkOf(item);
          return (
            <Card
              key={`${item.kind}:${item.ref.id}:${n}`}
              withBorder
              padding="xs"
              radius="sm"
              data-testid="timeline-item"
            >
              <Group gap={6} wrap="wrap">
                <Badge size="sm" variant="light" style={{ textTransform: 'none' }}>
                  {t(`care.timeline.kinds.${item.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.at, i18n.language)}
                </Text>
              </Group>
              {link ? (
                <AnchorLink to={link} size="sm" mt={4}>
                  {titleOf(item) || '—'}
                </AnchorLink>
              ) : (
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {titleOf(item)}
                </Text>
              )}
            </Card>
          );
        })}
      </Stack>
      {merged.loadNext.length > 0 && (
        <Group justify="center">
          <Button
            variant="light"
            loading={timeline.isFetchingNextPage || transactions.isFetchingNextPage}
            onClick={loadMore}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
