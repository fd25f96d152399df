// The initiatives and training items under a goal: listed (title and status once their module
// is wired, else the id), unlinked, and linked by id.
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/strategy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function GoalItems({
  goal,
  onChanged,
}: {
  goal: api.MapGoalOut;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'initiative' | 'training'>('initiative');
  const [itemId, setItemId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = (p: Promise<unknown>) => p.then(onChanged).then(() => setError(null), setError);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('strategy.items.title')}
      </Text>
      {goal.items.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('strategy.items.none')}
        </Text>
      )}
      {goal.items.map((i) => (
        <Group key={`${i.kind}-${i.itemId}`} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate>
            {t(`strategy.items.kinds.${i.kind}`)}: {i.title ?? i.itemId}
            {i.status ? ` · ${i.status}` : ''}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('strategy.items.unlink')}
            onClick={() => run(api.unlinkItem(goal.id, i.kind, i.itemId))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          w={150}
          data={(['initiative', 'training'] as const).map((k) => ({
            value: k,
            label: t(`strategy.items.kinds.${k}`),
          }))}
          value={kind}
          onChange={(v) => v && setKind(v as typeof kind)}
          allowDeselect={false}
          aria-label={t('strategy.items.kind')}
        />
        <TextInput
          style={{ flex: 1, minWidth: 180 }}
          placeholder={t('strategy.items.idPlaceholder')}
          value={itemId}
          onChange={(e) => setItemId(e.currentTarget.value.trim())}
          aria-label={t('strategy.items.id')}
        />
        <Button
          variant="light"
          disabled={!itemId}
          onClick={() => run(api.linkItem(goal.id, kind, itemId).then(() => setItemId('')))}
        >
          {t('strategy.items.link')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}
