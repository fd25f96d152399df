// The client card's Opportunities tab (issue 17): the client's opportunities with their stage
// moves, a form to add one, and suggestions from what similar clients buy ("add as idea").
// Cards and wrapping button rows rather than a table, so it reads on a 390 px phone.
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addOpportunity,
  deleteOpportunity,
  listOpportunities,
  suggestedOpportunities,
  updateOpportunity,
  type OpportunityOut,
} from '../../api/opportunities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../format.ts';

const STAGE_COLOR: Record<OpportunityOut['stage'], string> = {
  idea: 'gray',
  offered: 'blue',
  won: 'green',
  lost: 'red',
};

function OpportunityCard(props: {
  item: OpportunityOut;
  writable: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { item } = props;
  const move = useMutation({
    mutationFn: (stage: OpportunityOut['stage']) => updateOpportunity(item.id, { stage }),
    onSuccess: props.onChanged,
  });
  const remove = useMutation({
    mutationFn: () => deleteOpportunity(item.id),
    onSuccess: props.onChanged,
  });
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="opportunity">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {item.product}
        </Text>
        <Badge color={STAGE_COLOR[item.stage]} variant="light" style={{ flexShrink: 0 }}>
          {t(`opportunities.stages.${item.stage}`)}
        </Badge>
      </Group>
      <Group gap="xs" mt={4} wrap="wrap">
        <Text size="sm">{formatMoney(item.value, i18n.language)}</Text>
        {item.dueDate && (
          <Text size="xs" c="dimmed">
            {t('opportunities.due', { date: item.dueDate })}
          </Text>
        )}
        {item.transactionIds.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('opportunities.linkedSales', { count: item.transactionIds.length })}
          </Text>
        )}
      </Group>
      {props.writable && (
        <Group gap={6} mt="xs" wrap="wrap">
          {item.allowedNext.map((stage) => (
            <Button
              key={stage}
              size="compact-xs"
              variant="light"
              color={STAGE_COLOR[stage]}
              loading={move.isPending && move.variables === stage}
              onClick={() => move.mutate(stage)}
              aria-label={`${t('opportunities.moveTo')}: ${t(`opportunities.stages.${stage}`)}`}
            >
              {t(`opportunities.stages.${stage}`)}
            </Button>
          ))}
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate()}>
            {t('opportunities.delete')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={move.error ?? remove.error} />
    </Card>
  );
}

function AddOpportunityForm(props: { clientId: string; onDone: (added: boolean) => void }) {
  const { t } = useTranslation();
  const [product, setProduct] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [dueDate, setDueDate] = useState('');
  const add = useMutation({
    mutationFn: () =>
      addOpportunity(props.clientId, {
        product: product.trim(),
        value: typeof value === 'number' ? value : null,
        dueDate: dueDate || null,
      }),
    onSuccess: () => props.onDone(true),
  });
  return (
    <Card withBorder padding="sm" radius="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('opportunities.product')}
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value)}
            required
            maxLength={300}
            data-testid="opportunity-product"
          />
          <NumberInput
            label={t('opportunities.value')}
            value={value}
            onChange={setValue}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            data-testid="opportunity-value"
          />
          <TextInput
            type="date"
            label={t('opportunities.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          <ErrorAlert error={add.error} />
          <Group gap="xs">
            <Button type="submit" loading={add.isPending} disabled={!product.trim()}>
              {t('opportunities.save')}
            </Button>
            <Button variant="default" onClick={() => props.onDone(false)}>
              {t('opportunities.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Suggestions(props: { clientId: string; writable: boolean; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const suggested = useQuery({
    queryKey: ['opportunities', 'suggested', props.clientId],
    queryFn: () => suggestedOpportunities(props.clientId),
  });
  const add = useMutation({
    mutationFn: (s: { product: string; estimatedValue: number }) =>
      addOpportunity(props.clientId, { product: s.product, value: s.estimatedValue }),
    onSuccess: props.onAdded,
  });
  const data = suggested.data;
  const group = data
    ? t(`opportunities.suggestions.groupKinds.${data.peerGroup.kind}`, {
        defaultValue: data.peerGroup.kind,
      })
    : '';
  return (
    <section data-testid="opportunity-suggestions">
      <Title order={2} size="h4" mb={4}>
        {t('opportunities.suggestions.title')}
      </Title>
      <ErrorAlert error={suggested.error ?? add.error} />
      {data && (
        <Text size="sm" c="dimmed" mb="xs">
          {data.peerGroup.size === 0
            ? t('opportunities.suggestions.noGroup')
            : data.items.length === 0
              ? t('opportunities.suggestions.none')
              : t('opportunities.suggestions.intro', { group })}
        </Text>
      )}
      <Stack gap="xs">
        {data?.items.map((s) => (
          <Card key={s.product} withBorder padding="sm" radius="sm" data-testid="suggestion">
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {s.product}
            </Text>
            <Text size="xs" c="dimmed">
              {t('opportunities.suggestions.share', { buying: s.peersBuying, peers: s.peers })}
              {' · '}
              {t('opportunities.suggestions.estimate', {
                value: formatMoney(s.estimatedValue, i18n.language),
              })}
            </Text>
            {props.writable && (
              <Button
                size="compact-xs"
                variant="light"
                mt="xs"
                style={{ alignSelf: 'flex-start' }}
                loading={add.isPending && add.variables?.product === s.product}
                onClick={() => add.mutate(s)}
              >
                {t('opportunities.suggestions.addAsIdea')}
              </Button>
            )}
          </Card>
        ))}
      </Stack>
    </section>
  );
}

export function ClientOpportunitiesTab({
  clientId,
  writable,
}: {
  clientId: string;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['opportunities', clientId],
    queryFn: () => listOpportunities(clientId),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
  return (
    <Stack gap="lg">
      <section>
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t('opportunities.title')}
          </Title>
          {writable && !adding && (
            <Button size="xs" onClick={() => setAdding(true)} data-testid="opportunity-add">
              {t('opportunities.add')}
            </Button>
          )}
        </Group>
        {adding && (
          <AddOpportunityForm
            clientId={clientId}
            onDone={(added) => {
              setAdding(false);
              if (!added) return;
              refresh();
              notifications.show({ color: 'green', message: t('opportunities.added') });
            }}
          />
        )}
        <ErrorAlert error={list.error} />
        {list.data?.items.length === 0 && !adding && (
          <Text c="dimmed" size="sm">
            {t('opportunities.empty')}
          </Text>
        )}
        <Stack gap="xs" mt="xs">
          {list.data?.items.map((item) => (
            <OpportunityCard key={item.id} item={item} writable={writable} onChanged={refresh} />
          ))}
        </Stack>
      </section>
      <Suggestions clientId={clientId} writable={writable} onAdded={refresh} />
    </Stack>
  );
}
