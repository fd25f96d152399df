// The journey stages in order: name, key, process owner and targets; an admin creates, edits,
// merges and deletes them. Cards rather than a table, so it reads on a phone.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteStage, listStages, stageName, type StageOut } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { MergeStageModal } from './MergeStageModal.tsx';
import { StageModal } from './StageModal.tsx';
import { TargetBadges } from './TargetBadges.tsx';

export const STAGES_KEY = ['stages'] as const;

export function StagesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const manage = can(user.role, 'org.manage');
  const users = useUsers();
  const queryClient = useQueryClient();
  const stages = useQuery({ queryKey: STAGES_KEY, queryFn: listStages });
  const [editing, setEditing] = useState<StageOut | 'new' | null>(null);
  const [merging, setMerging] = useState<StageOut | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: STAGES_KEY });
  const remove = useMutation({ mutationFn: deleteStage, onSuccess: refresh });
  const items = stages.data?.items ?? [];
  const ownerName = (id: string | null) =>
    id ? (users.find((u) => u.id === id)?.name ?? '—') : t('stages.noOwner');

  return (
    <>
      <PageHeader
        title={t('stages.title')}
        intro={t('stages.intro')}
        action={manage && <Button onClick={() => setEditing('new')}>{t('stages.create')}</Button>}
      />
      <ErrorAlert error={stages.error ?? remove.error} />
      {stages.data && items.length === 0 && <Text c="dimmed">{t('stages.empty')}</Text>}
      <Stack gap="xs">
        {items.map((s) => {
          const name = stageName(s, i18n.language);
          return (
            <Card key={s.id} withBorder padding="sm" radius="sm" data-testid="stage-card">
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <div style={{ minWidth: 0 }}>
                  <AnchorLink to={`/stages/${s.id}`} fw={600} data-testid="stage-name">
                    {s.position}. {name}
                  </AnchorLink>
                  {name !== s.key && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {t('stages.key')}: {s.key}
                    </Text>
                  )}
                  <Text size="sm" mt={4} data-testid="stage-owner">
                    {t('stages.owner')}: {ownerName(s.ownerId)}
                  </Text>
                </div>
                {manage && (
                  <Group gap={4} wrap="wrap">
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(s)}>
                      {t('stages.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={items.length < 2}
                      onClick={() => setMerging(s)}
                    >
                      {t('stages.merge')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      loading={remove.isPending && remove.variables === s.id}
                      onClick={() => {
                        if (window.confirm(t('stages.deleteConfirm', { name })))
                          remove.mutate(s.id);
                      }}
                    >
                      {t('stages.delete')}
                    </Button>
                  </Group>
                )}
              </Group>
              <TargetBadges targets={s.targets} />
            </Card>
          );
        })}
      </Stack>
      {editing && (
        <StageModal
          key={editing === 'new' ? 'new' : editing.id}
          stage={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
            notifications.show({ color: 'green', message: t('stages.saved') });
          }}
        />
      )}
      {merging && (
        <MergeStageModal
          stage={merging}
          stages={items}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            refresh();
            notifications.show({ color: 'green', message: t('stages.merged') });
          }}
        />
      )}
    </>
  );
}
