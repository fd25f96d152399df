// The operational layer as a section of the stage page, for those who may read the scorecard,
// with the way to the stage's four layers and key drivers.
import { Group, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink.tsx';
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
      <Group justify="space-between" mt="md" mb="xs" gap="xs">
        <Title order={2} size="h4">
          {t('scorecard.operationsSection')}
        </Title>
        <AnchorLink to={`/scorecard/stages/${encodeURIComponent(stageKey)}`} size="sm">
          {t('scorecard.layers.allLayersOfStage')}
        </AnchorLink>
      </Group>
      <StageOperations stageKey={stageKey} />
    </>
  );
}
