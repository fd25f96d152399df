// Shows a freshly created API key secret. The server never returns it again, so the modal
// cannot be dismissed by clicking outside — only by the explicit "I have saved it" button.
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretOnceModal({
  secret,
  onClose,
}: {
  secret: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={t('apiKeys.secretTitle')}
      closeOnClickOutside={false}
      size="lg"
    >
      <Stack gap="sm">
        <Alert color="orange" variant="light">
          {t('apiKeys.secretWarning')}
        </Alert>
        <Text size="sm" fw={500}>
          {t('apiKeys.secretLabel')}
        </Text>
        <Code
          block
          data-testid="api-key-secret"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                {t(copied ? 'common.copied' : 'common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('apiKeys.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
