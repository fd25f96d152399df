// Import a file of feedback, clients with contacts, sales or employees: choose → preview and map
// columns → check rows → commit; and the files uploaded before (an unfinished one continued or
// deleted).
import { Alert, Button, Group, Paper, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  commitImport,
  discardImport,
  getImport,
  listImports,
  uploadImport,
  validateImport,
  type ImportOut,
  type ImportSummaryOut,
  type ImportTargetName,
  type Mapping,
  type ReportOut,
} from '../../api/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { FileStep } from './FileStep.tsx';
import { MappingStep, zoneChoices } from './MappingStep.tsx';
import { ReportStep } from './ReportStep.tsx';
import { useQueryParams } from '../../router.tsx';
import { IMPORT_TARGETS } from '../../../shared/api/imports.ts';

const LIST_KEY = ['imports'] as const;
const STATUS_COLOR = { uploaded: 'yellow', rejected: 'red', committed: 'green' } as const;

export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: LIST_KEY, queryFn: listImports });
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  // Another page may send a file's kind along (/imports?target=employees).
  const wanted = useQueryParams().target;
  const [target, setTarget] = useState<ImportTargetName>(
    IMPORT_TARGETS.find((name) => name === wanted) ?? 'feedback',
  );
  const [current, setCurrent] = useState<ImportOut | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [report, setReport] = useState<ReportOut | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const refreshHistory = () => void queryClient.invalidateQueries({ queryKey: LIST_KEY });

  const open = (imp: ImportOut) => {
    setCurrent(imp);
    // A mapping used before wins over the guess; dates default to the browser's time zone.
    const base = imp.mapping ?? imp.suggestedMapping;
    setMapping(
      imp.target === 'feedback'
        ? { ...base, fixed: { timeZone: zoneChoices()[0], ...base.fixed } }
        : base,
    );
    setReport(null);
    setAcknowledge(false);
    setStep(1);
  };
  const upload = useMutation({
    mutationFn: uploadImport,
    onSuccess: (imp) => {
      open(imp);
      refreshHistory();
    },
  });
  const resume = useMutation({ mutationFn: getImport, onSuccess: open });
  const check = useMutation({
    mutationFn: () => validateImport(current!.id, mapping),
    onSuccess: (r) => {
      setReport(r);
      setStep(2);
    },
  });
  const commit = useMutation({
    mutationFn: () => commitImport(current!.id, mapping, acknowledge),
    onSuccess: (imp) => {
      setCurrent(imp);
      setStep(3);
      refreshHistory();
    },
  });
  const discard = useMutation({
    mutationFn: (imp: ImportSummaryOut) => discardImport(imp.id),
    onSuccess: (_void, imp) => {
      if (current?.id === imp.id) restart();
      refreshHistory();
      notifications.show({ color: 'green', message: t('imports.discarded') });
    },
  });
  function restart() {
    setStep(0);
    setFile(null);
    setCurrent(null);
    setReport(null);
    upload.reset();
    commit.reset();
  }

  return (
    <>
      <PageHeader title={t('imports.title')} intro={t('imports.intro')} />
      <Paper withBorder p="md" radius="md" mb="xl">
        <Stepper
          active={step === 3 ? 4 : step}
          size="sm"
          allowNextStepsSelect={false}
          onStepClick={(s) => s < step && step < 3 && setStep(s)}
          mb="md"
        >
          <Stepper.Step label={t('imports.steps.file')} />
          <Stepper.Step label={t('imports.steps.mapping')} />
          <Stepper.Step label={t('imports.steps.check')} />
          <Stepper.Step label={t('imports.steps.done')} />
        </Stepper>

        {step === 0 && (
          <FileStep
            target={target}
            onTargetChange={setTarget}
            file={file}
            onFileChange={setFile}
            onUpload={() => file && upload.mutate({ file, target })}
            uploading={upload.isPending}
            error={upload.error}
          />
        )}
        {step === 1 && current && (
          <>
            <MappingStep
              upload={current}
              mapping={mapping}
              onChange={setMapping}
              onBack={restart}
              onValidate={() => check.mutate()}
              validating={check.isPending}
            />
            <ErrorAlert error={check.error} />
          </>
        )}
        {step === 2 && report && (
          <>
            <ReportStep
              target={current!.target}
              report={report}
              acknowledge={acknowledge}
              onAcknowledgeChange={setAcknowledge}
              onBack={() => setStep(1)}
              onCommit={() => commit.mutate()}
              committing={commit.isPending}
            />
            <ErrorAlert error={commit.error} />
          </>
        )}
        {step === 3 && current?.result && (
          <Stack gap="sm" align="flex-start">
            <Alert
              color="green"
              variant="light"
              title={t('imports.doneTitle')}
              data-testid="import-done"
            >
              {t(current.target === 'feedback' ? 'imports.doneText' : 'imports.doneRecords', {
                created: current.result.created,
                updated: current.result.updated,
                duplicates: current.result.duplicates,
              })}
            </Alert>
            <Button onClick={restart}>{t('imports.newImport')}</Button>
          </Stack>
        )}
      </Paper>

      <Title order={2} size="h4" mb="sm">
        {t('imports.history')}
      </Title>
      <ErrorAlert error={history.error ?? discard.error ?? resume.error} />
      {history.data?.items.length === 0 && <Text c="dimmed">{t('imports.empty')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.file')}</Table.Th>
                <Table.Th>{t('imports.target')}</Table.Th>
                <Table.Th>{t('imports.rows')}</Table.Th>
                <Table.Th>{t('imports.status')}</Table.Th>
                <Table.Th>{t('imports.createdAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((imp) => (
                <Table.Tr key={imp.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere', minWidth: 120 }}>
                    {imp.filename}
                  </Table.Td>
                  <Table.Td>{t(`imports.targets.${imp.target}`)}</Table.Td>
                  <Table.Td>{imp.rowCount}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={500} c={`${STATUS_COLOR[imp.status]}.8`}>
                      {t(`imports.statuses.${imp.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(imp.committedAt ?? imp.createdAt, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    {imp.status !== 'committed' && (
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => resume.mutate(imp.id)}
                        >
                          {t('imports.open')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          loading={discard.isPending && discard.variables?.id === imp.id}
                          onClick={() => discard.mutate(imp)}
                        >
                          {t('imports.discard')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
