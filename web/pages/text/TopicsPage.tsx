// Settings → Topics: the organisation's taxonomy for auto-tagging feedback (labels in both
// languages and keywords; a keyword matches every form of the word). Saving replaces the list;
// "re-analyse" re-tags old records with it.
import {
  ActionIcon,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putTopics, reanalyse, TOPICS_KEY, type TopicOut } from '../../api/text.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { useTopics } from './useTopics.ts';

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export function TopicsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const manage = can(user.role, 'org.manage');
  const queryClient = useQueryClient();
  const topics = useTopics();
  const [draft, setDraft] = useState<TopicOut[]>([]);
  useEffect(() => {
    if (topics.data) setDraft(topics.data.items);
  }, [topics.data]);

  const save = useMutation({
    mutationFn: () => putTopics(draft),
    onSuccess: (data) => {
      queryClient.setQueryData(TOPICS_KEY, data);
      notifications.show({ color: 'green', message: t('text.topics.saved') });
    },
  });
  const rerun = useMutation({
    mutationFn: () => reanalyse(),
    onSuccess: (r) =>
      notifications.show({
        color: 'green',
        message: t('text.topics.reanalyseQueued', { count: r.queued }),
      }),
  });

  const change = (i: number, patch: Partial<TopicOut>) =>
    setDraft((d) => d.map((topic, j) => (j === i ? { ...topic, ...patch } : topic)));
  const keys = draft.map((d) => d.key);
  const invalid =
    draft.some(
      (d, i) =>
        !KEY_PATTERN.test(d.key) ||
        !d.labelRu.trim() ||
        !d.labelEn.trim() ||
        keys.indexOf(d.key) !== i,
    ) || draft.length === 0;

  return (
    <>
      <PageHeader
        title={t('text.topics.title')}
        intro={t('text.topics.intro')}
        action={
          manage && (
            <Button
              variant="light"
              loading={rerun.isPending}
              onClick={() => rerun.mutate()}
              data-testid="reanalyse"
            >
              {t('text.topics.reanalyse')}
            </Button>
          )
        }
      />
      <ErrorAlert error={topics.error ?? save.error ?? rerun.error} />
      <Stack gap="sm">
        {draft.map((topic, i) => (
          <Card key={i} withBorder radius="md" padding="sm" data-testid="topic-row">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label={t('text.topics.key')}
                value={topic.key}
                disabled={!manage}
                error={
                  !KEY_PATTERN.test(topic.key)
                    ? t('text.topics.keyRule')
                    : keys.indexOf(topic.key) !== i
                      ? t('text.topics.keyTaken')
                      : undefined
                }
                onChange={(e) => change(i, { key: e.currentTarget.value.trim() })}
              />
              <TextInput
                label={t('text.topics.labelRu')}
                value={topic.labelRu}
                disabled={!manage}
                onChange={(e) => change(i, { labelRu: e.currentTarget.value })}
              />
              <TextInput
                label={t('text.topics.labelEn')}
                value={topic.labelEn}
                disabled={!manage}
                onChange={(e) => change(i, { labelEn: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group align="flex-end" gap="xs" mt="xs" wrap="nowrap">
              <TagsInput
                style={{ flex: 1 }}
                label={t('text.topics.keywords')}
                description={t('text.topics.keywordsHint')}
                value={topic.keywords}
                disabled={!manage}
                onChange={(keywords) => change(i, { keywords })}
                clearable
              />
              {manage && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('text.topics.remove')}
                  title={t('text.topics.remove')}
                  onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          </Card>
        ))}
        {topics.data && draft.length === 0 && <Text c="dimmed">{t('text.topics.empty')}</Text>}
      </Stack>
      {manage && (
        <Group mt="md" gap="sm">
          <Button
            variant="default"
            onClick={() =>
              setDraft((d) => [
                ...d,
                { key: `topic_${d.length + 1}`, labelRu: '', labelEn: '', keywords: [] },
              ])
            }
            data-testid="add-topic"
          >
            {t('text.topics.add')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={invalid}
            data-testid="save-topics"
          >
            {t('text.topics.save')}
          </Button>
        </Group>
      )}
    </>
  );
}
