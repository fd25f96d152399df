// One initiative (issue 18): status with the moves allowed next, the public note clients see in
// "you said, we did" (e-mail and status page), scores and due date, and what it links — feedback
// records with their words, clients and cases.
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteInitiative,
  getInitiative,
  updateInitiative,
  type InitiativeDetailOut,
} from '../../api/backlog.ts';
import type { InitiativePatch } from '../../../shared/api/backlog.ts';
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { navigate, useRouteParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { STATUS_COLORS } from './BacklogPage.tsx';
import { Links } from './InitiativeLinks.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { listStages, stageName } from '../../api/stages.ts';

export function InitiativePage() {
  const { t, i18n } = useTranslation();
  const { id } = useRouteParams();
  const { user } = useSession();
  const canEdit = canWriteData(user.role);
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['initiatives', id], queryFn: () => getInitiative(id!) });
  const d = detail.data;
  const [note, setNote] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [effort, setEffort] = useState<number | string>('');
  const [due, setDue] = useState('');
  const [owner, setOwner] = useState('');
  const [stage, setStage] = useState('');
  const users = useUsers();
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  useEffect(() => {
    if (!d) return;
    setNote(d.publicNote ?? '');
    setValue(d.valueSource === 'manual' ? (d.value ?? '') : '');
    setEffort(d.effort ?? '');
    setDue(d.dueDate ?? '');
    setOwner(d.ownerId ?? '');
    setStage(d.stage ?? '');
  }, [d?.id, d?.updatedAt]);
  const save = useMutation({
    mutationFn: (patch: InitiativePatch) => updateInitiative(id!, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['initiatives'] }),
  });
  const remove = useMutation({
    mutationFn: () => deleteInitiative(id!),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['initiatives'] });
      navigate('/backlog');
    },
  });
  const num = (v: number | string) => (v === '' ? null : Number(v));
  return (
    <>
      <AnchorLink to="/backlog" size="sm">
        ← {t('backlog.detail.back')}
      </AnchorLink>
      <ErrorAlert error={detail.error ?? save.error ?? remove.error} />
      {d && (
        <Stack gap="md" mt="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {d.title}
            </Title>
            <Badge size="lg" color={STATUS_COLORS[d.status]} data-testid="initiative-status">
              {t(`backlog.status.${d.status}`)}
            </Badge>
          </Group>
          {d.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Text>}
          <Text size="sm" c="dimmed">
            {t(`backlog.quadrant.${d.quadrant ?? 'none'}`)} · {t('backlog.chart.value')}{' '}
            {d.value ?? '—'} · {t('backlog.chart.effort')} {d.effort ?? '—'} ·{' '}
            {t('backlog.detail.reach', { count: d.reach })} ·{' '}
            {t('backlog.detail.revenue', { amount: formatMoney(d.revenueAtStake, i18n.language) })}
            {d.doneAt &&
              ` · ${t('backlog.detail.doneAt', { date: formatDateTime(d.doneAt, i18n.language) })}`}
          </Text>
          {canEdit && d.allowedNext.length > 0 && (
            <Group gap="xs">
              {d.allowedNext.map((s) => (
                <Button
                  key={s}
                  size="xs"
                  variant={s === 'done' ? 'filled' : 'light'}
                  color={STATUS_COLORS[s]}
                  loading={save.isPending}
                  onClick={() => save.mutate({ status: s, publicNote: note.trim() || null })}
                  data-testid={`move-${s}`}
                >
                  {t('backlog.moveTo', { status: t(`backlog.status.${s}`) })}
                </Button>
              ))}
            </Group>
          )}
          <Text size="sm" data-testid="notices-sent">
            {t('backlog.detail.notices', { count: d.noticesSent })}
          </Text>
          <Card withBorder padding="sm">
            <Stack gap="xs">
              <Textarea
                label={t('backlog.fields.publicNote')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                readOnly={!canEdit}
                data-testid="public-note"
              />
              <Group gap="sm" align="flex-end" wrap="wrap">
                <NumberInput
                  label={t('backlog.fields.value')}
                  min={1}
                  max={10}
                  w={150}
                  value={value}
                  onChange={setValue}
                  readOnly={!canEdit}
                />
                <NumberInput
                  label={t('backlog.fields.effort')}
                  min={1}
                  max={10}
                  w={150}
                  value={effort}
                  onChange={setEffort}
                  readOnly={!canEdit}
                />
                <TextInput
                  type="date"
                  label={t('backlog.fields.dueDate')}
                  value={due}
                  onChange={(e) => setDue(e.currentTarget.value)}
                  readOnly={!canEdit}
                />
                <NativeSelect
                  label={t('backlog.fields.owner')}
                  value={owner}
                  onChange={(e) => setOwner(e.currentTarget.value)}
                  disabled={!canEdit}
                  data={[
                    { value: '', label: '—' },
                    ...users.map((u) => ({ value: u.id, label: u.name })),
                    ...(owner && !users.some((u) => u.id === owner)
                      ? [{ value: owner, label: owner }]
                      : []),
                  ]}
                />
                <NativeSelect
                  label={t('backlog.fields.stage')}
                  value={stage}
                  onChange={(e) => setStage(e.currentTarget.value)}
                  disabled={!canEdit}
                  data={[
                    { value: '', label: '—' },
                    ...(stages.data?.items ?? []).map((s) => ({
                      value: s.key,
                      label: stageName(s, i18n.language),
                    })),
                  ]}
                />
                {canEdit && (
                  <Button
                    onClick={() =>
                      save.mutate({
                        publicNote: note.trim() || null,
                        value: num(value),
                        effort: num(effort),
                        dueDate: due || null,
                        ownerId: owner || null,
                        stage: stage || null,
                      })
                    }
                    loading={save.isPending}
                    data-testid="initiative-update"
                  >
                    {t('backlog.detail.save')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
          <Links d={d} />
          {canEdit && d.status !== 'done' && (
            <Group>
              <Button color="red" variant="subtle" onClick={() => remove.mutate()}>
                {t('backlog.detail.delete')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
