// The operational layer across stages: choose a stage, read its months or quarters.
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listStages, stageName } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StageOperations } from './StageOperations.tsx';

export function OperationsPage() {
  const { t, i18n } = useTranslation();
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const [chosen, setChosen] = useState<string | null>(null);
  const items = stages.data?.items ?? [];
  const key = chosen ?? items[0]?.key;
  return (
    <>
      <PageHeader
        title={t('scorecard.operationsTitle')}
        intro={t('scorecard.operationsIntro')}
        action={<AnchorLink to="/scorecard/kpis">{t('scorecard.kpisNav')}</AnchorLink>}
      />
      <ErrorAlert error={stages.error} />
      {items.length > 0 && (
        <NativeSelect
          name="stage"
          label={t('scorecard.stage')}
          value={key}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={items.map((s) => ({ value: s.key, label: stageName(s, i18n.language) }))}
          mb="sm"
        />
      )}
      {key !== undefined && <StageOperations key={key} stageKey={key} />}
    </>
  );
}
