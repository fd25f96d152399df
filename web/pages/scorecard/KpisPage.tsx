// Process KPIs: the named series per stage and month (e.g. «доставка вовремя, %»), their
// definitions, values entered or pasted by hand, and a link to import them from a file.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteKpi, listKpis, type KpiOut } from '../../api/scorecard.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { KpiModal } from './KpiModal.tsx';
import { KpiValuesForm } from './KpiValuesForm.tsx';

const KPIS_KEY = ['kpis'] as const;

export function KpisPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const write = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const kpis = useQuery({ queryKey: KPIS_KEY, queryFn: listKpis });
  const [editing, setEditing] = useState<KpiOut | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KPIS_KEY });
  const remove = useMutation({ mutationFn: deleteKpi, onSuccess: refresh });
  const items = kpis.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('scorecard.kpisTitle')}
        intro={t('scorecard.kpisIntro')}
        action={
          write && <Button onClick={() => setEditing('new')}>{t('scorecard.defineKpi')}</Button>
        }
      />
      <Group gap="md" mb="sm" wrap="wrap">
        <AnchorLink to="/scorecard/operations">{t('scorecard.operationsNav')}</AnchorLink>
        {write && <AnchorLink to="/imports">{t('scorecard.importLink')}</AnchorLink>}
      </Group>
      <ErrorAlert error={kpis.error ?? remove.error} />
      <Stack gap="xs">
        {items.map((k) => (
          <Card key={k.key} withBorder padding="sm" radius="sm" data-testid="kpi-card">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>
                  {k.name}
                  {k.unit ? `, ${k.unit}` : ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {k.key}
                  {k.nameEn ? ` · ${k.nameEn}` : ''} · {t(`scorecard.directions.${k.direction}`)}
                  {k.target !== null ? ` · ${t('scorecard.target')} ${k.target}` : ''}
                </Text>
              </div>
              {write && (
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setEditing(k)}>
                    {t('scorecard.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (window.confirm(t('scorecard.deleteConfirm', { name: k.name })))
                        remove.mutate(k.key);
                    }}
                  >
                    {t('scorecard.delete')}
                  </Button>
                </Group>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <Title order={2} size="h4" mt="md" mb="xs">
        {t('scorecard.values')}
      </Title>
      {kpis.data && <KpiValuesForm kpis={items} canWrite={write} />}
      {editing && (
        <KpiModal
          kpi={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
