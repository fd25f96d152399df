// CSV / XLSX of a whole list with the page's current filters, in the interface language
// (GET /api/v1/<list>/export, issue 16). The file is fetched, not followed as a link: a refusal
// such as too_many_rows shows as a translated message under the buttons instead of being saved.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/client.ts';
import { queryString } from '../api/clients.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

type Format = 'csv' | 'xlsx';
type Params = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1/feedback/export?…&format=csv&lang=ru`: the export of a list under its filters. */
export function listExportUrl(list: string, params: Params, format: Format, lang: string) {
  const language = lang.startsWith('en') ? 'en' : 'ru';
  return `/api/v1/${list}/export${queryString({ ...params, format, lang: language })}`;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ListExportButtons({ list, params }: { list: string; params: Params }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await downloadFile(
        listExportUrl(list, params, format, i18n.language),
      );
      save(blob, fileName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4} data-testid="list-export">
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('common.export')}
        </Text>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            size="compact-xs"
            variant="default"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => void run(format)}
            data-testid={`list-export-${format}`}
          >
            {format.toUpperCase()}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}
