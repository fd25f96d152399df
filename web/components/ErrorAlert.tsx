import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../api/client.ts';

/** A translated error message for any failed request (never the server's own text). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      {t(errorKey(error))}
    </Alert>
  );
}
