import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Title, optional one-line introduction and an optional action button on the right. */
export function PageHeader({
  title,
  intro,
  action,
}: {
  title: string;
  intro?: string;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm" mt={4}>
            {intro}
          </Text>
        )}
      </div>
      {action}
    </Group>
  );
}
