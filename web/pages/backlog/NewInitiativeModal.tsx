// A new initiative: by hand on the backlog page, from selected feedback records (the feedback
// list), or from a stage's suggestion on the arbiter page (title and stage prefilled). Value is
// optional: left empty, the server computes it from reach and revenue at stake.
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInitiative } from '../../api/backlog.ts';
import { listStages, stageName } from '../../api/stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { navigate } from '../../router.tsx';

const score = (v: number | string) => (v === '' ? null : Number(v));

export function NewInitiativeModal({
  onClose,
  feedbackIds = [],
  initialTitle = '',
  initialStage = '',
}: {
  onClose: () => void;
  feedbackIds?: string[];
  initialTitle?: string;
  initialStage?: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(initialTitle);
  const [description, setDescription] = useState('');
  const [stage, setStage] = useState(initialStage);
  const [value, setValue] = useState<number | string>('');
  const [effort, setEffort] = useState<number | string>('');
  const [dueDate, setDueDate] = useState('');
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const save = useMutation({
    mutationFn: () =>
      createInitiative({
        title: title.trim(),
        description: description.trim() || null,
        stage: stage || null,
        value: score(value),
        effort: score(effort),
        dueDate: dueDate || null,
        ...(feedbackIds.length ? { feedbackIds } : {}),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['initiatives'] });
      onClose();
      navigate(`/backlog/${created.id}`);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('backlog.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('backlog.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={300}
            data-testid="initiative-title"
          />
          <Textarea
            label={t('backlog.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <NativeSelect
            label={t('backlog.fields.stage')}
            value={stage}
            onChange={(e) => setStage(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(stages.data?.items ?? []).map((s) => ({
                value: s.key,
                label: stageName(s, i18n.language),
              })),
              ...(stage && stages.data && !stages.data.items.some((s) => s.key === stage)
                ? [{ value: stage, label: stage }]
                : []),
            ]}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('backlog.fields.value')}
              description={t('backlog.fields.valueHint')}
              min={1}
              max={10}
              value={value}
              onChange={setValue}
            />
            <NumberInput
              label={t('backlog.fields.effort')}
              min={1}
              max={10}
              value={effort}
              onChange={setEffort}
              data-testid="initiative-effort"
            />
          </Group>
          <TextInput
            type="date"
            label={t('backlog.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!title.trim()}
              data-testid="initiative-save"
            >
              {t('backlog.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
