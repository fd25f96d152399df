// An admin's "Delete…" with a confirmation (issue 19): clients, feedback records, cases. The
// server checks the role again and audits; an error (e.g. client_in_use) shows in the dialog.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

export function DeleteButton({
  label,
  title,
  text,
  onDelete,
  onDone,
}: {
  label: string;
  title: string;
  text: string;
  onDelete: () => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useMutation({ mutationFn: onDelete, onSuccess: onDone });
  return (
    <>
      <Button color="red" variant="subtle" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title}>
        <Stack gap="sm">
          <Text size="sm">{text}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('privacy.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
