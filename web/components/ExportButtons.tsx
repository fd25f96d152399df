// Download links for a table or report the server can export ("CSV" "XLSX" by default; the
// scorecard's reports offer "PDF" "XLSX"): same-origin GET with the session cookie, so the
// browser saves the file under the name the server gives.
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TABLE_FORMATS = ['csv', 'xlsx'] as const;

export function ExportButtons<F extends string = (typeof TABLE_FORMATS)[number]>({
  urlFor,
  formats = TABLE_FORMATS as unknown as readonly F[],
}: {
  urlFor: (format: F) => string;
  formats?: readonly F[];
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('common.export')}
      </Text>
      {formats.map((format) => (
        <Button
          key={format}
          size="compact-xs"
          variant="default"
          component="a"
          href={urlFor(format)}
          download
          data-testid={`export-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
