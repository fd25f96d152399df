// The bulk action bar (issue 21): shown while cases are selected on the board, fixed to the
// bottom of the screen (so it stays in reach on a phone). Assign to a person, resolve with a
// code and an optional note — the clients are told only when chosen —, or add a tag. The server
// applies all or nothing; an error says why and keeps the selection.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkCases, type BulkCasesBody } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { ResolutionCodeSelect, useCodeChosen } from './ResolutionCodeSelect.tsx';

type Action = BulkCasesBody['action'];

export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUsers().filter((u) => !u.disabled);
  const [action, setAction] = useState<Action>('assign');
  const [ownerId, setOwnerId] = useState('');
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(false);
  const [tag, setTag] = useState('');
  const codeChosen = useCodeChosen(code);
  const run = useMutation({
    mutationFn: (body: BulkCasesBody) => bulkCases(body),
    onSuccess: (out) => {
      notifications.show({
        color: 'green',
        message: t('closing.bulk.done', { count: out.items.length }),
      });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['resolution-counts'] });
      onDone();
    },
  });
  const body = (): BulkCasesBody => {
    if (action === 'assign') return { action, ids, ownerId: ownerId || null };
    if (action === 'tag') return { action, ids, tag: tag.trim() };
    return {
      action,
      ids,
      resolutionCode: code || undefined,
      note: note.trim() || undefined,
      notifyClients: notify,
    };
  };
  const ready = action === 'resolve' ? codeChosen : action === 'tag' ? Boolean(tag.trim()) : true;

  return (
    <Paper
      shadow="md"
      withBorder
      p="sm"
      radius="md"
      data-testid="bulk-bar"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate(body());
      }}
      style={{ position: 'sticky', bottom: 8, zIndex: 20, marginTop: 12 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm" data-testid="bulk-count">
            {t('closing.bulk.selected', { count: ids.length })}
          </Text>
          <Button variant="subtle" size="xs" onClick={onDone}>
            {t('closing.bulk.clear')}
          </Button>
        </Group>
        <SegmentedControl
          fullWidth
          value={action}
          onChange={(v) => setAction(v as Action)}
          data={[
            { value: 'assign', label: t('closing.bulk.assign') },
            { value: 'resolve', label: t('closing.bulk.resolve') },
            { value: 'tag', label: t('closing.bulk.tag') },
          ]}
        />
        {action === 'assign' && (
          <NativeSelect
            name="bulkOwner"
            label={t('closing.bulk.owner')}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={[
              { value: '', label: t('closing.bulk.unassigned') },
              ...users.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        )}
        {action === 'resolve' && (
          <>
            <ResolutionCodeSelect value={code} onChange={setCode} />
            <TextInput
              name="bulkNote"
              label={t('closing.bulk.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Checkbox
              label={t('closing.bulk.notify')}
              checked={notify}
              onChange={(e) => setNotify(e.currentTarget.checked)}
            />
          </>
        )}
        {action === 'tag' && (
          <TextInput
            name="bulkTag"
            label={t('closing.bulk.tag')}
            value={tag}
            maxLength={40}
            onChange={(e) => setTag(e.currentTarget.value)}
          />
        )}
        <ErrorAlert error={run.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={run.isPending} disabled={!ready}>
            {t('closing.bulk.apply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
