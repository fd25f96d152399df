// «Карта стратегии» (issue 18, SPEC C12): goals in four perspectives with cause → effect arrows
// and their KPIs, drawn as a map or listed as a table; admins add and edit goals, arrows, KPIs
// (bound to a live metric or entered by hand) and the items under each goal.
import { Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/strategy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { GoalModal } from './GoalModal.tsx';
import { KpiModal } from './KpiModal.tsx';
import { StrategyMap } from './StrategyMap.tsx';
import { StrategyTable } from './StrategyTable.tsx';

type Editing =
  | { kind: 'goal'; goal: api.MapGoalOut | null }
  | { kind: 'kpi'; goal: api.MapGoalOut; kpi: api.KpiOut | null }
  | null;

export function StrategyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const writable = can(user.role, 'org.manage');
  const query = useQueryParams();
  const view = query.view === 'table' ? 'table' : 'map';
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const wide = useMediaQuery('(min-width: 75em)', false, { getInitialValueInEffect: false });
  const client = useQueryClient();
  const map = useQuery({ queryKey: ['strategy', 'map'], queryFn: api.getStrategyMap });
  const registry = useQuery({ queryKey: ['strategy', 'metrics'], queryFn: api.getBindableMetrics });
  const [editing, setEditing] = useState<Editing>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['strategy'] });
  const units = new Map((registry.data?.items ?? []).map((m) => [m.key, m.unit]));
  const unitOf = (k: api.KpiOut) => (k.binding ? units.get(k.binding.metric) : undefined);
  const goalOf = (id: string) => map.data?.goals.find((g) => g.id === id);
  const onGoal = (g: api.MapGoalOut) => writable && setEditing({ kind: 'goal', goal: g });
  const onKpi = (k: api.KpiOut) => setEditing({ kind: 'kpi', goal: goalOf(k.goalId)!, kpi: k });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('strategy.title')}
        intro={t('strategy.intro')}
        action={
          writable && (
            <Button
              onClick={() => setEditing({ kind: 'goal', goal: null })}
              data-testid="strategy-add-goal"
            >
              {t('strategy.goal.add')}
            </Button>
          )
        }
      />
      <Group justify="space-between" align="flex-start" gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => setQueryParams({ ...query, view: v === 'table' ? 'table' : undefined })}
          data={[
            { value: 'map', label: t('strategy.views.map') },
            { value: 'table', label: t('strategy.views.table') },
          ]}
          data-testid="strategy-view"
        />
        <ListExportButtons list="strategy/kpis" params={{}} />
      </Group>
      <ErrorAlert error={map.error} />
      {map.isPending && <Loader />}
      {map.data && map.data.goals.length === 0 && (
        <Text c="dimmed" data-testid="strategy-empty">
          {t(writable ? 'strategy.emptyAdmin' : 'strategy.empty')}
        </Text>
      )}
      {map.data && map.data.goals.length > 0 && view === 'map' && (
        <StrategyMap
          map={map.data}
          perRow={phone ? 1 : wide ? 4 : 2}
          unitOf={unitOf}
          onGoal={onGoal}
          onKpi={onKpi}
        />
      )}
      {map.data && map.data.goals.length > 0 && view === 'table' && (
        <StrategyTable map={map.data} unitOf={unitOf} onGoal={onGoal} onKpi={onKpi} />
      )}
      {writable && map.data && map.data.goals.length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('strategy.kpi.addTo')}
          </Text>
          {map.data.goals.map((g) => (
            <Button
              key={g.id}
              size="compact-xs"
              variant="light"
              onClick={() => setEditing({ kind: 'kpi', goal: g, kpi: null })}
            >
              {g.title}
            </Button>
          ))}
        </Group>
      )}
      {editing?.kind === 'goal' && map.data && (
        <GoalModal
          map={map.data}
          goal={editing.goal}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
      {editing?.kind === 'kpi' && (
        <KpiModal
          goal={editing.goal}
          kpi={editing.kpi}
          registry={registry.data}
          writable={writable}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
    </Stack>
  );
}
