// /requirements: special requirements across all clients, searched by text, product and stage
// (the server folds case and ё). Query and status live in the URL, so a search can be shared.
// Cards rather than a table, so it reads on a phone.
import {
  Badge,
  Card,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchRequirements, type RequirementSearchHit } from '../../api/care.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { useStageLabel } from '../../components/useStageLabel.ts';

const LIMIT = 100;
const STATUSES = ['all', 'active', 'retired'] as const;
type StatusChoice = (typeof STATUSES)[number];

function RequirementHit({ item }: { item: RequirementSearchHit }) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="requirement-hit">
      <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
        <AnchorLink
          to={`/clients/${encodeURIComponent(item.clientId)}?tab=requirements`}
          fw={600}
          size="sm"
        >
          {item.clientName}
        </AnchorLink>
        <Badge
          color={item.inEffect ? 'green' : 'gray'}
          variant="dot"
          style={{ textTransform: 'none' }}
        >
          {t(item.inEffect ? 'care.requirements.inEffect' : 'care.requirements.notInEffect')}
        </Badge>
      </Group>
      <Group gap={6} mb={4} wrap="wrap">
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`care.requirements.categories.${item.category}`)}
        </Badge>
        {item.product && (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none', maxWidth: '100%' }}>
            {item.product}
          </Badge>
        )}
        {item.stage && (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none', maxWidth: '100%' }}>
            {stageLabel(item.stage)}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t('care.requirements.version', { version: item.version })}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {item.text}
      </Text>
    </Card>
  );
}

export function RequirementSearchPage() {
  const { t } = useTranslation();
  const params = useQueryParams();
  const status: StatusChoice = (STATUSES as readonly string[]).includes(params.status ?? '')
    ? (params.status as StatusChoice)
    : 'all';
  const [text, setText] = useState(params.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  useEffect(
    () => setQueryParams({ q, status: status === 'all' ? undefined : status }),
    [q, status],
  );
  const hits = useQuery({
    queryKey: ['requirements', 'search', q, status],
    queryFn: () =>
      searchRequirements({
        q: q || undefined,
        status: status === 'all' ? undefined : status,
        limit: LIMIT,
      }),
    placeholderData: keepPreviousData, // the list stays while the next search runs
  });
  const items = hits.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('care.search.title')} intro={t('care.search.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md" maw={720}>
        <TextInput
          type="search"
          name="q"
          label={t('care.search.query')}
          placeholder={t('care.search.placeholder')}
          maxLength={200}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('care.search.status')}
          </Text>
          <SegmentedControl
            aria-label={t('care.search.status')}
            value={status}
            onChange={(v) => setQueryParams({ q, status: v === 'all' ? undefined : v })}
            data={STATUSES.map((s) => ({ value: s, label: t(`care.search.statuses.${s}`) }))}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
      </SimpleGrid>
      <ErrorAlert error={hits.error} />
      {hits.isPending && <Loader size="sm" />}
      {hits.data && !hits.isPlaceholderData && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="requirement-count">
          {items.length === 0
            ? t('care.search.empty')
            : items.length >= LIMIT
              ? t('care.search.limited', { count: LIMIT })
              : t('care.search.found', { count: items.length })}
        </Text>
      )}
      {hits.isPlaceholderData && <Loader size="sm" mb="xs" />}
      <Stack gap="xs" style={{ opacity: hits.isPlaceholderData ? 0.5 : 1 }}>
        {items.map((item) => (
          <RequirementHit key={item.id} item={item} />
        ))}
      </Stack>
    </>
  );
}
