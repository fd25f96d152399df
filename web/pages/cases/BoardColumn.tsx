// One status column of the case board, its cards with a checkbox each for bulk actions (issue 21)
// and the case's tags. The resolved column shows only recent cases, collapsed to ten until asked.
import { Badge, Button, Card, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseOut, CaseStatus } from '../../api/cases.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { CaseTags } from './CaseCodeAndTags.tsx';

/** Resolved cases older than this leave the board (the client page and lists still show them). */
export const RESOLVED_SHOWN_DAYS = 14;
/** The resolved column shows this many cards until someone asks for all of them. */
const RESOLVED_COLLAPSED = 10;

export interface Selection {
  /** Undefined: the reader may not change cases, so there is nothing to select. */
  selected?: ReadonlySet<string>;
  toggle: (id: string) => void;
}

/** Nothing selectable: a card in a plain list (the week's drill-down lists). */
const NO_SELECTION: Selection = { toggle: () => undefined };

export function BoardCard({
  item,
  selection = NO_SELECTION,
}: {
  item: CaseOut;
  selection?: Selection;
}) {
  const { t } = useTranslation();
  const checked = selection.selected?.has(item.id) ?? false;
  return (
    <Card
      withBorder
      padding="xs"
      radius="sm"
      data-testid="board-card"
      style={checked ? { outline: '2px solid var(--mantine-color-blue-5)' } : undefined}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        {selection.selected && (
          <Checkbox
            size="sm"
            mt={2}
            checked={checked}
            onChange={() => selection.toggle(item.id)}
            aria-label={t('closing.bulk.select', { title: item.title })}
            data-testid="board-select"
          />
        )}
        <AnchorLink to={`/cases/${item.id}`} size="sm" fw={600} style={{ minWidth: 0 }}>
          {item.title}
        </AnchorLink>
      </Group>
      <Group gap={6} mt={6}>
        <DueBadge
          dueAt={item.dueAt}
          breachedAt={item.breachedAt}
          done={item.status === 'resolved'}
        />
        <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
          {t(`cases.priority.${item.priority}`)}
        </Badge>
      </Group>
      {item.tags.length > 0 && (
        <Group mt={6}>
          <CaseTags tags={item.tags} size="xs" />
        </Group>
      )}
      <ClientLink clientId={item.clientId} size="xs" />
    </Card>
  );
}

export function Column({
  status,
  items,
  stacked,
  selection,
}: {
  status: CaseStatus;
  items: CaseOut[];
  stacked: boolean;
  selection: Selection;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const collapsible = status === 'resolved' && items.length > RESOLVED_COLLAPSED;
  const shown = collapsible && !expanded ? items.slice(0, RESOLVED_COLLAPSED) : items;
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="gray.0"
      style={stacked ? undefined : { flex: '1 0 190px', minWidth: 190 }}
      data-testid={`board-column-${status}`}
      component="section"
      aria-label={t(`cases.status.${status}`)}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap" gap={4}>
        <Title
          order={2}
          size="h6"
          title={t(`cases.status.${status}`)}
          style={{
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {t(`cases.status.${status}`)}
        </Title>
        <Badge variant="light" color="gray">
          {items.length}
        </Badge>
      </Group>
      {status === 'resolved' && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="board-resolved-window">
          {t('cases.board.resolvedWindow', { count: RESOLVED_SHOWN_DAYS })}
        </Text>
      )}
      <Stack gap="xs">
        {shown.map((item) => (
          <BoardCard key={item.id} item={item} selection={selection} />
        ))}
        {collapsible && (
          <Button variant="subtle" size="xs" onClick={() => setExpanded(!expanded)}>
            {expanded
              ? t('cases.board.collapse')
              : t('cases.board.showAll', { count: items.length })}
          </Button>
        )}
        {items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('cases.board.emptyColumn')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
