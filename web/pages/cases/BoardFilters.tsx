// Filters of the case board (issue 21): whose cases (anyone's, mine, nobody's), priority and tag
// (the tag's select sits beside the export buttons). They
// live in the query string like every list's, so a saved view can keep them; the board filters
// the cases it already loaded.
import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type CaseOut } from '../../api/cases.ts';
import { setQueryParams } from '../../router.tsx';

export const BOARD_FILTERS = ['owner', 'priority', 'tag'];

export function boardFilter(params: Record<string, string>, userId: string) {
  return (c: CaseOut): boolean => {
    if (params.owner === 'me' && c.ownerId !== userId) return false;
    if (params.owner === 'none' && c.ownerId !== null) return false;
    if (params.priority && c.priority !== params.priority) return false;
    if (params.tag && !c.tags.includes(params.tag)) return false;
    return true;
  };
}

export function BoardFilters({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const update = (patch: Record<string, string>) => setQueryParams({ ...params, ...patch });
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
      <NativeSelect
        label={t('cases.board.owner')}
        value={params.owner ?? ''}
        onChange={(e) => update({ owner: e.currentTarget.value })}
        data={[
          { value: '', label: t('cases.board.ownerAny') },
          { value: 'me', label: t('cases.board.ownerMe') },
          { value: 'none', label: t('cases.board.ownerNone') },
        ]}
        data-testid="board-owner"
      />
      <NativeSelect
        label={t('cases.board.priority')}
        value={params.priority ?? ''}
        onChange={(e) => update({ priority: e.currentTarget.value })}
        data={[
          { value: '', label: t('cases.board.priorityAny') },
          ...PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) })),
        ]}
        data-testid="board-priority"
      />
    </SimpleGrid>
  );
}
