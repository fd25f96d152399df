// Cases as a board with one column per status. On a phone the columns stack (each one a
// section you scroll past); wider screens show them side by side, scrolling sideways if needed.
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BOARD_STATUSES,
  byRisk,
  listAllCases,
  type CaseOut,
  type CaseStatus,
} from '../../api/cases.ts';

/** Resolved cases older than this leave the board (the client page and lists still show them). */
export const RESOLVED_SHOWN_DAYS = 14;
/** The resolved column shows this many cards until someone asks for all of them. */
const RESOLVED_COLLAPSED = 10;

/** Every open case, however many, and the cases resolved in the last RESOLVED_SHOWN_DAYS. */
async function loadBoard(now = Date.now()): Promise<CaseOut[]> {
  const open = BOARD_STATUSES.filter((s) => s !== 'resolved');
  const resolvedFrom = new Date(now - RESOLVED_SHOWN_DAYS * 86_400_000).toISOString();
  const [openCases, resolved] = await Promise.all([
    listAllCases({ status: open }),
    listAllCases({ status: ['resolved'], resolvedFrom }),
  ]);
  return [...openCases, ...resolved];
}
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { onLinkClick } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function BoardCard({ item }: { item: CaseOut }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xs" radius="sm" data-testid="board-card">
      <AnchorLink to={`/cases/${item.id}`} size="sm" fw={600}>
        {item.title}
      </AnchorLink>
      <Group gap={6} mt={6}>
        <DueBadge
          dueAt={item.dueAt}
          breachedAt={item.breachedAt}
          done={item.status === 'resolved'}
        />
        <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
          {t(`cases.priority.${item.priority}`)}
        </Badge>
      </Group>
      <ClientLink clientId={item.clientId} size="xs" />
    </Card>
  );
}

function Column({
  status,
  items,
  stacked,
}: {
  status: CaseStatus;
  items: CaseOut[];
  stacked: boolean;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const collapsible = status === 'resolved' && items.length > RESOLVED_COLLAPSED;
  const shown = collapsible && !expanded ? items.slice(0, RESOLVED_COLLAPSED) : items;
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="gray.0"
      style={stacked ? undefined : { flex: '1 0 190px', minWidth: 190 }}
      data-testid={`board-column-${status}`}
      component="section"
      aria-label={t(`cases.status.${status}`)}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap" gap={4}>
        <Title
          order={2}
          size="h6"
          title={t(`cases.status.${status}`)}
          style={{
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {t(`cases.status.${status}`)}
        </Title>
        <Badge variant="light" color="gray">
          {items.length}
        </Badge>
      </Group>
      {status === 'resolved' && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="board-resolved-window">
          {t('cases.board.resolvedWindow', { count: RESOLVED_SHOWN_DAYS })}
        </Text>
      )}
      <Stack gap="xs">
        {shown.map((item) => (
          <BoardCard key={item.id} item={item} />
        ))}
        {collapsible && (
          <Button variant="subtle" size="xs" onClick={() => setExpanded(!expanded)}>
            {expanded
              ? t('cases.board.collapse')
              : t('cases.board.showAll', { count: items.length })}
          </Button>
        )}
        {items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('cases.board.emptyColumn')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function CaseBoardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const phone = useMediaQuery('(max-width: 48em)');
  const cases = useQuery({
    queryKey: ['cases', 'board'],
    queryFn: () => loadBoard(),
    refetchInterval: 60_000,
  });
  const byStatus = (status: CaseStatus) =>
    (cases.data ?? []).filter((c) => c.status === status).sort(byRisk);
  const columns = BOARD_STATUSES.map((status) => (
    <Column key={status} status={status} items={byStatus(status)} stacked={Boolean(phone)} />
  ));

  return (
    <>
      <PageHeader
        title={t('cases.board.title')}
        intro={t('cases.board.intro')}
        action={
          canWriteData(user.role) && (
            <Button component="a" href="/cases/new" onClick={(e) => onLinkClick(e, '/cases/new')}>
              {t('cases.new.button')}
            </Button>
          )
        }
      />
      {/* The board shows the working set; the file holds every case of the organisation. */}
      <Group justify="flex-end" mb="sm">
        <ListExportButtons list="cases" params={{}} />
      </Group>
      <ErrorAlert error={cases.error} />
      {cases.isPending && <Loader size="sm" />}
      {cases.data &&
        (phone ? (
          <Stack gap="sm">{columns}</Stack>
        ) : (
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              {columns}
            </Group>
          </ScrollArea>
        ))}
    </>
  );
}
