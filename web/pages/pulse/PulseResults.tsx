// One pulse: its team links (to copy) and eNPS per team and period; a team with fewer than 5
// answers shows that, never a figure or its comments.
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format.ts';
import { pulseResults, type PulseOut } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

type Unit = 'month' | 'quarter' | 'year';

export function PulseResults({ pulse }: { pulse: PulseOut }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<Unit>('month');
  const results = useQuery({
    queryKey: ['pulse-results', pulse.id, period],
    queryFn: () => pulseResults(pulse.id, period),
  });
  const cells = (results.data?.items ?? []).filter((c) => c.answers > 0);
  return (
    <Stack gap="sm" mt="md">
      <Title order={4}>{pulse.name}</Title>
      {pulse.links.length > 0 && (
        <Stack gap={4}>
          <Text fw={500}>{t('pulse.links')}</Text>
          {pulse.links.map((l) => (
            <Text key={l.stage} size="sm" style={{ wordBreak: 'break-all' }}>
              {l.stage}: <Anchor href={l.url}>{l.url}</Anchor>
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {t('pulse.linksHint')}
          </Text>
        </Stack>
      )}
      <Group justify="space-between">
        <Text fw={500}>{t('pulse.results')}</Text>
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(v) => setPeriod(v as Unit)}
          data={(['month', 'quarter', 'year'] as const).map((u) => ({
            value: u,
            label: t(`pulse.periods.${u}`),
          }))}
        />
      </Group>
      <ErrorAlert error={results.error} />
      {results.data && cells.length === 0 && <Text c="dimmed">{t('pulse.noAnswers')}</Text>}
      {cells.length > 0 && (
        <Table.ScrollContainer minWidth={340}>
          <Table verticalSpacing="xs" data-testid="pulse-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pulse.team')}</Table.Th>
                <Table.Th>{t('pulse.period')}</Table.Th>
                <Table.Th>eNPS</Table.Th>
                <Table.Th>{t('pulse.answers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cells.map((c) => (
                <Table.Tr key={`${c.stage}|${c.period}`} data-testid="pulse-cell">
                  <Table.Td>{c.stage ?? t('pulse.noTeam')}</Table.Td>
                  <Table.Td>{formatPeriod(c.period, i18n.language, t)}</Table.Td>
                  <Table.Td>
                    {c.hidden ? (
                      <Badge color="gray" variant="light">
                        {t('pulse.hidden')}
                      </Badge>
                    ) : (
                      <Text fw={600}>
                        {c.enps}
                        {c.marginOfError !== null && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ±{c.marginOfError}
                          </Text>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.answers}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cells
        .filter((c) => c.comments.length > 0)
        .map((c) => (
          <Stack key={`comments-${c.stage}-${c.period}`} gap={2}>
            <Text size="sm" fw={500}>
              {t('pulse.comments', { team: c.stage ?? t('pulse.noTeam'), period: c.period })}
            </Text>
            {c.comments.map((text, i) => (
              <Text key={i} size="sm">
                — {text}
              </Text>
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
