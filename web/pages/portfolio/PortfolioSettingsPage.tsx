// /portfolio/settings, linked from the matrix: the weights of the score inputs (admins only, the
// server's rule), the strategy of each cell and its care playbook (managers and admins).
import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { PlaybooksForm } from './PlaybooksForm.tsx';
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
      <Divider />
      <PlaybooksForm writable={can(user.role, 'data.write')} />
    </Stack>
  );
}
