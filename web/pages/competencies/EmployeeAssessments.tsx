// One employee (issue 18): their gaps, the self and manager assessments, the 360 answers per
// competency (only counts below the anonymity threshold; never who rated), a manager's
// assessment form and their training plan.
import { Button, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assess, getAssessments, getGaps, listCompetencies } from '../../api/competencies.ts';
import { listEmployees } from '../../api/employees.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { COMPETENCIES_KEY, gapColour, nameOf } from './names.ts';
import { TrainingPlan } from './TrainingPlan.tsx';

export function EmployeeAssessments() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: ['employees', 'all'],
    queryFn: () => listEmployees({ limit: 200 }),
  });
  const competencies = useQuery({ queryKey: COMPETENCIES_KEY, queryFn: listCompetencies });
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const gaps = useQuery({
    queryKey: ['competencies', 'gaps', 'one', employeeId],
    queryFn: () => getGaps({ employeeId: employeeId! }),
    enabled: !!employeeId,
  });
  const assessments = useQuery({
    queryKey: ['competencies', 'assessments', employeeId],
    queryFn: () => getAssessments(employeeId!),
    enabled: !!employeeId,
  });
  const [levels, setLevels] = useState<Record<string, number | ''>>({});
  // Who may give which kind (the server checks it too): one's own employee record → self;
  // anyone else's → manager (admins, managers) or a 360 answer (anonymous).
  const own = people.data?.items.find((e) => e.id === employeeId)?.user?.id === user.id;
  const kinds = own
    ? (['self'] as const)
    : canWrite
      ? (['manager', 'peer'] as const)
      : (['peer'] as const);
  const [picked, setKind] = useState<'self' | 'manager' | 'peer'>('manager');
  const kind = (kinds as readonly string[]).includes(picked) ? picked : kinds[0];
  const save = useMutation({
    mutationFn: () =>
      assess(
        employeeId!,
        kind,
        Object.fromEntries(
          Object.entries(levels).filter((e): e is [string, number] => typeof e[1] === 'number'),
        ),
      ),
    onSuccess: () => {
      setLevels({});
      void queryClient.invalidateQueries({ queryKey: ['competencies'] });
    },
  });
  const byId = new Map((competencies.data?.items ?? []).map((c) => [c.id, c]));
  const name = (id: string) => (byId.get(id) ? nameOf(byId.get(id)!, i18n.language) : '—');
  const cells = gaps.data?.people[0]?.cells ?? [];
  return (
    <Stack gap="md">
      <Select
        label={t('competencies.person.pick')}
        data={(people.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        value={employeeId}
        onChange={setEmployeeId}
        searchable
        w={320}
        maw="100%"
        data-testid="person-pick"
      />
      <ErrorAlert error={gaps.error ?? assessments.error ?? save.error} />
      {employeeId && cells.length === 0 && gaps.data && (
        <Text c="dimmed">{t('competencies.person.noModel')}</Text>
      )}
      {cells.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competencies.person.competency')}</Table.Th>
                <Table.Th>{t('competencies.person.level')}</Table.Th>
                <Table.Th>{t('competencies.person.assess')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cells.map((c) => (
                <Table.Tr key={c.competencyId}>
                  <Table.Td>{name(c.competencyId)}</Table.Td>
                  <Table.Td style={{ background: gapColour(c.gap) }}>
                    {c.assessed ?? '—'} / {c.target}
                    {c.source && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t(`competencies.source.${c.source}`)})
                      </Text>
                    )}
                  </Table.Td>
                  {
                    <Table.Td>
                      <NumberInput
                        w={80}
                        min={1}
                        max={5}
                        size="xs"
                        placeholder="1–5"
                        aria-label={`${t('competencies.person.assess')}: ${name(c.competencyId)}`}
                        value={levels[c.competencyId] ?? ''}
                        onChange={(v) =>
                          setLevels({ ...levels, [c.competencyId]: typeof v === 'number' ? v : '' })
                        }
                      />
                    </Table.Td>
                  }
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cells.length > 0 && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('competencies.person.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`competencies.source.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as typeof picked)}
            w={200}
            data-testid="assess-kind"
          />
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!Object.values(levels).some((v) => typeof v === 'number')}
          >
            {t('competencies.person.save')}
          </Button>
        </Group>
      )}
      {assessments.data && (
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('competencies.person.history')}
          </Title>
          {assessments.data.items.map((a) => (
            <Text size="sm" key={a.id}>
              {formatDateTime(a.assessedAt, i18n.language)} · {t(`competencies.source.${a.kind}`)}
              {a.assessedBy ? ` (${a.assessedBy.name})` : ''} · {name(a.competencyId)}: {a.level}
            </Text>
          ))}
          {assessments.data.peers.map((p) => (
            <Text size="sm" key={p.competencyId} data-testid="peer-summary">
              360 · {name(p.competencyId)}:{' '}
              {p.shown
                ? t('competencies.person.peersShown', { mean: p.mean, raters: p.raters })
                : t('competencies.person.peersHidden', {
                    raters: p.raters,
                    threshold: assessments.data.anonymityThreshold,
                  })}
            </Text>
          ))}
        </div>
      )}
      {employeeId && (
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('competencies.person.plan')}
          </Title>
          <TrainingPlan employeeId={employeeId} />
        </div>
      )}
    </Stack>
  );
}
