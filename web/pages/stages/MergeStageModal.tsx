// Merge one stage into another: every record with its key gets the other's key, the stage is
// deleted. The explanation names both keys, and the button says what happens.
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeStage, stageName, type StageOut } from '../../api/stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function MergeStageModal({
  stage,
  stages,
  onClose,
  onMerged,
}: {
  stage: StageOut;
  stages: readonly StageOut[];
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const others = stages.filter((s) => s.id !== stage.id);
  const [intoId, setIntoId] = useState(others[0]?.id ?? '');
  const merge = useMutation({
    mutationFn: () => mergeStage(stage.id, intoId),
    onSuccess: onMerged,
  });
  const name = stageName(stage, i18n.language);
  return (
    <Modal opened onClose={onClose} title={t('stages.mergeTitle', { name })} size="md">
      <Stack gap="sm" data-testid="merge-form">
        <NativeSelect
          label={t('stages.mergeInto')}
          name="intoId"
          value={intoId}
          onChange={(e) => setIntoId(e.currentTarget.value)}
          data={others.map((s) => ({
            value: s.id,
            label: `${stageName(s, i18n.language)} (${s.key})`,
          }))}
        />
        <Text size="sm">{t('stages.mergeExplain', { from: stage.key, name })}</Text>
        <ErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!intoId}
            loading={merge.isPending}
            onClick={() => merge.mutate()}
          >
            {t('stages.mergeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
