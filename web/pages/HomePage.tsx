// Greeting and a card per settings page the person may open. No numbers until real data exists.
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { visibleEntries } from '../nav.ts';
import { onLinkClick } from '../router.tsx';
import { useSession } from '../session.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { user, org } = useSession();
  const cards = visibleEntries(user.role).filter((e) => e.descriptionKey);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.greeting', { name: user.name })}
        </Title>
        <Text mt="xs">{t('home.org', { org: org.name })}</Text>
        <Text c="dimmed">{t('home.role', { role: t(`roles.${user.role}`) })}</Text>
      </div>
      <Title order={2} size="h4">
        {t('home.settingsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {cards.map((entry) => (
          <Card key={entry.path} withBorder padding="md" radius="md">
            <Text fw={600}>{t(entry.labelKey)}</Text>
            <Text size="sm" c="dimmed" mt={4} mb="sm" style={{ flexGrow: 1 }}>
              {t(entry.descriptionKey ?? '')}
            </Text>
            <Button
              component="a"
              href={entry.path}
              variant="light"
              size="xs"
              onClick={(e) => onLinkClick(e, entry.path)}
            >
              {t('home.open')}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
