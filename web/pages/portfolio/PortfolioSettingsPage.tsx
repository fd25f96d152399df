// /portfolio/settings, linked from the matrix: the weights of the score inputs (admins only, the
// server's rule) and the strategy of each cell (managers and admins).
import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { StrategiesForm } from './StrategiesForm.tsx';
import { WeightsForm } from './WeightsForm.tsx';

export function PortfolioSettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Stack gap="md">
      <AnchorLink to="/portfolio" size="sm">
        {t('portfolio.settings.back')}
      </AnchorLink>
      <PageHeader title={t('portfolio.settings.title')} />
      {can(user.role, 'org.manage') ? (
        <WeightsForm />
      ) : (
        <Text c="dimmed" size="sm">
          {t('portfolio.settings.adminOnly')}
        </Text>
      )}
      <Divider />
      <StrategiesForm writable={can(user.role, 'data.write')} />
    </Stack>
  );
}
