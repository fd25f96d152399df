import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyOut } from '../../api/surveys.ts';

/** The query key of the survey list, shared by the page, the dialog and the panel. */
export const SURVEYS_KEY = ['surveys'] as const;

export function StatusBadge({ status }: { status: SurveyOut['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}
