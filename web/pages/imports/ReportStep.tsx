// Step 3 of an import: the row-level report, and the commit (acknowledgement mails off by default).
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportTargetName, ReportOut } from '../../api/imports.ts';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';

export function ReportStep(props: {
  target: ImportTargetName;
  report: ReportOut;
  acknowledge: boolean;
  onAcknowledgeChange: (value: boolean) => void;
  onBack: () => void;
  onCommit: () => void;
  committing: boolean;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const ok = report.invalid === 0 && report.valid > 0;
  return (
    <Stack gap="md">
      <Text fw={500} data-testid="import-summary">
        {t('imports.summary', {
          valid: report.valid,
          invalid: report.invalid,
          blank: report.blank,
        })}
      </Text>
      <Alert color={ok ? 'green' : 'orange'} variant="light">
        {t(ok ? 'imports.allValid' : 'imports.someInvalid')}
      </Alert>
      {report.errors.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('imports.errorsTitle')}
          </Title>
          <RowErrorsTable
            errors={report.errors}
            testId="import-errors"
            headers={{
              row: t('imports.row'),
              column: t('imports.column'),
              value: t('imports.value'),
              problem: t('imports.problem'),
            }}
            problem={(e) => t(`imports.rowErrors.${e.code}`, { defaultValue: e.message })}
          />
          {report.errorCount > report.errors.length && (
            <Text size="sm" c="dimmed">
              {t('imports.moreErrors', { shown: report.errors.length, total: report.errorCount })}
            </Text>
          )}
        </>
      )}
      {ok && props.target === 'feedback' && (
        <Checkbox
          name="acknowledge"
          label={t('imports.acknowledge')}
          description={t('imports.acknowledgeHint')}
          checked={props.acknowledge}
          onChange={(e) => props.onAcknowledgeChange(e.currentTarget.checked)}
        />
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={props.onCommit} loading={props.committing} disabled={!ok}>
          {t(props.target === 'feedback' ? 'imports.commit' : 'imports.commitRows', {
            count: report.valid,
          })}
        </Button>
      </Group>
    </Stack>
  );
}
