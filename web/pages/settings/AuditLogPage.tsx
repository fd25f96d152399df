// Audit log, newest first, fifty at a time; "load more" follows the server's cursor. Filters
// (action, who, UTC days) and the export of what they show sit above the list. Every entry
// is said in words — the action, who did it (a person by name), what it touched (with a link
// where there is a page) — never the stored codes or ids. On a phone the rows become cards.
import { Button, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listAudit, type AuditEntry, type AuditFilters } from '../../api/orgs.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { formatDateTime } from '../../format.ts';
import { AuditFiltersBar } from './AuditFilters.tsx';

/** Pages an audit target can be opened on. */
const PAGE_OF: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  client: (id) => `/clients/${id}`,
  feedback: (id) => `/feedback/${id}`,
};

/** What the entry names its target by, when the server stored it (a case's "CL-…"). */
function labelOf(e: AuditEntry): string | undefined {
  const ref = e.details?.ref;
  return typeof ref === 'string' && ref ? ref : undefined;
}

function useAuditWords() {
  const { t } = useTranslation();
  const users = useUsers();
  const person = (id: string | null) =>
    users.find((u) => u.id === id)?.name ?? t('audit.formerPerson');
  const pageOf = (e: AuditEntry) =>
    e.targetType && e.targetId ? PAGE_OF[e.targetType]?.(e.targetId) : undefined;
  // "Открыто обращение CL-…" / "Case opened: CL-…": the action in words, then the target's
  // name as a link to its page when both are known (issue 21: never "Обращение открыть").
  const action = (e: AuditEntry): ReactNode => {
    const words = t(`audit.actions.${e.action.replace(/\./g, '_')}`, {
      defaultValue: t('audit.unknownAction'),
    });
    const page = pageOf(e);
    const label = labelOf(e);
    if (!page || !label) return words;
    return (
      <Text size="sm" component="span">
        {t('audit.actionOn', { action: words })}{' '}
        <AnchorLink to={page} size="sm" data-testid="audit-target-link">
          {label}
        </AnchorLink>
      </Text>
    );
  };
  const actor = (e: AuditEntry) =>
    e.actorType === 'user' ? person(e.actorId) : t(`audit.actorTypes.${e.actorType}`);
  // The target's kind, a link to its page when it has one: "Обращение CL-…", "Клиент".
  const target = (e: AuditEntry): ReactNode => {
    if (!e.targetType) return t('common.none');
    const kind = t(`audit.targetTypes.${e.targetType}`, { defaultValue: t('audit.target') });
    if (e.targetType === 'user' && e.targetId) return `${kind}: ${person(e.targetId)}`;
    const page = pageOf(e);
    const label = labelOf(e);
    return page ? (
      <AnchorLink to={page} size="sm">
        {label ? t('audit.targetNamed', { kind, label }) : kind}
      </AnchorLink>
    ) : (
      kind
    );
  };
  return { action, actor, target };
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const words = useAuditWords();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => listAudit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries: AuditEntry[] = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (e: AuditEntry) => formatDateTime(e.createdAt, i18n.language);

  const cards = (
    <Stack gap="xs">
      {entries.map((e) => (
        <Card key={e.id} withBorder padding="xs" radius="sm" data-testid="audit-row">
          <Text size="sm" fw={600} component="div">
            {words.action(e)}
          </Text>
          <Text size="xs" c="dimmed">
            {when(e)} · {words.actor(e)}
            {e.ip ? ` · ${e.ip}` : ''}
          </Text>
          <Text size="sm" component="div">
            {words.target(e)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
  const table = (
    <Table striped verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.time')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.target')}</Table.Th>
          <Table.Th>{t('access.auditFilters.ip')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id} data-testid="audit-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e)}</Table.Td>
            <Table.Td>{words.action(e)}</Table.Td>
            <Table.Td>{words.actor(e)}</Table.Td>
            <Table.Td>{words.target(e)}</Table.Td>
            <Table.Td title={e.userAgent ?? undefined}>{e.ip ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFiltersBar value={filters} onChange={setFilters} />
      <ErrorAlert error={audit.error} />
      {entries.length > 0 && (phone ? cards : table)}
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
