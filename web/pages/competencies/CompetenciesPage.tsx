// Competencies and training (issue 18; docs/competencies.md): the gap matrix, one person's
// assessments and plan, the training plan, suggestions from the scorecard, the model per
// position and onboarding — tabs, so each part stays readable on a phone.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { EmployeeAssessments } from './EmployeeAssessments.tsx';
import { GapMatrix } from './GapMatrix.tsx';
import { ModelEditor } from './ModelEditor.tsx';
import { Onboarding } from './Onboarding.tsx';
import { Suggestions } from './Suggestions.tsx';
import { TrainingPlan } from './TrainingPlan.tsx';

const TABS = ['gaps', 'person', 'plan', 'suggestions', 'model', 'onboarding'] as const;

export function CompetenciesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const params = useQueryParams();
  const tabs = TABS.filter((x) => x !== 'suggestions' || can(user.role, 'scorecard.read'));
  const tab = tabs.find((x) => x === params.tab) ?? 'gaps';
  return (
    <>
      <PageHeader title={t('competencies.title')} intro={t('competencies.intro')} />
      <Tabs
        value={tab}
        onChange={(v) => setQueryParams({ tab: v ?? undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`tab-${x}`}>
              {t(`competencies.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="gaps">
          <GapMatrix />
        </Tabs.Panel>
        <Tabs.Panel value="person">
          <EmployeeAssessments />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <TrainingPlan />
        </Tabs.Panel>
        <Tabs.Panel value="suggestions">
          <Suggestions />
        </Tabs.Panel>
        <Tabs.Panel value="model">
          <ModelEditor />
        </Tabs.Panel>
        <Tabs.Panel value="onboarding">
          <Onboarding />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
