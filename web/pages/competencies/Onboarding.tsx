// Onboarding (issue 18): the organisation's template (one item a line, "Russian | English") and
// the checklists of new employees, ticked off with who and when.
import { Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createChecklist,
  getTemplate,
  listChecklists,
  putTemplate,
  tickItem,
} from '../../api/competencies.ts';
import { listEmployees } from '../../api/employees.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';

const KEY = ['competencies', 'onboarding'] as const;

export function Onboarding() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });
  const template = useQuery({ queryKey: [...KEY, 'template'], queryFn: getTemplate });
  const lists = useQuery({ queryKey: [...KEY, 'lists'], queryFn: listChecklists });
  const people = useQuery({
    queryKey: ['employees', 'all'],
    queryFn: () => listEmployees({ limit: 200 }),
  });
  const [text, setText] = useState('');
  useEffect(() => {
    setText((template.data?.items ?? []).map((i) => `${i.titleRu} | ${i.titleEn}`).join('\n'));
  }, [template.data]);
  const saveTemplate = useMutation({
    mutationFn: () =>
      putTemplate(
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [ru, enTitle] = l.split('|').map((x) => x.trim());
            return { titleRu: ru!, titleEn: enTitle || ru! };
          }),
      ),
    onSuccess: refresh,
  });
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: () => createChecklist(employeeId!), onSuccess: refresh });
  const tick = useMutation({
    mutationFn: (p: { list: string; item: string; done: boolean }) =>
      tickItem(p.list, p.item, p.done),
    onSuccess: refresh,
  });
  return (
    <Stack gap="lg">
      <ErrorAlert error={lists.error ?? saveTemplate.error ?? start.error ?? tick.error} />
      {(lists.data?.items ?? []).map((l) => (
        <Card key={l.id} withBorder padding="sm" data-testid="checklist">
          <Text fw={600}>
            {l.employee.name}{' '}
            <Text span size="sm" c="dimmed">
              {l.employee.hireDate ?? ''} · {l.done} / {l.total}
            </Text>
          </Text>
          <Stack gap={4} mt={6}>
            {l.items.map((i) => (
              <Checkbox
                key={i.id}
                checked={!!i.doneAt}
                disabled={!canWrite}
                onChange={(e) =>
                  tick.mutate({ list: l.id, item: i.id, done: e.currentTarget.checked })
                }
                label={
                  <>
                    {en ? i.titleEn : i.titleRu}
                    {i.doneAt && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        — {formatDateTime(i.doneAt, i18n.language)}
                        {i.doneBy ? `, ${i.doneBy.name}` : ''}
                      </Text>
                    )}
                  </>
                }
              />
            ))}
          </Stack>
        </Card>
      ))}
      {lists.data?.items.length === 0 && (
        <Text c="dimmed">{t('competencies.onboarding.empty')}</Text>
      )}
      {canWrite && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('competencies.onboarding.startFor')}
            data={(people.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={employeeId}
            onChange={setEmployeeId}
            searchable
            w={280}
            maw="100%"
          />
          <Button onClick={() => start.mutate()} disabled={!employeeId} loading={start.isPending}>
            {t('competencies.onboarding.start')}
          </Button>
        </Group>
      )}
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('competencies.onboarding.template')}
        </Title>
        <Textarea
          autosize
          minRows={3}
          value={text}
          disabled={!canWrite}
          description={t('competencies.onboarding.templateHint')}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {canWrite && (
          <Button mt="xs" onClick={() => saveTemplate.mutate()} loading={saveTemplate.isPending}>
            {t('competencies.onboarding.save')}
          </Button>
        )}
      </div>
    </Stack>
  );
}
