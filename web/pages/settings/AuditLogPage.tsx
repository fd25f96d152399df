// Audit log, newest first, fifty at a time; "load more" follows the server's cursor.
import { Button, Code, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listAudit, type AuditEntry } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const audit = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => listAudit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries: AuditEntry[] = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const ref = (type: string | null, id: string | null) =>
    type || id ? (
      <Text size="xs">
        {type} {id && <Code>{id}</Code>}
      </Text>
    ) : (
      t('common.none')
    );

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <ErrorAlert error={audit.error} />
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.target')}</Table.Th>
                <Table.Th>{t('audit.id')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="audit-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(e.createdAt, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>{ref(t(`audit.actorTypes.${e.actorType}`), e.actorId)}</Table.Td>
                  <Table.Td>{ref(e.targetType, e.targetId)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {e.id}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.isSuccess && entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {audit.hasNextPage && (
        <Button
          mt="md"
          variant="light"
          loading={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
