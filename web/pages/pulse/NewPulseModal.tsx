// A new eNPS pulse: a name, the teams (all, or some of the employees' stage keys), the language of
// the invitations and whether to e-mail them now. The question is fixed (shown, not edited).
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPulse, employeeStageKeys, type CreatedPulseOut } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export const PULSES_KEY = ['pulses'];

export function NewPulseModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (pulse: CreatedPulseOut) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const stages = useQuery({ queryKey: ['employee-stage-keys'], queryFn: employeeStageKeys });
  const [name, setName] = useState('');
  const [teams, setTeams] = useState<string[]>([]);
  const [language, setLanguage] = useState<'ru' | 'en'>(i18n.language === 'en' ? 'en' : 'ru');
  const [send, setSend] = useState(true);
  const create = useMutation({
    mutationFn: createPulse,
    onSuccess: (pulse) => {
      void queryClient.invalidateQueries({ queryKey: PULSES_KEY });
      setName('');
      setTeams([]);
      onCreated(pulse);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, language, send, ...(teams.length ? { stages: teams } : {}) });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('pulse.createTitle')} fullScreen={false}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('pulse.questionNote')}
          </Text>
          <TextInput
            label={t('pulse.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('pulse.teams')}
            description={t('pulse.teamsHint')}
            data={stages.data?.items ?? []}
            value={teams}
            onChange={setTeams}
            searchable
            clearable
            data-testid="pulse-teams"
          />
          <NativeSelect
            label={t('pulse.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as 'ru' | 'en')}
            data={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Checkbox
            label={t('pulse.send')}
            checked={send}
            onChange={(e) => setSend(e.currentTarget.checked)}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('pulse.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
