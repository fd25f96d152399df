// The operational layer as a section of the stage page, for those who may read the scorecard.
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { StageOperations } from './StageOperations.tsx';

export function StageOperationsSection({ stageKey }: { stageKey: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!can(user.role, 'scorecard.read')) return null;
  return (
    <>
      <Title order={2} size="h4" mt="md" mb="xs">
        {t('scorecard.operationsSection')}
      </Title>
      <StageOperations stageKey={stageKey} />
    </>
  );
}
