// Step 3 of an import: the row-level report, and the commit (acknowledgement mails off by default).
import { Alert, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportOut } from '../../api/imports.ts';

export function ReportStep(props: {
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
      <Text fw={500} data-testid="import-summary">{t('imports.summary', { valid: report.valid, invalid: report.invalid, blank: report.blank })}</Text>
      <Alert color={ok ? 'green' : 'orange'} variant="light">{t(ok ? 'imports.allValid' : 'imports.someInvalid')}</Alert>
      {report.errors.length > 0 && (
        <>
          <Title order={2} size="h4">{t('imports.errorsTitle')}</Title>
          <Table.ScrollContainer minWidth={560} maxHeight={420}>
            <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.row')}</Table.Th>
                  <Table.Th>{t('imports.column')}</Table.Th>
                  <Table.Th>{t('imports.value')}</Table.Th>
                  <Table.Th>{t('imports.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column ?? t('common.none')}</Table.Td>
                    <Table.Td>{e.value ?? t('common.none')}</Table.Td>
                    <Table.Td>{t(`imports.rowErrors.${e.code}`, { defaultValue: e.message })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errorCount > report.errors.length && (
            <Text size="sm" c="dimmed">{t('imports.moreErrors', { shown: report.errors.length, total: report.errorCount })}</Text>
          )}
        </>
      )}
      {ok && (
        <Checkbox
          name="acknowledge"
          label={t('imports.acknowledge')}
          description={t('imports.acknowledgeHint')}
          checked={props.acknowledge}
          onChange={(e) => props.onAcknowledgeChange(e.currentTarget.checked)}
        />
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>{t('imports.back')}</Button>
        <Button onClick={props.onCommit} loading={props.committing} disabled={!ok}>
          {t('imports.commit', { count: report.valid })}
        </Button>
      </Group>
    </Stack>
  );
}
