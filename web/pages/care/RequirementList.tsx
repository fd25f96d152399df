// Requirements as cards: on the client card (in effect only), on the requirements tab (all,
// with edit, retire/restore and history) and on a case (the case's client's, in effect).
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseRequirements,
  listRequirements,
  listRequirementVersions,
  updateRequirement,
  type RequirementOut,
} from '../../api/care.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useStageLabel } from '../../components/useStageLabel.ts';
import { formatDateTime } from '../../format.ts';
import { RequirementEditForm } from './RequirementEditForm.tsx';

function History({ requirementId }: { requirementId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['requirement-versions', requirementId],
    queryFn: () => listRequirementVersions(requirementId),
  });
  // A snapshot is stored JSON: a status this build does not know is shown as it is, not as a key.
  const statusLabel = (status: unknown) =>
    t(`care.requirements.statuses.${String(status ?? '')}`, { defaultValue: String(status ?? '') });
  return (
    <Stack gap={4} mt="xs">
      <ErrorAlert error={versions.error} />
      {versions.data?.items.map((v) => (
        <Text key={v.version} size="xs" c="dimmed" data-testid="requirement-version">
          {t('care.requirements.version', { version: v.version })} ·{' '}
          {formatDateTime(v.createdAt, i18n.language)} · {String(v.snapshot.text ?? '')} (
          {statusLabel(v.snapshot.status)})
        </Text>
      ))}
    </Stack>
  );
}

export function RequirementCard({
  item,
  manage,
}: {
  item: RequirementOut;
  manage?: { onChanged: () => void };
}) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const queryClient = useQueryClient();
  const [showHistory, setShowHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const changed = () => {
    manage?.onChanged();
    void queryClient.invalidateQueries({ queryKey: ['requirement-versions', item.id] });
  };
  const toggle = useMutation({
    mutationFn: () =>
      updateRequirement(item.id, { status: item.status === 'active' ? 'retired' : 'active' }),
    onSuccess: changed,
  });
  if (manage && editing) {
    return (
      <Card withBorder padding="sm" radius="sm" data-testid="requirement">
        <RequirementEditForm
          item={item}
          onDone={(saved) => {
            setEditing(false);
            if (!saved) return;
            changed();
            notifications.show({
              color: 'green',
              message: t('care.requirements.saved', { version: item.version + 1 }),
            });
          }}
        />
      </Card>
    );
  }
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="requirement">
      <Group gap={6} mb={4} wrap="wrap">
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`care.requirements.categories.${item.category}`)}
        </Badge>
        {item.product && (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {item.product}
          </Badge>
        )}
        {item.stage && (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {stageLabel(item.stage)}
          </Badge>
        )}
        {manage && (
          <Badge
            color={item.inEffect ? 'green' : 'gray'}
            variant="dot"
            style={{ textTransform: 'none' }}
          >
            {t(item.inEffect ? 'care.requirements.inEffect' : 'care.requirements.notInEffect')}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {item.text}
      </Text>
      {(item.effectiveFrom || item.effectiveTo) && (
        <Text size="xs" c="dimmed" mt={4}>
          {item.effectiveFrom && `${t('care.requirements.effectiveFrom')} ${item.effectiveFrom}`}{' '}
          {item.effectiveTo && `${t('care.requirements.effectiveTo')} ${item.effectiveTo}`}
        </Text>
      )}
      {manage && (
        <>
          <ErrorAlert error={toggle.error} />
          <Group gap="xs" mt="xs">
            <Button size="compact-xs" variant="light" onClick={() => setEditing(true)}>
              {t('care.requirements.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              loading={toggle.isPending}
              onClick={() => toggle.mutate()}
            >
              {t(
                item.status === 'active' ? 'care.requirements.retire' : 'care.requirements.restore',
              )}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setShowHistory((v) => !v)}>
              {t('care.requirements.history')} ({item.version})
            </Button>
          </Group>
          {showHistory && <History requirementId={item.id} />}
        </>
      )}
    </Card>
  );
}

/** The client's requirements; `onlyInEffect` for the card's summary. */
export function RequirementList({
  clientId,
  onlyInEffect,
  manage,
}: {
  clientId: string;
  onlyInEffect?: boolean;
  manage?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['requirements', clientId],
    queryFn: () => listRequirements(clientId),
  });
  const items = (list.data?.items ?? []).filter((r) => !onlyInEffect || r.inEffect);
  const onChanged = () =>
    void queryClient.invalidateQueries({ queryKey: ['requirements', clientId] });
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {t('care.requirements.title')}
      </Title>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('care.requirements.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((r) => (
          <RequirementCard key={r.id} item={r} manage={manage ? { onChanged } : undefined} />
        ))}
      </Stack>
    </section>
  );
}

/** On a case page: the requirements of the case's client that are in effect, above the timeline. */
export function CaseRequirements({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['case-requirements', caseId],
    queryFn: () => caseRequirements(caseId),
  });
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('care.requirements.onCase')}
      data-testid="case-requirements"
    >
      <Stack gap="xs">
        {list.data.items.map((r) => (
          <RequirementCard key={r.id} item={r} />
        ))}
      </Stack>
    </Alert>
  );
}
