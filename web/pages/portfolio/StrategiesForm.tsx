// The strategy of each of the nine cells in Russian and English (managers and admins): seed 001's
// text until edited; shown on the matrix and on the client card.
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getStrategies, putStrategy, type StrategyOut } from '../../api/portfolio.ts';
import { cellColor, cellKey, cellName, COLUMNS, ROWS } from './cells.ts';
import { PortfolioError } from './PortfolioError.tsx';

export function StrategiesForm({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const strategies = useQuery({ queryKey: ['portfolio', 'strategies'], queryFn: getStrategies });
  const byCell = new Map((strategies.data?.strategies ?? []).map((s) => [cellKey(s), s]));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('portfolio.settings.strategies')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('portfolio.settings.strategiesIntro')}
      </Text>
      <PortfolioError error={strategies.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {ROWS.flatMap((a) =>
          COLUMNS.map((r) => {
            const s = byCell.get(`${a}|${r}`);
            return s ? <StrategyCard key={cellKey(s)} s={s} writable={writable} /> : null;
          }),
        )}
      </SimpleGrid>
    </Stack>
  );
}

function StrategyCard({ s, writable }: { s: StrategyOut; writable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [ru, setRu] = useState(s.textRu);
  const [en, setEn] = useState(s.textEn);
  const save = useMutation({
    mutationFn: () => putStrategy(s, { textRu: ru, textEn: en }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      notifications.show({ color: 'green', message: t('portfolio.settings.strategySaved') });
    },
  });
  const dirty = ru !== s.textRu || en !== s.textEn;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={{ background: cellColor(s) }}
      data-testid={`strategy-${s.attractiveness}-${s.relationship}`}
    >
      <Group justify="space-between" gap={4} mb={4}>
        <Text size="sm" fw={600}>
          {cellName(t, s)}
        </Text>
        {s.isDefault && (
          <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t('portfolio.settings.defaultText')}
          </Badge>
        )}
      </Group>
      <Textarea
        label={t('portfolio.settings.textRu')}
        value={ru}
        onChange={(e) => setRu(e.currentTarget.value)}
        autosize
        minRows={2}
        readOnly={!writable}
        name="textRu"
      />
      <Textarea
        label={t('portfolio.settings.textEn')}
        value={en}
        onChange={(e) => setEn(e.currentTarget.value)}
        autosize
        minRows={2}
        readOnly={!writable}
        name="textEn"
        mt={4}
      />
      <PortfolioError error={save.error} />
      {writable && (
        <Button
          size="xs"
          mt="xs"
          disabled={!dirty || !ru.trim() || !en.trim()}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('portfolio.settings.saveStrategy')}
        </Button>
      )}
    </Paper>
  );
}
