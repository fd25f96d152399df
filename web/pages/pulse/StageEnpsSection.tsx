// The employee layer on the stage page: the team's eNPS per month against the stage's target,
// a month with fewer than 5 answers shown as hidden (never its value).
import { Badge, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format.ts';
import { stageEnps } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const COLOURS = { green: 'teal', amber: 'yellow', red: 'red' } as const;

export function StageEnpsSection({ stageKey }: { stageKey: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['stage-enps', stageKey], queryFn: () => stageEnps(stageKey) });
  const cells = q.data?.items.filter((c) => c.answers > 0) ?? [];
  return (
    <>
      <Title order={2} size="h4" mt="md" mb="xs">
        {t('pulse.stageSection')}
      </Title>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && cells.length === 0 && <Text c="dimmed">{t('pulse.noAnswers')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} data-testid="stage-enps">
        {cells.map((c) => (
          <Card key={c.period} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {formatPeriod(c.period, i18n.language, t)}
            </Text>
            {c.hidden ? (
              <Badge color="gray" variant="light">
                {t('pulse.hidden')}
              </Badge>
            ) : (
              <Text fw={700} size="lg" c={c.status ? COLOURS[c.status] : undefined}>
                {c.enps}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ±{c.marginOfError}
                </Text>
              </Text>
            )}
            {c.target !== null && (
              <Text size="xs" c="dimmed">
                {t('pulse.target', { value: c.target })}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
