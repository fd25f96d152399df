// The organisation's weights of the score inputs (admins): per axis, summing to 100. While the
// form differs from the saved weights and both sums are 100, the server previews how many clients
// would change cell, so the admin sees it before saving.
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getWeights,
  previewWeights,
  putWeights,
  type PortfolioWeights,
} from '../../api/portfolio.ts';
import { ApiError } from '../../api/client.ts';
import { cellShort } from './cells.ts';
import { PortfolioError } from './PortfolioError.tsx';

const AXES = ['attractiveness', 'relationship'] as const;
const sumOf = (w: Record<string, number>) =>
  Math.round(Object.values(w).reduce((s, v) => s + v, 0) * 1000) / 1000;

export function WeightsForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: ['portfolio', 'weights'], queryFn: getWeights });
  const [form, setForm] = useState<PortfolioWeights | null>(null);
  useEffect(() => {
    if (saved.data && !form) setForm(saved.data.weights);
  }, [saved.data, form]);
  const [debounced] = useDebouncedValue(form, 400);
  const valid = debounced !== null && AXES.every((a) => sumOf(debounced[a]) === 100);
  const changed = JSON.stringify(debounced) !== JSON.stringify(saved.data?.weights);
  const preview = useQuery({
    queryKey: ['portfolio', 'weights-preview', debounced],
    queryFn: () => previewWeights(debounced!),
    enabled: valid && changed,
  });
  const save = useMutation({
    mutationFn: () => putWeights(form!),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      notifications.show({ color: 'green', message: t('portfolio.settings.saved') });
    },
  });
  const invalid = (name: string) =>
    save.error instanceof ApiError && save.error.invalidParams.some((p) => p.name === name);
  if (!form) return <PortfolioError error={saved.error} />;
  const set = (axis: (typeof AXES)[number], input: string, value: number) =>
    setForm({ ...form, [axis]: { ...form[axis], [input]: value } });
  return (
    <Stack gap="sm" data-testid="weights-form">
      <Group gap="xs">
        <Title order={2} size="h4">
          {t('portfolio.settings.weights')}
        </Title>
        {saved.data?.isDefault && (
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t('portfolio.settings.isDefault')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('portfolio.settings.weightsIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {AXES.map((axis) => {
          const sum = sumOf(form[axis]);
          return (
            <Paper key={axis} withBorder p="sm" radius="md">
              <Text fw={600} mb="xs">
                {t(`portfolio.axes.${axis}`)}
              </Text>
              <Stack gap={6}>
                {Object.entries(form[axis]).map(([input, value]) => (
                  <NumberInput
                    key={input}
                    name={`${axis}.${input}`}
                    label={t(`portfolio.inputs.${input}`)}
                    value={value}
                    min={0}
                    max={100}
                    step={5}
                    decimalScale={2}
                    error={invalid(`body.${axis}.${input}`)}
                    onChange={(v) => set(axis, input, typeof v === 'number' ? v : Number(v) || 0)}
                  />
                ))}
              </Stack>
              <Text
                size="sm"
                mt="xs"
                fw={600}
                c={sum === 100 ? 'teal' : 'red'}
                data-testid={`weights-sum-${axis}`}
              >
                {sum === 100
                  ? t('portfolio.settings.sum', { sum })
                  : t('portfolio.settings.sumWrong', { sum })}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      {changed && valid && (
        <Alert color="blue" variant="light" data-testid="weights-preview">
          {preview.isFetching && t('portfolio.settings.previewing')}
          {!preview.isFetching && preview.data && (
            <>
              <Text size="sm" fw={600}>
                {preview.data.changes === 0
                  ? t('portfolio.settings.previewNone')
                  : t('portfolio.settings.preview', { count: preview.data.changes })}
              </Text>
              {preview.data.clients.slice(0, 20).map((c) => (
                <Text key={c.clientId} size="xs">
                  {c.name}: {cellShort(t, c.from)} → {cellShort(t, c.to)}
                </Text>
              ))}
            </>
          )}
          <PortfolioError error={preview.error} />
        </Alert>
      )}
      <PortfolioError error={save.error} />
      <Group>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!AXES.every((a) => sumOf(form[a]) === 100)}
          data-testid="weights-save"
        >
          {t('portfolio.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
