// The command palette (issue 21): ⌘K / Ctrl+K anywhere, or the header's search button (the only
// way on a phone). Searches clients, contacts, records and cases as you type; results grouped by
// kind; ↑/↓ move, Enter opens, Esc closes. Full screen on a phone.
import {
  Badge,
  Box,
  Group,
  Kbd,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchEverything } from '../../api/search.ts';
import { navigate } from '../../router.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SearchTrigger } from './SearchTrigger.tsx';
import { SEARCH_KINDS, searchItems, type SearchItem } from './search-items.ts';

const MAX_QUERY = 200;

export function GlobalSearch() {
  const [opened, setOpened] = useState(false);
  // The palette answers from inside any field too: ⌘K is nobody's typing.
  useHotkeys([['mod+K', () => setOpened(true)]], []);
  return (
    <>
      <SearchTrigger onOpen={() => setOpened(true)} />
      {opened && <SearchPalette onClose={() => setOpened(false)} />}
    </>
  );
}

function SearchPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const [active, setActive] = useState(0);
  const found = useQuery({
    queryKey: ['search', q],
    queryFn: () => searchEverything(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const items = q && found.data ? searchItems(found.data) : [];
  useEffect(() => setActive(0), [found.data]);

  const open = (item: SearchItem | undefined) => {
    if (!item) return;
    onClose();
    navigate(item.href);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(items[active]);
    }
  };
  const optionId = (i: number) => `global-search-option-${i}`;

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={Boolean(phone)}
      size="lg"
      title={t('search.title')}
      yOffset="8vh"
      data-testid="global-search"
    >
      <TextInput
        data-autofocus
        value={text}
        onChange={(e) => setText(e.currentTarget.value.slice(0, MAX_QUERY))}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="global-search-results"
        aria-activedescendant={items.length ? optionId(active) : undefined}
        rightSection={found.isFetching ? <Loader size="xs" /> : null}
        data-testid="global-search-input"
      />
      <ErrorAlert error={found.error} />
      {!q && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('search.hint')}
        </Text>
      )}
      {q && found.data && items.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="global-search-empty">
          {t('search.nothing')}
        </Text>
      )}
      <Stack
        gap="xs"
        mt="sm"
        id="global-search-results"
        role="listbox"
        aria-label={t('search.results')}
      >
        {SEARCH_KINDS.map((kind) => {
          const ofKind = items.filter((i) => i.kind === kind);
          if (!ofKind.length) return null;
          return (
            <Box key={kind} role="group" aria-label={t(`search.kinds.${kind}`)}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                {t(`search.kinds.${kind}`)}
              </Text>
              {ofKind.map((item) => {
                const index = items.indexOf(item);
                return (
                  <ResultRow
                    key={item.key}
                    id={optionId(index)}
                    item={item}
                    active={index === active}
                    onHover={() => setActive(index)}
                    onOpen={() => open(item)}
                  />
                );
              })}
            </Box>
          );
        })}
      </Stack>
      <Group gap="xs" mt="md" visibleFrom="sm">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('search.keys.move')} ·{' '}
          <Kbd size="xs">Enter</Kbd> {t('search.keys.open')} · <Kbd size="xs">Esc</Kbd>{' '}
          {t('search.keys.close')}
        </Text>
      </Group>
    </Modal>
  );
}

function ResultRow(props: {
  id: string;
  item: SearchItem;
  active: boolean;
  onHover: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const { item, active } = props;
  return (
    <UnstyledButton
      id={props.id}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      onMouseEnter={props.onHover}
      onClick={props.onOpen}
      w="100%"
      px="sm"
      py={6}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: active ? 'var(--mantine-color-blue-light)' : undefined,
      }}
      data-testid={`search-result-${item.kind}`}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Box miw={0}>
          <Text size="sm" fw={500} lineClamp={2}>
            {item.title}
          </Text>
          {item.detail && (
            <Text size="xs" c="dimmed" truncate="end">
              {item.detail}
            </Text>
          )}
        </Box>
        {item.status && (
          <Badge variant="light" size="sm" style={{ flexShrink: 0, textTransform: 'none' }}>
            {t(`cases.status.${item.status}`)}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}
