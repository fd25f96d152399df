// Step 2 of an import: what was detected (encoding, delimiter, number format), the first rows,
// and one select per field of the import's target.
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DECIMAL_SEPARATORS,
  type DecimalSeparator,
  type ImportField,
} from '../../../shared/api/imports.ts';
import { SCORE_TYPES, type ScoreType } from '../../../shared/domain/vocabulary.ts';
import type { ImportOut, Mapping } from '../../api/imports.ts';

const DELIMITER_KEYS: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

const separatorKey = (d: DecimalSeparator) => (d === ',' ? 'comma' : 'point');

/** Dates without a zone are read in the browser's zone unless the person picks another. */
export function zoneChoices(): string[] {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set([local, 'Europe/Moscow', 'UTC'].filter(Boolean))];
}

export function MappingStep(props: {
  upload: ImportOut;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onValidate: () => void;
  onBack: () => void;
  validating: boolean;
}) {
  const { t } = useTranslation();
  const { upload, mapping, onChange } = props;
  const columnOptions = [
    { value: '', label: t('imports.notMapped') },
    ...upload.columns.map((c) => ({ value: c, label: c })),
  ];
  const feedback = upload.target === 'feedback';
  const setField = (field: ImportField, column: string) => {
    const next: Mapping = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    onChange(next);
  };
  const setFixed = (patch: Partial<NonNullable<Mapping['fixed']>>) =>
    onChange({ ...mapping, fixed: { ...mapping.fixed, ...patch } });

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Text fw={500}>
          {t('imports.detected', { file: upload.filename, rows: upload.rowCount })}
        </Text>
        {upload.encoding && (
          <Text size="sm" c="dimmed" data-testid="import-detected">
            {t('imports.encoding', { encoding: upload.encoding })} ·{' '}
            {t('imports.delimiter', {
              delimiter: t(
                `imports.delimiters.${DELIMITER_KEYS[upload.delimiter ?? ','] ?? 'comma'}`,
              ),
            })}
          </Text>
        )}
        {upload.numberFormat && (
          <Text size="sm" c="dimmed" data-testid="import-number-format">
            {t('imports.numberFormat', {
              format: t(
                `imports.decimalSeparators.${separatorKey(upload.numberFormat.decimalSeparator)}`,
              ),
              source: t(`imports.numberFormatSources.${upload.numberFormat.source}`),
            })}
          </Text>
        )}
      </Paper>

      <Title order={2} size="h4">
        {t('imports.preview')}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(360, upload.columns.length * 140)} maxHeight={320}>
        <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              {upload.columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.preview.map((row, i) => (
              <Table.Tr key={i}>
                {upload.columns.map((c, j) => (
                  <Table.Td key={c} style={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>
                    {row[j] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <div>
        <Title order={2} size="h4">
          {t('imports.mappingTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`imports.mappingIntros.${upload.target}`)}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {(upload.fields as ImportField[]).map((field) => (
          <NativeSelect
            key={field}
            label={t(`imports.fields.${field}`)}
            name={`mapping.${field}`}
            data={columnOptions}
            value={mapping[field] ?? ''}
            onChange={(e) => setField(field, e.currentTarget.value)}
          />
        ))}
        {feedback && (
          <>
            <NativeSelect
              label={t('imports.fixedScoreType')}
              name="mapping.fixed.scoreType"
              data={[
                { value: '', label: t('imports.fromColumn') },
                ...SCORE_TYPES.map((s) => ({ value: s, label: t(`imports.scoreTypes.${s}`) })),
              ]}
              value={mapping.fixed?.scoreType ?? ''}
              onChange={(e) =>
                setFixed({
                  scoreType: (e.currentTarget.value || undefined) as ScoreType | undefined,
                })
              }
            />
            <NativeSelect
              label={t('imports.timeZone')}
              name="mapping.fixed.timeZone"
              data={zoneChoices()}
              value={mapping.fixed?.timeZone ?? zoneChoices()[0]}
              onChange={(e) => setFixed({ timeZone: e.currentTarget.value })}
            />
          </>
        )}
        {upload.numberFormat && (
          <NativeSelect
            label={t('imports.decimalSeparator')}
            name="mapping.fixed.decimalSeparator"
            data={DECIMAL_SEPARATORS.map((d) => ({
              value: d,
              label: t(`imports.decimalSeparators.${separatorKey(d)}`),
            }))}
            value={mapping.fixed?.decimalSeparator ?? upload.numberFormat.decimalSeparator}
            onChange={(e) =>
              setFixed({ decimalSeparator: e.currentTarget.value as DecimalSeparator })
            }
          />
        )}
      </SimpleGrid>
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          {t('imports.back')}
        </Button>
        <Button
          onClick={props.onValidate}
          loading={props.validating}
          disabled={feedback && !mapping.scoreValue && !mapping.text}
        >
          {t('imports.validate')}
        </Button>
      </Group>
    </Stack>
  );
}
