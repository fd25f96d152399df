// E-mail in: the organisation's inbound address (to copy), and the quarantine of mail from unknown
// senders with accept / discard. Cards rather than a table, so it reads on a phone.
import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  acceptQuarantined,
  discardQuarantined,
  getInboundAddress,
  listQuarantine,
  type InboundMessageOut,
} from '../../api/inbound.ts';
import { canWriteData } from '../../components/access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';

const QUARANTINE_KEY = ['inbound', 'quarantine'] as const;

function AddressCard() {
  const { t } = useTranslation();
  const address = useQuery({ queryKey: ['inbound', 'address'], queryFn: getInboundAddress });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="inbound-address">
      <Title order={2} size="h4" id="inbound-address" mb="xs">
        {t('inbound.addressTitle')}
      </Title>
      <ErrorAlert error={address.error} />
      {address.isPending && <Loader size="sm" />}
      {address.data && !address.data.receiving && (
        <Alert color="yellow" mb="sm" data-testid="inbound-receiver-off">
          {t('inbound.receiverOff')}
        </Alert>
      )}
      {address.data && (
        <Group gap="sm" wrap="wrap" align="center">
          <Code
            data-testid="inbound-address"
            fz="md"
            style={{ wordBreak: 'break-all', flex: '1 1 16rem' }}
          >
            {address.data.address}
          </Code>
          <CopyButton value={address.data.address}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                {t(copied ? 'common.copied' : 'common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        {t('inbound.addressHint')}
      </Text>
    </Card>
  );
}

function QuarantinedMail({ item, canDecide }: { item: InboundMessageOut; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const done = (messageKey: string) => {
    notifications.show({ color: 'green', message: t(messageKey) });
    void queryClient.invalidateQueries({ queryKey: QUARANTINE_KEY });
    void queryClient.invalidateQueries({ queryKey: ['feedback'] });
  };
  const accept = useMutation({
    mutationFn: () => acceptQuarantined(item.id),
    onSuccess: () => done('inbound.accepted'),
  });
  const discard = useMutation({
    mutationFn: () => discardQuarantined(item.id),
    onSuccess: () => done('inbound.discarded'),
  });
  const busy = accept.isPending || discard.isPending;

  return (
    <Card withBorder radius="md" padding="sm" data-testid="quarantine-item">
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {item.fromName ? `${item.fromName} <${item.fromAddress}>` : item.fromAddress}
      </Text>
      <Text size="xs" c="dimmed">
        {t('inbound.received', { time: formatDateTime(item.receivedAt, i18n.language) })}
      </Text>
      <Text fw={500} mt="xs" style={{ overflowWrap: 'anywhere' }}>
        {item.subject || t('inbound.noSubject')}
      </Text>
      <Text
        size="sm"
        mt={4}
        lineClamp={6}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {item.text}
      </Text>
      <ErrorAlert error={accept.error ?? discard.error} />
      {canDecide && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            onClick={() => accept.mutate()}
            loading={accept.isPending}
            disabled={busy}
          >
            {t('inbound.accept')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => discard.mutate()}
            loading={discard.isPending}
            disabled={busy}
          >
            {t('inbound.discard')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function InboundPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const quarantine = useInfiniteQuery({
    queryKey: QUARANTINE_KEY,
    queryFn: ({ pageParam }) => listQuarantine(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = quarantine.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('inbound.title')} intro={t('inbound.intro')} />
      <Stack gap="lg">
        <AddressCard />
        <Stack gap="sm" component="section" aria-labelledby="inbound-quarantine">
          <div>
            <Title order={2} size="h4" id="inbound-quarantine">
              {t('inbound.quarantineTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('inbound.quarantineIntro')}
            </Text>
          </div>
          <ErrorAlert error={quarantine.error} />
          {quarantine.isPending && <Loader size="sm" />}
          {quarantine.data && items.length === 0 && <Text c="dimmed">{t('inbound.empty')}</Text>}
          {items.map((item) => (
            <QuarantinedMail key={item.id} item={item} canDecide={canWriteData(user.role)} />
          ))}
          {quarantine.hasNextPage && (
            <Button
              variant="light"
              loading={quarantine.isFetchingNextPage}
              onClick={() => void quarantine.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      </Stack>
    </>
  );
}
