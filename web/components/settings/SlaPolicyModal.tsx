// Create or edit an SLA policy. Weekly hours are typed per day as "09:00-13:00, 14:00-18:00"
// (empty = closed); "around the clock" sends no hours at all. Holidays are dates, one per line.
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createSlaPolicy,
  PRIORITIES,
  updateSlaPolicy,
  type CasePriority,
  type SlaPolicy,
} from '../../api/cases.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const WORK_WEEK: Record<string, string> = {
  1: '09:00-18:00',
  2: '09:00-18:00',
  3: '09:00-18:00',
  4: '09:00-18:00',
  5: '09:00-18:00',
  6: '',
  7: '',
};

type Hours = Partial<Record<(typeof DAYS)[number], [string, string][]>>;

function hoursToText(hours: SlaPolicy['businessHours']): Record<string, string> {
  if (!hours) return { ...WORK_WEEK };
  return Object.fromEntries(
    DAYS.map((d) => [d, (hours[d] ?? []).map(([a, b]) => `${a}-${b}`).join(', ')]),
  );
}

/** "09:00-13:00, 14:00-18:00" → [["09:00","13:00"],["14:00","18:00"]]; the server validates the times. */
function textToHours(text: Record<string, string>): Hours {
  const out: Hours = {};
  for (const d of DAYS) {
    const intervals = (text[d] ?? '')
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => part.split(/\s*[-–—]\s*/) as [string, string]);
    if (intervals.length) out[d] = intervals;
  }
  return out;
}

export function SlaPolicyModal({
  policy,
  onClose,
  onSaved,
}: {
  policy: SlaPolicy | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const existing = policy === 'new' ? null : policy;
  const [name, setName] = useState(existing?.name ?? '');
  const [priority, setPriority] = useState<string>(existing?.priority ?? '');
  const [firstResponse, setFirstResponse] = useState<number | string>(
    existing?.firstResponseMinutes ?? 240,
  );
  const [resolution, setResolution] = useState<number | string>(
    existing?.resolutionMinutes ?? 2880,
  );
  const [timeZone, setTimeZone] = useState(existing?.timeZone ?? 'Europe/Moscow');
  const [allDay, setAllDay] = useState(existing ? existing.businessHours === null : false);
  const [hours, setHours] = useState(hoursToText(existing?.businessHours ?? null));
  const [holidays, setHolidays] = useState((existing?.holidays ?? []).join('\n'));
  const [isDefault, setIsDefault] = useState(existing?.isDefault ?? false);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        priority: (priority || null) as CasePriority | null,
        firstResponseMinutes: Number(firstResponse),
        resolutionMinutes: Number(resolution),
        timeZone: timeZone.trim(),
        businessHours: allDay ? null : textToHours(hours),
        holidays: holidays.split(/[\s,;]+/).filter(Boolean),
        isDefault,
      };
      return existing ? updateSlaPolicy(existing.id, body) : createSlaPolicy(body);
    },
    onSuccess: onSaved,
  });
  const fieldError = (field: string) =>
    isInvalidField(save.error, field) ? t('common.checkField') : undefined;

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(existing ? 'sla.editTitle' : 'sla.createTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            name="name"
            label={t('sla.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              name="priority"
              label={t('sla.priority')}
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value)}
              data={[
                { value: '', label: t('sla.anyPriority') },
                ...PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) })),
              ]}
            />
            <TextInput
              name="timeZone"
              label={t('sla.timeZone')}
              value={timeZone}
              onChange={(e) => setTimeZone(e.currentTarget.value)}
              error={fieldError('timeZone')}
            />
            <NumberInput
              name="firstResponseMinutes"
              label={t('sla.firstResponse')}
              min={1}
              value={firstResponse}
              onChange={setFirstResponse}
              error={fieldError('firstResponseMinutes')}
            />
            <NumberInput
              name="resolutionMinutes"
              label={t('sla.resolution')}
              min={1}
              value={resolution}
              onChange={setResolution}
              error={fieldError('resolutionMinutes')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('sla.allDay')}
            checked={allDay}
            onChange={(e) => setAllDay(e.currentTarget.checked)}
          />
          {!allDay && (
            <div>
              <Text size="sm" fw={500}>
                {t('sla.hours')}
              </Text>
              <Text size="xs" c="dimmed" mb={4}>
                {t('sla.hoursHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                {DAYS.map((d) => (
                  <TextInput
                    key={d}
                    size="xs"
                    label={t(`sla.days.${d}`)}
                    placeholder={t('sla.closed')}
                    value={hours[d] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setHours((h) => ({ ...h, [d]: value }));
                    }}
                    error={fieldError(`businessHours.${d}`)}
                  />
                ))}
              </SimpleGrid>
            </div>
          )}
          <Textarea
            name="holidays"
            label={t('sla.holidays')}
            description={t('sla.holidaysHint')}
            autosize
            minRows={2}
            value={holidays}
            onChange={(e) => setHolidays(e.currentTarget.value)}
            error={fieldError('holidays')}
          />
          <Checkbox
            label={t('sla.isDefault')}
            checked={isDefault}
            onChange={(e) => setIsDefault(e.currentTarget.checked)}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
