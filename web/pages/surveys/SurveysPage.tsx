// Surveys: the list, a "new survey" dialog, and the selected survey in a side panel (open link,
// QR code, invitations). The panel is local state, so the page needs no parameter route.
import { Button, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSurveys } from '../../api/surveys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { NewSurveyModal } from './NewSurveyModal.tsx';
import { StatusBadge, SURVEYS_KEY } from './StatusBadge.tsx';
import { SurveyDrawer } from './SurveyDrawer.tsx';

export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  // Read-only roles see surveys and links; the server refuses their changes anyway.
  const canWrite = can(user.role, 'data.write');
  const surveys = useQuery({ queryKey: SURVEYS_KEY, queryFn: listSurveys });
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = surveys.data?.items.find((s) => s.id === selectedId) ?? null;

  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        intro={t('surveys.intro')}
        action={
          canWrite && <Button onClick={() => setCreating(true)}>{t('surveys.create')}</Button>
        }
      />
      <ErrorAlert error={surveys.error} />
      {surveys.data && surveys.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.name')}</Table.Th>
                <Table.Th>{t('surveys.metric')}</Table.Th>
                <Table.Th>{t('surveys.stage')}</Table.Th>
                <Table.Th>{t('surveys.statusLabel')}</Table.Th>
                <Table.Th>{t('surveys.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {surveys.data.items.map((survey) => (
                <Table.Tr
                  key={survey.id}
                  data-testid="survey-row"
                  style={{ cursor: 'pointer' }}
                  onClick={() => setSelectedId(survey.id)}
                >
                  <Table.Td>
                    <UnstyledButton onClick={() => setSelectedId(survey.id)} fw={500} c="blue.8">
                      {survey.name}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{t(`surveys.metrics.${survey.metric}`)}</Table.Td>
                  <Table.Td>{survey.stage ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={survey.status} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(survey.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {surveys.data?.items.length === 0 && <Text c="dimmed">{t('surveys.empty')}</Text>}

      <NewSurveyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(survey) => {
          setCreating(false);
          setSelectedId(survey.id);
        }}
      />
      <SurveyDrawer survey={selected} canWrite={canWrite} onClose={() => setSelectedId(null)} />
    </>
  );
}
