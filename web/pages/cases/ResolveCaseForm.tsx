// Resolving a case: the resolution code (issue 21), the resolution the client will read, the follow-up rating offer, and — when
// nobody can be notified (no contact with an e-mail) — a plain warning and a button that says so.
import { Alert, Button, Card, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResolutionCodeSelect, useCodeChosen } from './ResolutionCodeSelect.tsx';

export interface Resolution {
  resolution: string;
  followup: boolean;
  /** Undefined when the organisation has no active code. */
  resolutionCode?: string;
}

export function ResolveCaseForm({
  canNotify,
  pending,
  onCancel,
  onSubmit,
}: {
  canNotify: boolean;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (resolved: Resolution) => void;
}) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const [followup, setFollowup] = useState(true);
  const [code, setCode] = useState('');
  const codeChosen = useCodeChosen(code);
  return (
    <Card
      withBorder
      radius="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          resolution: resolution.trim(),
          followup: canNotify && followup,
          resolutionCode: code || undefined,
        });
      }}
    >
      <Stack gap="sm">
        <ResolutionCodeSelect value={code} onChange={setCode} />
        <Textarea
          name="resolution"
          label={t('cases.page.resolution')}
          description={t('cases.page.resolutionHint')}
          autosize
          minRows={3}
          required
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
        />
        {canNotify ? (
          <Checkbox
            name="followup"
            label={t('cases.page.followup')}
            checked={followup}
            onChange={(e) => setFollowup(e.currentTarget.checked)}
          />
        ) : (
          <Alert color="yellow" variant="light" data-testid="resolve-no-contact">
            {t('cases.page.noContactToNotify')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="green"
            loading={pending}
            disabled={!resolution.trim() || !codeChosen}
          >
            {t(canNotify ? 'cases.page.resolveSubmit' : 'cases.page.resolveSilently')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
