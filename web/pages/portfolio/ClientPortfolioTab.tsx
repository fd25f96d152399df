// The client card's "Portfolio" tab: the client's cell and strategy, both scores and what each is
// made of (BreakdownTable), and the playbook of its cell (ClientPlaybook). Read from the matrix endpoint (api/portfolio.ts findPortfolioClient).
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClientOut } from '../../api/clients.ts';
import { findPortfolioClient } from '../../api/portfolio.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { ClientPlaybook } from './ClientPlaybook.tsx';
import { cellColor, cellName, score } from './cells.ts';
import { PortfolioError } from './PortfolioError.tsx';

export function ClientPortfolioTab({ client }: { client: ClientOut }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  useEconomicsSettings(); // the currency of the revenue
  const found = useQuery({
    queryKey: ['portfolio', 'client', client.id],
    queryFn: () => findPortfolioClient(client),
  });
  const p = found.data;
  const matrix = p
    ? `/portfolio?a=${p.cell.attractiveness}&r=${p.cell.relationship}`
    : '/portfolio';
  return (
    <Stack gap="md" data-testid="client-portfolio">
      <PortfolioError error={found.error} />
      {found.isPending && <Loader size="sm" />}
      {found.data === null && (
        <Text c="dimmed" data-testid="client-portfolio-missing">
          {t('portfolio.card.notFound')}
        </Text>
      )}
      {p && (
        <>
          <Card withBorder radius="md" padding="sm" style={{ background: cellColor(p.cell) }}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Text size="xs" c="dimmed">
                  {t('portfolio.card.cell')}
                </Text>
                <Text fw={700} data-testid="client-cell">
                  {cellName(t, p.cell)}
                </Text>
              </div>
              <AnchorLink to={matrix} size="sm">
                {t('portfolio.card.openMatrix')}
              </AnchorLink>
            </Group>
            <Text size="sm" mt="xs" data-testid="client-strategy">
              <Text span fw={600}>
                {t('portfolio.strategy')}:
              </Text>{' '}
              {lng.startsWith('ru') ? p.strategy.textRu : p.strategy.textEn}
            </Text>
          </Card>
          <SimpleGrid cols={{ base: 2 }} spacing="sm">
            {(['attractiveness', 'relationship'] as const).map((axis) => (
              <Card key={axis} withBorder radius="md" padding="sm">
                <Text size="xs" c="dimmed">
                  {t(`portfolio.card.${axis}`)}
                </Text>
                <Group gap="xs" align="baseline">
                  <Text fz={24} fw={700} data-testid={`client-${axis}`}>
                    {score(p[axis], lng)}
                  </Text>
                  <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                    {t(`portfolio.levels.${axis}.${p.cell[axis]}`)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
          <ClientPlaybook clientId={client.id} />
          {(['attractiveness', 'relationship'] as const).map((axis) => (
            <section key={axis}>
              <Title order={2} size="h5" mb="xs">
                {t('portfolio.card.breakdown', { axis: t(`portfolio.axes.${axis}`) })}
              </Title>
              <BreakdownTable
                items={p.breakdown[axis]}
                total={p[axis]}
                testId={`breakdown-${axis}`}
              />
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}
