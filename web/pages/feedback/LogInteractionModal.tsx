// Staff log a call, a meeting or a message from a client, with an optional score: the manual
// channel. It goes through the same intake as every other channel (case rules, acknowledgement).
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listClients, listContacts } from '../../api/clients.ts';
import { recordFeedback, type FeedbackOut } from '../../api/feedback.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { navigate } from '../../router.tsx';

type Kind = 'call' | 'meeting' | 'message';
const SCORE_RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

export function LogInteractionModal({
  opened,
  onClose,
  clientId,
}: {
  opened: boolean;
  onClose: () => void;
  clientId?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('call');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [client, setClient] = useState<string | null>(clientId ?? null);
  const [contact, setContact] = useState<string>('');
  const [scoreType, setScoreType] = useState<'' | 'nps' | 'csat' | 'ces'>('');
  const [scoreValue, setScoreValue] = useState<number | string>('');
  const [stage, setStage] = useState('');
  const [text, setText] = useState('');

  const clients = useQuery({
    queryKey: ['clients', 'pick', debounced],
    queryFn: () => listClients({ q: debounced || undefined, limit: 20 }),
    enabled: opened && !clientId,
  });
  const contacts = useQuery({
    queryKey: ['clients', client, 'contacts'],
    queryFn: () => listContacts(client!),
    enabled: opened && Boolean(client),
  });
  const save = useMutation({
    mutationFn: () =>
      recordFeedback({
        channel: kind === 'call' ? 'phone' : 'manual',
        ...(contact ? { contactId: contact } : client ? { clientId: client } : {}),
        ...(stage.trim() ? { stage: stage.trim() } : {}),
        ...(scoreType && scoreValue !== ''
          ? { score: { type: scoreType, value: Number(scoreValue) } }
          : {}),
        ...(text.trim() ? { text: `${t(`feedback.log.prefix.${kind}`)}: ${text.trim()}` } : {}),
      }),
    onSuccess: (record: FeedbackOut) => {
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
      onClose();
      navigate(`/feedback/${record.id}`);
    },
  });
  const range = scoreType ? SCORE_RANGE[scoreType] : undefined;
  const canSave = Boolean(text.trim() || (scoreType && scoreValue !== ''));

  return (
    <Modal opened={opened} onClose={onClose} title={t('feedback.log.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={(['call', 'meeting', 'message'] as const).map((k) => ({
              value: k,
              label: t(`feedback.log.kinds.${k}`),
            }))}
          />
          {!clientId && (
            <Select
              label={t('feedback.log.client')}
              searchable
              clearable
              data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchValue={search}
              onSearchChange={setSearch}
              value={client}
              onChange={(v) => {
                setClient(v);
                setContact('');
              }}
              nothingFoundMessage={t('feedback.log.noClients')}
            />
          )}
          {client && (
            <NativeSelect
              label={t('feedback.log.contact')}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              data={[
                { value: '', label: t('feedback.log.anyContact') },
                ...(contacts.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: c.email ? `${c.name} <${c.email}>` : c.name,
                })),
              ]}
            />
          )}
          <TextInput
            label={t('feedback.log.stage')}
            value={stage}
            onChange={(e) => setStage(e.currentTarget.value)}
            maxLength={100}
          />
          <Group grow align="flex-end">
            <NativeSelect
              label={t('feedback.log.scoreType')}
              value={scoreType}
              onChange={(e) => {
                setScoreType(e.currentTarget.value as typeof scoreType);
                setScoreValue('');
              }}
              data={[
                { value: '', label: t('feedback.log.noScore') },
                { value: 'nps', label: 'NPS 0–10' },
                { value: 'csat', label: 'CSAT 1–5' },
                { value: 'ces', label: 'CES 1–7' },
              ]}
            />
            {range && (
              <NumberInput
                label={t('feedback.log.score')}
                min={range[0]}
                max={range[1]}
                value={scoreValue}
                onChange={setScoreValue}
                allowDecimal={false}
              />
            )}
          </Group>
          <Textarea
            label={t('feedback.log.text')}
            description={t('feedback.log.textHint')}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={20000}
            name="text"
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('feedback.log.cancel')}
            </Button>
            <Button type="submit" disabled={!canSave} loading={save.isPending}>
              {t('feedback.log.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
