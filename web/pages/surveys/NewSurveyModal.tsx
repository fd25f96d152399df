// A new survey: name, metric, the question in both languages (pre-filled with the metric's
// default until the person edits it) and an optional journey stage.
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyMetric } from '../../../shared/api/surveys.ts';
import { createSurvey, type SurveyOut } from '../../api/surveys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';
import { SURVEYS_KEY } from './StatusBadge.tsx';
import { SURVEY_METRICS as METRICS } from '../../../shared/domain/vocabulary.ts';

export function NewSurveyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (survey: SurveyOut) => void;
}) {
  const { t, i18n } = useTranslation();
  // The default wording in both languages comes from the catalogues (the server applies the same
  // text, shared/api/surveys.ts; a test keeps them equal) so zod stays out of the browser bundle.
  const defaultQuestion = (m: SurveyMetric) => ({
    ru: i18n.getFixedT('ru')(`surveys.defaultQuestion.${m}`),
    en: i18n.getFixedT('en')(`surveys.defaultQuestion.${m}`),
  });
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [metric, setMetric] = useState<SurveyMetric>('nps');
  const [question, setQuestion] = useState(() => defaultQuestion('nps'));
  const [stage, setStage] = useState('');
  const create = useMutation({
    mutationFn: createSurvey,
    onSuccess: (survey) => {
      void queryClient.invalidateQueries({ queryKey: SURVEYS_KEY });
      reset();
      onCreated(survey);
    },
  });

  function reset() {
    setName('');
    setMetric('nps');
    setQuestion(defaultQuestion('nps'));
    setStage('');
  }

  function chooseMetric(next: SurveyMetric) {
    // Follow the metric while the wording is still a default one; keep what the person wrote.
    const untouched = METRICS.some(
      (m) => defaultQuestion(m).ru === question.ru && defaultQuestion(m).en === question.en,
    );
    setMetric(next);
    if (untouched) setQuestion(defaultQuestion(next));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, metric, question, ...(stage.trim() ? { stage } : {}) });
  }

  function close() {
    create.reset();
    onClose();
  }

  const invalid = (field: string) =>
    isInvalidField(create.error, field) ? t('common.checkField') : undefined;
  return (
    <Modal opened={opened} onClose={close} title={t('surveys.createTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('surveys.name')}
            placeholder={t('surveys.namePlaceholder')}
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={invalid('name')}
            data-autofocus
          />
          <NativeSelect
            label={t('surveys.metric')}
            name="metric"
            value={metric}
            onChange={(e) => chooseMetric(e.currentTarget.value as SurveyMetric)}
            data={METRICS.map((m) => ({ value: m, label: t(`surveys.metrics.${m}`) }))}
            description={t(`surveys.metricHints.${metric}`)}
          />
          <Textarea
            label={t('surveys.questionRu')}
            name="questionRu"
            required
            autosize
            minRows={2}
            maxLength={500}
            value={question.ru}
            onChange={(e) => setQuestion({ ...question, ru: e.currentTarget.value })}
            error={invalid('question.ru')}
          />
          <Textarea
            label={t('surveys.questionEn')}
            name="questionEn"
            required
            autosize
            minRows={2}
            maxLength={500}
            value={question.en}
            onChange={(e) => setQuestion({ ...question, en: e.currentTarget.value })}
            error={invalid('question.en')}
          />
          <TextInput
            label={t('surveys.stage')}
            description={t('surveys.stageHint')}
            name="stage"
            maxLength={100}
            value={stage}
            onChange={(e) => setStage(e.currentTarget.value)}
            error={invalid('stage')}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('surveys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
