// Adding or editing a goal (admins): perspective, title, description, owner (a person or an
// employee), due date; the goals it leads to (arrows); the initiatives and training items under it.
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEmployees } from '../../api/employees.ts';
import * as api from '../../api/strategy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { GoalItems } from './GoalItems.tsx';

export interface GoalModalProps {
  map: api.StrategyMapOut;
  goal: api.MapGoalOut | null;
  onClose: () => void;
  onSaved: () => Promise<void>;
}

export function GoalModal({ map, goal, onClose, onSaved }: GoalModalProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const employees = useQuery({
    queryKey: ['employees', 'strategy-owners'],
    queryFn: () => listEmployees({ status: 'active', limit: 200 }),
  });
  const [perspective, setPerspective] = useState<string>(goal?.perspective ?? 'financial');
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [owner, setOwner] = useState<string | null>(
    goal?.owner ? `${goal.owner.kind}:${goal.owner.id}` : null,
  );
  const [dueDate, setDueDate] = useState(goal?.dueDate ?? '');
  const current = map.arrows.filter((a) => a.causeGoalId === goal?.id).map((a) => a.effectGoalId);
  const [effects, setEffects] = useState<string[]>(current);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const owners = [
    ...users.map((u) => ({ value: `user:${u.id}`, label: u.name })),
    ...(employees.data?.items ?? []).map((e) => ({ value: `employee:${e.id}`, label: e.name })),
  ];
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const [kind, ownerId] = owner ? owner.split(':') : [null, null];
      const body = {
        perspective: perspective as api.GoalOut['perspective'],
        title,
        description: description.trim() || null,
        ownerId: kind === 'user' ? ownerId : null,
        employeeId: kind === 'employee' ? ownerId : null,
        dueDate: dueDate || null,
      };
      const saved = goal ? await api.updateGoal(goal.id, body) : await api.createGoal(body);
      for (const e of effects.filter((x) => !current.includes(x))) await api.addArrow(saved.id, e);
      for (const e of current.filter((x) => !effects.includes(x)))
        await api.removeArrow(saved.id, e);
      await onSaved();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!goal || !window.confirm(t('strategy.goal.confirmDelete'))) return;
    await api.deleteGoal(goal.id).then(onSaved, setError);
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(goal ? 'strategy.goal.edit' : 'strategy.goal.add')}
      size="lg"
    >
      <Stack gap="sm">
        <Select
          label={t('strategy.goal.perspective')}
          data={api.STRATEGY_PERSPECTIVES.map((p) => ({
            value: p,
            label: t(`strategy.perspectives.${p}`),
          }))}
          value={perspective}
          onChange={(v) => v && setPerspective(v)}
          allowDeselect={false}
          data-testid="goal-perspective"
        />
        <TextInput
          label={t('strategy.goal.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-testid="goal-title"
        />
        <Textarea
          label={t('strategy.goal.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <Select
            label={t('strategy.goal.owner')}
            data={owners}
            value={owner}
            onChange={setOwner}
            clearable
            searchable
          />
          <TextInput
            label={t('strategy.goal.dueDate')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
        </Group>
        <MultiSelect
          label={t('strategy.goal.leadsTo')}
          description={t('strategy.goal.leadsToHint')}
          data={map.goals
            .filter((g) => g.id !== goal?.id)
            .map((g) => ({ value: g.id, label: g.title }))}
          value={effects}
          onChange={setEffects}
          searchable
          data-testid="goal-effects"
        />
        {goal && <GoalItems goal={goal} onChanged={onSaved} />}
        <ErrorAlert error={error} />
        <Group justify="space-between">
          {goal ? (
            <Button variant="subtle" color="red" onClick={remove}>
              {t('strategy.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={save} loading={busy} disabled={!title.trim()} data-testid="goal-save">
            {t('strategy.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
