// One case: what it is about, who owns it, when it is due, the status buttons the status
// machine allows (resolving asks for a resolution and offers a follow-up rating), a note field
// and the timeline of events and messages.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
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
import { getContact } from '../../api/clients.ts';
import {
  getCase,
  listCaseEvents,
  PRIORITIES,
  updateCase,
  type CasePriority,
  type CaseStatus,
} from '../../api/cases.ts';
import { listMessages } from '../../api/messaging.ts';
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Field } from '../../components/Field.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { formatDateTime } from '../../format.ts';
import { useRouteParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { RecordDeleteButton } from '../../components/RecordDeleteButtons.tsx';
import { CaseReplyForm } from './CaseReplyForm.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ResolveCaseForm } from './ResolveCaseForm.tsx';
import { CaseCodeAndTags } from './CaseCodeAndTags.tsx';
import { CaseRequirements } from '../care/RequirementList.tsx';
import { useStageLabel } from '../../components/useStageLabel.ts';

type Patch = Parameters<typeof updateCase>[1];

export function CasePage() {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const { id = '' } = useRouteParams();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const users = useUsers();
  const writable = canWriteData(user.role);
  const item = useQuery({ queryKey: ['case', id], queryFn: () => getCase(id) });
  const events = useQuery({ queryKey: ['case', id, 'events'], queryFn: () => listCaseEvents(id) });
  const messages = useQuery({
    queryKey: ['messages', { caseId: id }],
    queryFn: () => listMessages({ caseId: id }),
    refetchInterval: 15_000,
  });
  const c = item.data;
  const contact = useQuery({
    queryKey: ['contact', c?.contactId],
    queryFn: () => getContact(c!.contactId!),
    enabled: Boolean(c?.contactId),
  });
  // Whom the closing e-mail can reach: nobody without a contact that has an address.
  const canNotify = Boolean(c?.contactId && contact.data?.email);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');

  const update = useMutation({
    mutationFn: (patch: Patch) => updateCase(id, patch),
    onSuccess: (saved, patch) => {
      queryClient.setQueryData(['case', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['case', id, 'events'] });
      void queryClient.invalidateQueries({ queryKey: ['messages', { caseId: id }] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      if (patch.note) setNote('');
      if (patch.status === 'resolved') setResolving(false);
      notifications.show({ color: 'green', message: t('cases.page.saved') });
    },
  });
  const date = (iso: string | null) => formatDateTime(iso, i18n.language) ?? '—';
  const move = (status: CaseStatus) =>
    status === 'resolved' ? setResolving(true) : update.mutate({ status });

  if (item.isPending) return <Loader size="sm" />;
  if (!c) return <ErrorAlert error={item.error} />;
  const done = c.status === 'resolved' || c.status === 'closed';

  return (
    <Stack gap="md">
      <div>
        <Group gap="xs" mb={4}>
          <StatusBadge status={c.status} />
          <DueBadge dueAt={c.dueAt} breachedAt={c.breachedAt} done={done} />
          {c.breachedAt && (
            <Badge color="red" variant="outline" style={{ textTransform: 'none' }}>
              {t('cases.page.breached', { at: date(c.breachedAt) })}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {c.publicRef}
          </Text>
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="case-title">
            {c.title}
          </Title>
          <RecordDeleteButton kind="case" id={c.id} />
        </Group>
      </div>
      <ErrorAlert error={update.error} />

      {writable && c.allowedNext.length > 0 && !resolving && (
        <Group gap="xs" data-testid="case-actions">
          {c.allowedNext.map((next) => (
            <Button
              key={next}
              variant={next === 'resolved' ? 'filled' : 'light'}
              color={next === 'resolved' ? 'green' : undefined}
              loading={update.isPending && update.variables?.status === next}
              onClick={() => move(next)}
            >
              {t(`cases.actions.${next}`)}
            </Button>
          ))}
        </Group>
      )}
      {resolving && (
        <ResolveCaseForm
          canNotify={canNotify}
          pending={update.isPending}
          onCancel={() => setResolving(false)}
          onSubmit={(resolved) => update.mutate({ status: 'resolved', ...resolved })}
        />
      )}

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Field label={t('cases.fields.client')}>
          {c.clientId ? <ClientLink clientId={c.clientId} /> : '—'}
        </Field>
        <Field label={t('cases.fields.contact')}>
          {contact.data ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {contact.data.name}
              {contact.data.email ? ` <${contact.data.email}>` : ''}
            </Text>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('cases.fields.owner')}>
          {writable ? (
            <NativeSelect
              size="xs"
              aria-label={t('cases.fields.owner')}
              value={c.ownerId ?? ''}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ ownerId: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('cases.page.noOwner') },
                ...users
                  .filter((u) => !u.disabled || u.id === c.ownerId)
                  .map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          ) : (
            (users.find((u) => u.id === c.ownerId)?.name ?? '—')
          )}
        </Field>
        <Field label={t('cases.fields.priority')}>
          {writable ? (
            <NativeSelect
              size="xs"
              aria-label={t('cases.fields.priority')}
              value={c.priority}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ priority: e.currentTarget.value as CasePriority })}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
            />
          ) : (
            t(`cases.priority.${c.priority}`)
          )}
        </Field>
        <Field label={t('cases.fields.type')}>{t(`cases.types.${c.type}`)}</Field>
        <Field label={t('cases.fields.stage')}>{c.stage ? stageLabel(c.stage) : '—'}</Field>
        <Field label={t('cases.fields.dueAt')}>{date(c.dueAt)}</Field>
        <Field label={t('cases.fields.firstResponseDueAt')}>{date(c.firstResponseDueAt)}</Field>
        <Field label={t('cases.fields.createdAt')}>{date(c.createdAt)}</Field>
        <Field label={t('cases.fields.resolvedAt')}>{date(c.resolvedAt)}</Field>
        <Field label={t('cases.fields.feedback')}>
          {c.feedbackId ? (
            <AnchorLink to={`/feedback/${c.feedbackId}`}>{t('cases.page.openFeedback')}</AnchorLink>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('cases.fields.statusPage')}>
          <Anchor href={c.statusUrl} target="_blank" rel="noopener" size="sm">
            {c.publicRef} ↗
          </Anchor>
        </Field>
      </SimpleGrid>
      <CaseCodeAndTags c={c} writable={writable} />

      {c.resolution && (
        <Card withBorder radius="md">
          <Text size="xs" c="dimmed">
            {t('cases.page.resolution')}
          </Text>
          <Text
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="case-resolution"
          >
            {c.resolution}
          </Text>
        </Card>
      )}

      {writable && (!c.contactId || !contact.isPending) && (
        <CaseReplyForm caseId={id} to={canNotify ? (contact.data?.email ?? null) : null} />
      )}

      {writable && (
        <Stack
          gap="xs"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) update.mutate({ note: note.trim() });
          }}
        >
          <Textarea
            name="note"
            label={t('cases.page.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="light"
              disabled={!note.trim()}
              loading={update.isPending && Boolean(update.variables?.note)}
            >
              {t('cases.page.addNote')}
            </Button>
          </Group>
        </Stack>
      )}

      <CaseRequirements caseId={id} />
      <Title order={2} size="h4">
        {t('cases.page.timeline')}
      </Title>
      <ErrorAlert error={events.error ?? messages.error} />
      {events.data && (
        <CaseTimeline
          events={events.data.items}
          messages={messages.data?.items ?? []}
          users={users}
        />
      )}
    </Stack>
  );
}
