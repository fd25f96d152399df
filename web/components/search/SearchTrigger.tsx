// The header's way into the search palette: a field-like button with the shortcut on wider
// screens, an icon button on a phone (390 px has no room for more).
import { ActionIcon, Button, Kbd, Text } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

function Magnifier() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4.2-4.2" />
    </svg>
  );
}

export function SearchTrigger({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        visibleFrom="sm"
        leftSection={<Magnifier />}
        rightSection={<Kbd size="xs">{mod} K</Kbd>}
        onClick={onOpen}
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="search-open"
      >
        <Text size="sm" c="dimmed" component="span">
          {t('search.button')}
        </Text>
      </Button>
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        onClick={onOpen}
        aria-label={t('search.title')}
        data-testid="search-open-phone"
      >
        <Magnifier />
      </ActionIcon>
    </>
  );
}
