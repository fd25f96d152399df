// The rule table behind the arbiter's suggested actions (issue 16: "a rule table the CX lead can
// edit"). A rule names a metric (or a family: "kpi:*", "calls.*"), when it fires, and the action
// in both languages; the first rule that fires for a stage gives its suggestion, so order counts.
// Saving replaces the whole table; an empty table goes back to the built-in rules.
import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getArbiterRules,
  putArbiterRules,
  type ArbiterRuleIn,
  type ArbiterRulesOut,
} from '../../api/scorecard-layers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { metricLabelKey } from '../scorecard/format.ts';

const RULES_KEY = ['arbiter-rules'] as const;
const WHEN: readonly ArbiterRuleIn['when'][] = ['top_driver', 'red', 'off_target'];
/**
 * The metric keys a rule may name, offered as suggestions (any KPI key "kpi:<key>" is accepted
 * too). The same keys as shared/api/scorecard*.ts; listed here so zod stays out of the bundle.
 */
const KNOWN_METRICS = [
  'nps',
  'csat',
  'ces',
  'revenue',
  'arppu',
  'on_time_share',
  'retention',
  'enps',
  'cases.ack_minutes',
  'cases.resolve_minutes',
  'cases.reopen_rate',
  'cases.sla_breach_share',
  'cases.backlog',
  'calls.answered_share',
  'calls.missed_share',
  'calls.avg_wait_seconds',
  'calls.callback_within_target_share',
  'cases.*',
  'calls.*',
  'kpi:*',
];

interface Row extends ArbiterRuleIn {
  /** A key for React only; rules have no identity the server keeps across saves. */
  key: number;
}

let nextKey = 1;
const rowsOf = (data: ArbiterRulesOut): Row[] =>
  data.rules.map((r) => ({
    key: nextKey++,
    metric: r.metric,
    when: r.when,
    textRu: r.textRu,
    textEn: r.textEn,
  }));

export function RulesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: getArbiterRules });
  // The rows being edited; null until the user changes something (then the server's copy is shown).
  const [draft, setDraft] = useState<Row[] | null>(null);
  const rows = draft ?? (rules.data ? rowsOf(rules.data) : []);
  const save = useMutation({
    mutationFn: (list: ArbiterRuleIn[]) => putArbiterRules(list),
    onSuccess: (data) => {
      client.setQueryData(RULES_KEY, data);
      setDraft(null);
      notifications.show({ color: 'green', message: t('arbiter.settings.rulesSaved') });
    },
  });
  const edit = (next: Row[]) => setDraft(next);
  const change = (key: number, patch: Partial<ArbiterRuleIn>) =>
    edit(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    edit(next);
  };
  const label = (metric: string) =>
    metric === '*'
      ? t('arbiter.settings.anyMetric')
      : metric.endsWith('*')
        ? t('arbiter.settings.family', { prefix: metric.slice(0, -1) })
        : t(metricLabelKey(metric), { defaultValue: metric });

  return (
    <Card withBorder padding="md" data-testid="arbiter-rules">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {t('arbiter.settings.rulesTitle')}
          </Title>
          {rules.data && (
            <Badge variant="light" style={{ textTransform: 'none' }} data-testid="rules-origin">
              {t(rules.data.builtIn ? 'arbiter.settings.builtIn' : 'arbiter.settings.own')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('arbiter.settings.rulesIntro')}
        </Text>
        <ErrorAlert error={rules.error ?? save.error} />
        {rows.map((r, i) => (
          <Card key={r.key} withBorder padding="sm" data-testid="rule-row">
            <Stack gap="xs">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Autocomplete
                  label={t('arbiter.settings.metric')}
                  description={label(r.metric)}
                  value={r.metric}
                  data={KNOWN_METRICS}
                  onChange={(metric) => change(r.key, { metric })}
                  disabled={!canEdit}
                  name={`metric-${i}`}
                  style={{ flex: '1 1 14rem' }}
                />
                <NativeSelect
                  label={t('arbiter.settings.when')}
                  value={r.when}
                  data={WHEN.map((w) => ({
                    value: w,
                    label: t(`arbiter.settings.whenValue.${w}`),
                  }))}
                  onChange={(e) =>
                    change(r.key, { when: e.currentTarget.value as ArbiterRuleIn['when'] })
                  }
                  disabled={!canEdit}
                  name={`when-${i}`}
                  style={{ flex: '1 1 12rem' }}
                />
                {canEdit && (
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      aria-label={t('arbiter.settings.up')}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t('arbiter.settings.down')}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="light"
                      color="red"
                      aria-label={t('arbiter.settings.remove')}
                      onClick={() => edit(rows.filter((x) => x.key !== r.key))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              <Textarea
                label={t('arbiter.settings.textRu')}
                value={r.textRu}
                autosize
                minRows={2}
                onChange={(e) => change(r.key, { textRu: e.currentTarget.value })}
                disabled={!canEdit}
                name={`textRu-${i}`}
              />
              <Textarea
                label={t('arbiter.settings.textEn')}
                value={r.textEn}
                autosize
                minRows={2}
                onChange={(e) => change(r.key, { textEn: e.currentTarget.value })}
                disabled={!canEdit}
                name={`textEn-${i}`}
              />
            </Stack>
          </Card>
        ))}
        <Text size="xs" c="dimmed">
          {t('arbiter.settings.placeholders')}
        </Text>
        {canEdit && (
          <Group gap="sm" wrap="wrap">
            <Button
              variant="default"
              onClick={() =>
                edit([
                  ...rows,
                  { key: nextKey++, metric: '', when: 'off_target', textRu: '', textEn: '' },
                ])
              }
            >
              {t('arbiter.settings.add')}
            </Button>
            <Button
              loading={save.isPending}
              disabled={draft === null}
              onClick={() => save.mutate(rows.map(({ key: _key, ...rule }) => rule))}
              data-testid="rules-save"
            >
              {t('arbiter.settings.save')}
            </Button>
            {rules.data && !rules.data.builtIn && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => {
                  if (window.confirm(t('arbiter.settings.resetConfirm'))) save.mutate([]);
                }}
              >
                {t('arbiter.settings.reset')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
