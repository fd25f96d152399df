// "CSV" and "XLSX" download links for a table the server can export (same-origin GET with the
// session cookie, so the browser saves the file under the name the server gives).
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ExportButtons({ urlFor }: { urlFor: (format: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('common.export')}
      </Text>
      {(['csv', 'xlsx'] as const).map((format) => (
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
