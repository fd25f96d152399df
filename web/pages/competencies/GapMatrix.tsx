// The gap matrix (issue 18): people × competencies of everyone, a stage or a manager's team;
// each cell assessed / target coloured by the gap, a gap planned as training with one click;
// per competency the mean gap and the share meeting the target, and the team's coverage.
import { ActionIcon, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTrainingItem, getGaps, getReportsGaps } from '../../api/competencies.ts';
import { listEmployees } from '../../api/employees.ts';
import { listStages } from '../../api/stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { gapColour, nameOf, percent } from './names.ts';

export function GapMatrix() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const [team, setTeam] = useState<string>('all');
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const people = useQuery({
    queryKey: ['employees', 'all'],
    queryFn: () => listEmployees({ limit: 200 }),
  });
  const [kind, value] = team.split(':') as [string, string | undefined];
  const gaps = useQuery({
    queryKey: ['competencies', 'gaps', team],
    queryFn: () =>
      kind === 'manager'
        ? getReportsGaps(value!)
        : getGaps({ stage: value && kind === 'stage' ? value : undefined }),
  });
  const [planned, setPlanned] = useState<Set<string>>(new Set());
  const plan = useMutation({
    mutationFn: (p: { employeeId: string; competencyId: string }) => createTrainingItem(p),
    onSuccess: (_item, p) => {
      setPlanned((s) => new Set(s).add(`${p.employeeId} ${p.competencyId}`));
      void queryClient.invalidateQueries({ queryKey: ['competencies', 'training'] });
    },
  });
  const options = [
    { value: 'all', label: t('competencies.gaps.everyone') },
    ...(stages.data?.items ?? []).map((s) => ({
      value: `stage:${s.key}`,
      label: `${t('competencies.gaps.stage')}: ${i18n.language.startsWith('en') ? s.nameEn : s.nameRu}`,
    })),
    ...(people.data?.items ?? []).map((e) => ({
      value: `manager:${e.id}`,
      label: `${t('competencies.gaps.reportsOf')}: ${e.name}`,
    })),
  ];
  const g = gaps.data;
  return (
    <>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('competencies.gaps.team')}
          data={options}
          value={team}
          onChange={(v) => setTeam(v ?? 'all')}
          searchable
          w={320}
          maw="100%"
          data-testid="gap-team"
        />
        {g && (
          <Text size="sm" data-testid="gap-coverage">
            {t('competencies.gaps.coverage')}: <b>{percent(g.coverage)}</b> (
            {t('competencies.gaps.pairs', { count: g.pairs })})
          </Text>
        )}
      </Group>
      <ErrorAlert error={gaps.error ?? plan.error} />
      {g && g.people.length > 0 && g.competencies.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder withColumnBorders verticalSpacing={4} data-testid="gap-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competencies.gaps.person')}</Table.Th>
                {g.competencies.map((c) => (
                  <Table.Th key={c.id} style={{ minWidth: 90 }}>
                    {nameOf(c, i18n.language)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.people.map((p) => (
                <Table.Tr key={p.employeeId} data-testid="gap-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.position ?? '—'}
                    </Text>
                  </Table.Td>
                  {g.competencies.map((c) => {
                    const cell = p.cells.find((x) => x.competencyId === c.id);
                    if (!cell) return <Table.Td key={c.id} />;
                    const key = `${p.employeeId} ${c.id}`;
                    return (
                      <Table.Td
                        key={c.id}
                        style={{ background: gapColour(cell.gap) }}
                        data-testid="gap-cell"
                        data-gap={cell.gap ?? ''}
                      >
                        <Group gap={4} wrap="nowrap" justify="space-between">
                          <Text size="sm">
                            {cell.assessed ?? '—'} / {cell.target}
                          </Text>
                          {canWrite && (cell.gap ?? 0) > 0 && !planned.has(key) && (
                            <Tooltip label={t('competencies.gaps.plan')}>
                              <ActionIcon
                                size="sm"
                                variant="light"
                                aria-label={`${t('competencies.gaps.plan')}: ${p.name}, ${nameOf(c, i18n.language)}`}
                                data-testid="plan-training"
                                loading={plan.isPending && plan.variables?.competencyId === c.id}
                                onClick={() =>
                                  plan.mutate({ employeeId: p.employeeId, competencyId: c.id })
                                }
                              >
                                +
                              </ActionIcon>
                            </Tooltip>
                          )}
                          {planned.has(key) && (
                            <Text size="xs" c="teal.9" data-testid="planned">
                              {t('competencies.gaps.planned')}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('competencies.gaps.meanGap')}</Table.Th>
                {g.summary.map((s) => (
                  <Table.Td key={s.competencyId}>{s.meanGap ?? '—'}</Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('competencies.gaps.meeting')}</Table.Th>
                {g.summary.map((s) => (
                  <Table.Td key={s.competencyId}>{percent(s.meetingShare)}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {g && (g.people.length === 0 || g.competencies.length === 0) && (
        <Text c="dimmed">{t('competencies.gaps.empty')}</Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('competencies.gaps.legend')}
      </Text>
    </>
  );
}
