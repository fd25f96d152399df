// Saved views of a list (issue 21): the person's own named sets of filters — apply one, save the
// current filters under a name, rename or delete them. Stored on the server per person.
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createSavedView,
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  type SavedViewList,
  type SavedViewOut,
} from '../../api/search.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { applicableFilters, currentFilters } from './saved-view-filters.ts';

interface Props {
  list: SavedViewList;
  /** Filter names the list understands (its query-string keys). */
  known: readonly string[];
  /** The list's query string now. */
  params: Record<string, string>;
  /** Replaces the list's filters with these. */
  onApply: (filters: Record<string, string>) => void;
}

export function SavedViews({ list, known, params, onApply }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const views = useQuery({ queryKey: ['saved-views', list], queryFn: () => listSavedViews(list) });
  const items = views.data?.items ?? [];

  const apply = (view: SavedViewOut) => {
    const { apply: filters, dropped } = applicableFilters(view.filters, known);
    onApply(filters);
    if (dropped.length)
      notifications.show({
        color: 'yellow',
        message: t('search.views.dropped', { names: dropped.join(', ') }),
      });
  };

  return (
    <Group gap="xs" data-testid="saved-views">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" size="compact-sm" data-testid="saved-views-menu">
            {t('search.views.label')} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('search.views.apply')}</Menu.Label>
          {items.length === 0 && <Menu.Item disabled>{t('search.views.none')}</Menu.Item>}
          {items.map((v) => (
            <Menu.Item key={v.id} onClick={() => apply(v)} data-testid="saved-view-item">
              {v.name}
            </Menu.Item>
          ))}
          {items.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Item onClick={() => setManaging(true)}>{t('search.views.manage')}</Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setSaving(true)}
        data-testid="saved-view-save"
      >
        {t('search.views.save')}
      </Button>
      {saving && (
        <SaveViewModal
          list={list}
          filters={currentFilters(params, known)}
          onClose={() => setSaving(false)}
        />
      )}
      {managing && (
        <ManageViewsModal list={list} views={items} onClose={() => setManaging(false)} />
      )}
    </Group>
  );
}

function SaveViewModal(props: {
  list: SavedViewList;
  filters: Record<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => createSavedView(props.list, name.trim(), props.filters),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['saved-views', props.list] });
      notifications.show({ color: 'green', message: t('search.views.saved') });
      props.onClose();
    },
  });
  return (
    <Modal opened onClose={props.onClose} title={t('search.views.saveTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            data-autofocus
            label={t('search.views.name')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="saved-view-name"
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t('search.views.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ManageViewsModal(props: {
  list: SavedViewList;
  views: SavedViewOut[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={t('search.views.manage')}>
      <Stack gap="sm">
        {props.views.map((v) => (
          <ViewRow key={v.id} list={props.list} view={v} />
        ))}
        {props.views.length === 0 && <Text c="dimmed">{t('search.views.none')}</Text>}
      </Stack>
    </Modal>
  );
}

function ViewRow({ list, view }: { list: SavedViewList; view: SavedViewOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(view.name);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['saved-views', list] });
  const rename = useMutation({
    mutationFn: () => renameSavedView(view.id, name.trim()),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteSavedView(view.id), onSuccess: refresh });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          aria-label={t('search.views.name')}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          size="sm"
          disabled={!name.trim() || name.trim() === view.name}
          loading={rename.isPending}
          onClick={() => rename.mutate()}
        >
          {t('search.views.rename')}
        </Button>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('search.views.delete')}
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          ✕
        </ActionIcon>
      </Group>
      <ErrorAlert error={rename.error ?? remove.error} />
    </Stack>
  );
}
