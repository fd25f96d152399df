// Cases as a board with one column per status. On a phone the columns stack (each one a
// section you scroll past); wider screens show them side by side, scrolling sideways if needed.
// Cards can be selected for bulk actions (issue 21) and the board narrowed to one tag; the
// count of resolved cases by resolution code sits below.
import { Button, Group, Loader, NativeSelect, ScrollArea, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BOARD_STATUSES,
  byRisk,
  listAllCases,
  type CaseOut,
  type CaseStatus,
} from '../../api/cases.ts';
import { Column, RESOLVED_SHOWN_DAYS } from './BoardColumn.tsx';
import { BulkBar } from './BulkBar.tsx';
import { ResolutionCountsPanel } from './ResolutionCountsPanel.tsx';

export { RESOLVED_SHOWN_DAYS };

/** Every open case, however many, and the cases resolved in the last RESOLVED_SHOWN_DAYS. */
async function loadBoard(now = Date.now()): Promise<CaseOut[]> {
  const open = BOARD_STATUSES.filter((s) => s !== 'resolved');
  const resolvedFrom = new Date(now - RESOLVED_SHOWN_DAYS * 86_400_000).toISOString();
  const [openCases, resolved] = await Promise.all([
    listAllCases({ status: open }),
    listAllCases({ status: ['resolved'], resolvedFrom }),
  ]);
  return [...openCases, ...resolved];
}
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { onLinkClick, setQueryParams, useQueryParams } from '../../router.tsx';
import { SavedViews } from '../../components/search/SavedViews.tsx';
import { BOARD_FILTERS, BoardFilters, boardFilter } from './BoardFilters.tsx';
import { useSession } from '../../session.tsx';

export function CaseBoardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const phone = useMediaQuery('(max-width: 48em)');
  const cases = useQuery({
    queryKey: ['cases', 'board'],
    queryFn: () => loadBoard(),
    refetchInterval: 60_000,
  });
  const writable = canWriteData(user.role);
  const params = useQueryParams();
  // The tag is a board filter like owner and priority: in the query string, kept by saved views.
  const tag = params.tag ?? '';
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const tags = [...new Set((cases.data ?? []).flatMap((c) => c.tags))].sort();
  const shown = (cases.data ?? []).filter(boardFilter(params, user.id));
  const byStatus = (status: CaseStatus) => shown.filter((c) => c.status === status).sort(byRisk);
  const selection = { selected: writable ? selected : undefined, toggle };
  const columns = BOARD_STATUSES.map((status) => (
    <Column
      key={status}
      status={status}
      items={byStatus(status)}
      stacked={Boolean(phone)}
      selection={selection}
    />
  ));

  return (
    <>
      <PageHeader
        title={t('cases.board.title')}
        intro={t('cases.board.intro')}
        action={
          writable && (
            <Button component="a" href="/cases/new" onClick={(e) => onLinkClick(e, '/cases/new')}>
              {t('cases.new.button')}
            </Button>
          )
        }
      />
      <BoardFilters params={params} />
      {/* The board shows the working set; the file holds every case of the organisation. */}
      <Group justify="space-between" mb="sm" gap="xs">
        <SavedViews
          list="cases"
          known={BOARD_FILTERS}
          params={params}
          onApply={(filters) => setQueryParams(filters)}
        />
        <Group gap="xs">
          <NativeSelect
            size="xs"
            aria-label={t('closing.tags.filter')}
            value={tag}
            onChange={(e) => setQueryParams({ ...params, tag: e.currentTarget.value })}
            data={[
              { value: '', label: t('closing.tags.all') },
              ...tags.map((value) => ({ value, label: value })),
            ]}
            data-testid="board-tag-filter"
          />
          <ListExportButtons list="cases" params={tag ? { tag } : {}} />
        </Group>
      </Group>
      <ErrorAlert error={cases.error} />
      {cases.isPending && <Loader size="sm" />}
      {cases.data &&
        (phone ? (
          <Stack gap="sm">{columns}</Stack>
        ) : (
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              {columns}
            </Group>
          </ScrollArea>
        ))}
      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
      <ResolutionCountsPanel />
    </>
  );
}
