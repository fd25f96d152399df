import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { portfolioErrorKey } from './cells.ts';

/** ErrorAlert with the portfolio's own words for its problems (a future asOf, no snapshot). */
export function PortfolioError({ error, moves }: { error: unknown; moves?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      {t(portfolioErrorKey(error, moves))}
    </Alert>
  );
}
