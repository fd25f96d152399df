// Step 1 of an import: what the file holds (feedback, clients with contacts, sales) and the file.
import { Button, FileInput, Group, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_TARGETS } from '../../../shared/api/imports.ts';
import type { ImportTargetName } from '../../api/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function FileStep(props: {
  target: ImportTargetName;
  onTargetChange: (target: ImportTargetName) => void;
  file: File | null;
  onFileChange: (file: File | null) => void;
  onUpload: () => void;
  uploading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={560}>
      <Radio.Group
        name="target"
        label={t('imports.targetLabel')}
        value={props.target}
        onChange={(v) => props.onTargetChange(v as ImportTargetName)}
      >
        <Stack gap={6} mt={6}>
          {IMPORT_TARGETS.map((target) => (
            <Radio
              key={target}
              value={target}
              label={t(`imports.targets.${target}`)}
              description={t(`imports.targetHints.${target}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <FileInput
        label={t('imports.fileLabel')}
        placeholder={t('imports.filePlaceholder')}
        description={t('imports.fileHint')}
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={props.file}
        onChange={props.onFileChange}
        clearable
        name="file"
      />
      <ErrorAlert error={props.error} />
      <Group>
        <Button disabled={!props.file} loading={props.uploading} onClick={props.onUpload}>
          {t('imports.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
