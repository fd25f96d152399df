// The competency model (issue 18): the organisation's competencies (names ru/en, the scorecard
// metric each moves) and, per position, the target level 1–5 of each (empty = not required).
import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createCompetency,
  listCompetencies,
  listModels,
  putModel,
} from '../../api/competencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { COMPETENCIES_KEY, nameOf } from './names.ts';

export function ModelEditor() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const competencies = useQuery({ queryKey: COMPETENCIES_KEY, queryFn: listCompetencies });
  const models = useQuery({ queryKey: ['competencies', 'models'], queryFn: listModels });
  const [draft, setDraft] = useState({ nameRu: '', nameEn: '', metricKey: '' });
  const add = useMutation({
    mutationFn: () =>
      createCompetency({
        nameRu: draft.nameRu,
        nameEn: draft.nameEn,
        metricKey: draft.metricKey.trim() || undefined,
      }),
    onSuccess: () => {
      setDraft({ nameRu: '', nameEn: '', metricKey: '' });
      void queryClient.invalidateQueries({ queryKey: COMPETENCIES_KEY });
    },
  });
  const positions = (models.data?.items ?? []).map((m) => m.position);
  const [position, setPosition] = useState<string | null>(null);
  const current = models.data?.items.find((m) => m.position === position);
  const [levels, setLevels] = useState<Record<string, number | ''>>({});
  useEffect(() => {
    setLevels(Object.fromEntries((current?.targets ?? []).map((x) => [x.competencyId, x.level])));
  }, [current]);
  const save = useMutation({
    mutationFn: () =>
      putModel(
        position!,
        Object.fromEntries(
          Object.entries(levels).filter((e): e is [string, number] => typeof e[1] === 'number'),
        ),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['competencies'] }),
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('competencies.model.list')}
        </Title>
        <ErrorAlert error={competencies.error ?? add.error} />
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competencies.model.name')}</Table.Th>
                <Table.Th>{t('competencies.model.metric')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(competencies.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{nameOf(c, i18n.language)}</Table.Td>
                  <Table.Td>{c.metricKey ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canWrite && (
          <Group align="flex-end" mt="sm" wrap="wrap">
            <TextInput
              label={t('competencies.model.nameRu')}
              value={draft.nameRu}
              onChange={(e) => setDraft({ ...draft, nameRu: e.currentTarget.value })}
            />
            <TextInput
              label={t('competencies.model.nameEn')}
              value={draft.nameEn}
              onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })}
            />
            <TextInput
              label={t('competencies.model.metric')}
              description={t('competencies.model.metricHint')}
              value={draft.metricKey}
              onChange={(e) => setDraft({ ...draft, metricKey: e.currentTarget.value })}
            />
            <Button
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={!draft.nameRu.trim() || !draft.nameEn.trim()}
            >
              {t('competencies.model.add')}
            </Button>
          </Group>
        )}
      </div>
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('competencies.model.byPosition')}
        </Title>
        <Select
          label={t('competencies.model.position')}
          data={positions}
          value={position}
          onChange={setPosition}
          searchable
          w={320}
          maw="100%"
          data-testid="model-position"
        />
        {position && (
          <Stack gap={6} mt="sm">
            <Text size="sm" c="dimmed">
              {t('competencies.model.employees', { count: current?.employees ?? 0 })}
            </Text>
            {(competencies.data?.items ?? []).map((c) => (
              <Group key={c.id} gap="sm" wrap="nowrap">
                <Text size="sm" style={{ flex: 1 }}>
                  {nameOf(c, i18n.language)}
                </Text>
                <NumberInput
                  w={90}
                  min={1}
                  max={5}
                  placeholder="—"
                  aria-label={`${t('competencies.model.target')}: ${nameOf(c, i18n.language)}`}
                  value={levels[c.id] ?? ''}
                  disabled={!canWrite}
                  onChange={(v) => setLevels({ ...levels, [c.id]: typeof v === 'number' ? v : '' })}
                />
              </Group>
            ))}
            <ErrorAlert error={save.error} />
            {canWrite && (
              <Group>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  {t('competencies.model.save')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
