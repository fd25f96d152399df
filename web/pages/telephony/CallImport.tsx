// Import of a PBX call log: choose a file → check (dry run, the row-by-row report) → import.
// The server stores every row or none, so a file with errors is fixed and checked again.
import { Alert, Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importCalls, type ImportCallsOut } from '../../api/telephony.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function CallImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState(browserZone);
  const [report, setReport] = useState<ImportCallsOut | null>(null);
  const check = useMutation({
    mutationFn: (f: File) => importCalls(f, { dryRun: true, timeZone }),
    onSuccess: setReport,
  });
  const commit = useMutation({
    mutationFn: (f: File) => importCalls(f, { dryRun: false, timeZone }),
    onSuccess: (result) => {
      setReport(result);
      notifications.show({
        color: 'green',
        message: t('telephony.imported', {
          created: result.created,
          duplicates: result.duplicates,
        }),
      });
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    check.reset();
    commit.reset();
  };

  return (
    <Stack gap="sm" maw={720}>
      <Text size="sm" c="dimmed">
        {t('telephony.importHint')}
      </Text>
      <FileInput
        label={t('telephony.file')}
        placeholder={t('telephony.filePlaceholder')}
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={choose}
        clearable
        name="file"
      />
      <TextInput
        label={t('telephony.timeZone')}
        description={t('telephony.timeZoneHint')}
        value={timeZone}
        onChange={(e) => setTimeZone(e.currentTarget.value)}
        maw={320}
      />
      <Group>
        <Button
          disabled={!file}
          loading={check.isPending}
          onClick={() => file && check.mutate(file)}
          data-testid="calls-check"
        >
          {t('telephony.check')}
        </Button>
        <Button
          disabled={!file || !report || report.invalid > 0 || !report.dryRun}
          loading={commit.isPending}
          onClick={() => file && commit.mutate(file)}
          data-testid="calls-commit"
        >
          {t('telephony.import')}
        </Button>
      </Group>
      <ErrorAlert error={check.error ?? commit.error} />
      {report && (
        <Alert
          color={report.invalid > 0 ? 'red' : 'green'}
          variant="light"
          data-testid="calls-report"
        >
          {report.dryRun
            ? t('telephony.reportSummary', {
                valid: report.valid,
                invalid: report.invalid,
                duplicates: report.duplicates,
              })
            : t('telephony.imported', { created: report.created, duplicates: report.duplicates })}
        </Alert>
      )}
      {report && report.errors.length > 0 && (
        <RowErrorsTable
          errors={report.errors}
          minWidth={480}
          headers={{
            row: t('telephony.row'),
            column: t('telephony.column'),
            value: t('telephony.value'),
            problem: t('telephony.problem'),
          }}
          problem={(e) => t(`telephony.errors.${e.code}`, { defaultValue: e.message })}
        />
      )}
    </Stack>
  );
}
