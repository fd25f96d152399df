// The care playbook of each of the nine cells (managers and admins): actions in Russian and
// English with how often each is due; every client in the cell gets them as care reminders.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlaybooks, putPlaybook, type PlaybookOut } from '../../api/portfolio.ts';
import { cellColor, cellKey, cellName, COLUMNS, ROWS } from './cells.ts';
import { PortfolioError } from './PortfolioError.tsx';

export function PlaybooksForm({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const playbooks = useQuery({ queryKey: ['portfolio', 'playbooks'], queryFn: getPlaybooks });
  const byCell = new Map((playbooks.data?.playbooks ?? []).map((p) => [cellKey(p), p]));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('portfolio.settings.playbooks')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('portfolio.settings.playbooksIntro')}
      </Text>
      <PortfolioError error={playbooks.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {ROWS.flatMap((a) =>
          COLUMNS.map((r) => {
            const p = byCell.get(`${a}|${r}`);
            // Keyed by the saved ids too: a save resets the card's draft to what was stored.
            return p ? (
              <PlaybookCard
                key={`${cellKey(p)}:${p.actions.map((x) => x.id).join(',')}`}
                p={p}
                writable={writable}
              />
            ) : null;
          }),
        )}
      </SimpleGrid>
    </Stack>
  );
}

type Draft = { id?: string; titleRu: string; titleEn: string; everyDays: number | string };

function PlaybookCard({ p, writable }: { p: PlaybookOut; writable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [actions, setActions] = useState<Draft[]>(p.actions);
  const set = (i: number, patch: Partial<Draft>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const save = useMutation({
    mutationFn: () =>
      putPlaybook(p, {
        actions: actions.map((a) => ({
          ...(a.id ? { id: a.id } : {}),
          titleRu: a.titleRu,
          titleEn: a.titleEn,
          everyDays: Number(a.everyDays),
        })),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      await client.invalidateQueries({ queryKey: ['reminders'] });
      notifications.show({ color: 'green', message: t('portfolio.settings.playbookSaved') });
    },
  });
  const testId = `playbook-${p.attractiveness}-${p.relationship}`;
  return (
    <Paper withBorder p="sm" radius="md" style={{ background: cellColor(p) }} data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {cellName(t, p)}
      </Text>
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('portfolio.settings.noActions')}
        </Text>
      )}
      <Stack gap="xs">
        {actions.map((a, i) => (
          <Paper
            key={a.id ?? `new-${i}`}
            withBorder
            p={6}
            radius="sm"
            data-testid="playbook-action"
          >
            <TextInput
              size="xs"
              label={t('portfolio.settings.actionRu')}
              value={a.titleRu}
              onChange={(e) => set(i, { titleRu: e.currentTarget.value })}
              readOnly={!writable}
              name="titleRu"
            />
            <TextInput
              size="xs"
              label={t('portfolio.settings.actionEn')}
              value={a.titleEn}
              onChange={(e) => set(i, { titleEn: e.currentTarget.value })}
              readOnly={!writable}
              name="titleEn"
            />
            <Group gap="xs" align="flex-end">
              <NumberInput
                size="xs"
                label={t('portfolio.settings.everyDays')}
                value={a.everyDays}
                onChange={(v) => set(i, { everyDays: v })}
                min={1}
                max={3650}
                allowDecimal={false}
                readOnly={!writable}
                name="everyDays"
                w={120}
              />
              {writable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('portfolio.settings.removeAction')}
                  title={t('portfolio.settings.removeAction')}
                  onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <PortfolioError error={save.error} />
      {writable && (
        <Group gap="xs" mt="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setActions((list) => [...list, { titleRu: '', titleEn: '', everyDays: 90 }])
            }
          >
            {t('portfolio.settings.addAction')}
          </Button>
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="playbook-save"
          >
            {t('portfolio.settings.savePlaybook')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
