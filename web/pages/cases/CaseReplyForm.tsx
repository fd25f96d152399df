// A reply to the client from the case page (issue 21): an e-mail to the case's contact in their
// language, through the outbox; the client's e-mail answer comes back onto the case. Without a
// contact address the form says nobody can be told, instead of pretending to send.
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendCaseReply } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const MAX = 5000;

export function CaseReplyForm({ caseId, to }: { caseId: string; to: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => sendCaseReply(caseId, text.trim()),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['case', caseId, 'events'] });
      void queryClient.invalidateQueries({ queryKey: ['messages', { caseId }] });
      notifications.show({ color: 'green', message: t('cases.page.replySent') });
    },
  });
  if (!to)
    return (
      <Alert color="yellow" data-testid="reply-no-contact">
        {t('cases.page.replyNoContact')}
      </Alert>
    );
  return (
    <Stack
      gap="xs"
      component="form"
      data-testid="case-reply"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) send.mutate();
      }}
    >
      <Textarea
        name="reply"
        label={t('cases.page.reply')}
        description={t('cases.page.replyHint', { to })}
        autosize
        minRows={3}
        maxLength={MAX}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <ErrorAlert error={send.error} />
      <Group justify="flex-end">
        <Button type="submit" disabled={!text.trim()} loading={send.isPending}>
          {t('cases.page.replySend')}
        </Button>
      </Group>
    </Stack>
  );
}
