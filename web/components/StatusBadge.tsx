// A case status, translated, with one colour per step of the status machine.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<string, string> = {
  new: 'blue',
  acknowledged: 'cyan',
  in_progress: 'violet',
  waiting_client: 'yellow',
  resolved: 'green',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" style={{ textTransform: 'none' }}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
