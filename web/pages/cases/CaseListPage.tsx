// The cases of a window (issue 21): the list behind a "what moved this week" figure — opened,
// resolved or past their deadline between two instants (/cases/list?openedFrom=…&openedTo=…).
// Cards at every width, so it reads at 390 px as on a desktop.
import { Alert, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listAllCases, type CaseFilter } from '../../api/cases.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useQueryParams } from '../../router.tsx';
import { BoardCard } from './BoardColumn.tsx';

const WINDOWS = ['opened', 'resolved', 'breached'] as const;

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const params = useQueryParams();
  const which = WINDOWS.find((w) => params[`${w}From`] || params[`${w}To`]) ?? 'opened';
  const from = params[`${which}From`] || undefined;
  const to = params[`${which}To`] || undefined;
  const filter: Omit<CaseFilter, 'cursor'> = { [`${which}From`]: from, [`${which}To`]: to };
  // Without a window the list would be every case of the organisation: point to the board instead.
  const windowed = Boolean(from || to);
  const cases = useQuery({
    queryKey: ['cases', 'window', filter],
    queryFn: () => listAllCases(filter),
    enabled: windowed,
  });
  const fromText = formatDateTime(from, i18n.language);
  const toText = formatDateTime(to, i18n.language);
  const period =
    fromText && toText
      ? t('cases.list.period', { from: fromText, to: toText })
      : fromText
        ? t('cases.list.since', { from: fromText })
        : toText
          ? t('cases.list.until', { to: toText })
          : t('cases.list.noWindow');
  return (
    <>
      <PageHeader title={t(`cases.list.${which}`)} />
      <Alert color="indigo" variant="light" mb="md" data-testid="case-list-banner">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">
            {period}
            {windowed && cases.data && (
              <Text span fw={600} data-testid="case-list-count">
                {' · '}
                {t('cases.list.count', { count: cases.data.length })}
              </Text>
            )}
          </Text>
          <AnchorLink to="/cases" size="sm">
            {t('cases.list.board')}
          </AnchorLink>
        </Group>
      </Alert>
      <ErrorAlert error={cases.error} />
      {windowed && cases.isPending && <Loader size="sm" />}
      {cases.data?.length === 0 && <Text c="dimmed">{t('cases.list.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {cases.data?.map((c) => (
          <BoardCard key={c.id} item={c} />
        ))}
      </SimpleGrid>
    </>
  );
}
