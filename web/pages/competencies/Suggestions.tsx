// Training suggestions (issue 18): a stage's red satisfaction or operational metric meets a gap
// in a competency linked to it; each suggestion names the people and plans their training.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTrainingItem, trainingSuggestions } from '../../api/competencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { nameOf } from './names.ts';

export function Suggestions() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const data = useQuery({
    queryKey: ['competencies', 'suggestions'],
    queryFn: () => trainingSuggestions(),
  });
  const [done, setDone] = useState<Set<string>>(new Set());
  const plan = useMutation({
    mutationFn: async (p: { key: string; competencyId: string; people: string[] }) => {
      for (const employeeId of p.people)
        await createTrainingItem({ employeeId, competencyId: p.competencyId });
    },
    onSuccess: (_r, p) => {
      setDone((s) => new Set(s).add(p.key));
      void queryClient.invalidateQueries({ queryKey: ['competencies', 'training'] });
    },
  });
  const metricLabel = (m: string, own: string | null, ownEn: string | null) =>
    (i18n.language.startsWith('en') ? (ownEn ?? own) : own) ??
    t(`scorecard.metrics.${m.replace(/\./g, '_')}`, { defaultValue: m });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('competencies.suggestions.intro')}
      </Text>
      <ErrorAlert error={data.error ?? plan.error} />
      {data.data?.items.length === 0 && (
        <Text c="dimmed">{t('competencies.suggestions.empty')}</Text>
      )}
      {data.data?.items.map((s) => {
        const key = `${s.stage.key} ${s.metric} ${s.competency.id}`;
        return (
          <Card key={key} withBorder padding="sm" data-testid="suggestion">
            <Text fw={600}>
              {i18n.language.startsWith('en') ? s.stage.nameEn : s.stage.nameRu}:{' '}
              {metricLabel(s.metric, s.metricName, s.metricNameEn)} —{' '}
              <Text span c="red.8">
                {s.value ?? '—'} / {s.target ?? '—'}
              </Text>
            </Text>
            <Text size="sm">
              {t('competencies.suggestions.train', {
                competency: nameOf(s.competency, i18n.language),
              })}
              : {s.people.map((p) => `${p.name} (${p.assessed} / ${p.target})`).join(', ')}
            </Text>
            {canWrite && (
              <Group mt={6}>
                <Button
                  size="xs"
                  variant="light"
                  disabled={done.has(key)}
                  loading={plan.isPending && plan.variables?.key === key}
                  onClick={() =>
                    plan.mutate({
                      key,
                      competencyId: s.competency.id,
                      people: s.people.map((p) => p.employeeId),
                    })
                  }
                >
                  {done.has(key)
                    ? t('competencies.gaps.planned')
                    : t('competencies.suggestions.plan')}
                </Button>
              </Group>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
