// "Correct" control on a feedback record: pick the sentiment and topics by hand. The correction is
// stored apart from the model's output, so re-analysis keeps it.
import { Button, Group, MultiSelect, NativeSelect, Popover, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackOut } from '../../api/feedback.ts';
import { correctAnalysis, SENTIMENTS, type SentimentLabel } from '../../api/text.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTopicLabel, useTopics } from './useTopics.ts';

export function AnalysisCorrection({ item }: { item: FeedbackOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const topics = useTopics();
  const label = useTopicLabel();
  const [opened, setOpened] = useState(false);
  const [sentiment, setSentiment] = useState<SentimentLabel>(item.sentiment?.label ?? 'neutral');
  const [chosen, setChosen] = useState<string[]>(item.topics);
  const save = useMutation({
    mutationFn: () => correctAnalysis(item.id, { sentiment, topics: chosen }),
    onSuccess: () => {
      setOpened(false);
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
      notifications.show({ color: 'green', message: t('text.correct.saved') });
    },
  });
  const options = (topics.data?.items ?? []).map((topic) => ({
    value: topic.key,
    label: label(topic.key),
  }));

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={300}
      position="bottom-start"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setOpened((o) => !o)}
          data-testid="correct-analysis"
        >
          {t('text.correct.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <NativeSelect
            label={t('text.correct.sentiment')}
            value={sentiment}
            onChange={(e) => setSentiment(e.currentTarget.value as SentimentLabel)}
            data={SENTIMENTS.map((s) => ({ value: s, label: t(`text.sentiment.${s}`) }))}
          />
          <MultiSelect
            label={t('text.correct.topics')}
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('text.correct.cancel')}
            </Button>
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="correct-save"
            >
              {t('text.correct.save')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
