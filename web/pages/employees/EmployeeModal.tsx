// Adding or editing an employee: name, position, stage key (suggested from the keys in use),
// manager, hire date, contacts, personnel number, status and the login; deleting one.
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  createEmployee,
  deleteEmployee,
  EMPLOYEE_STATUSES,
  listEmployees,
  listStageKeys,
  updateEmployee,
  type EmployeeOut,
  type EmployeeStatus,
} from '../../api/employees.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUsers } from '../../components/useUsers.ts';

const FIELD_REASONS: [RegExp, string][] = [
  [/^taken/, 'taken'],
  [/^linked/, 'linked'],
  [/cycle/, 'cycle'],
  [/^unknown/, 'unknown'],
];

export function EmployeeModal({
  employee,
  opened,
  onClose,
}: {
  /** null: a new employee. */
  employee: EmployeeOut | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [form, setForm] = useState(() => ({
    name: employee?.name ?? '',
    position: employee?.position ?? '',
    stageKey: employee?.stageKey ?? '',
    managerId: employee?.managerId ?? '',
    hireDate: employee?.hireDate ?? '',
    email: employee?.email ?? '',
    phone: employee?.phone ?? '',
    externalId: employee?.externalId ?? '',
    status: (employee?.status ?? 'active') as EmployeeStatus,
    userId: employee?.user?.id ?? '',
  }));
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));
  const stageKeys = useQuery({ queryKey: ['employees', 'stage-keys'], queryFn: listStageKeys });
  const managers = useQuery({
    queryKey: ['employees', 'managers'],
    queryFn: () => listEmployees({ limit: 200 }),
    enabled: opened,
  });
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['employees'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const text = (v: string) => v.trim() || null;
      const body = {
        name: form.name.trim(),
        position: text(form.position),
        stageKey: text(form.stageKey),
        managerId: form.managerId || null,
        hireDate: form.hireDate || null,
        email: text(form.email),
        phone: text(form.phone),
        externalId: text(form.externalId),
        status: form.status,
        userId: form.userId || null,
      };
      if (employee) return updateEmployee(employee.id, body);
      const fresh = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
      return createEmployee(fresh as Parameters<typeof createEmployee>[0]);
    },
    onSuccess: done,
  });
  const link = useMutation({
    mutationFn: (userId: string) => updateEmployee(employee!.id, { userId }),
    onSuccess: (updated) => {
      setForm((f) => ({ ...f, userId: updated.user?.id ?? '' }));
      void queryClient.invalidateQueries({ queryKey: ['employees'] });
    },
  });
  const remove = useMutation({ mutationFn: () => deleteEmployee(employee!.id), onSuccess: done });
  const fieldError = (field: string) => {
    const error = save.error;
    if (!(error instanceof ApiError)) return undefined;
    const param = error.invalidParams.find((p) => p.name === `body.${field}`);
    if (!param) return undefined;
    const known = FIELD_REASONS.find(([re]) => re.test(param.reason))?.[1];
    return t(known ? `employees.fieldErrors.${known}` : 'common.checkField');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const managerChoices = (managers.data?.items ?? [])
    .filter((m) => m.id !== employee?.id)
    .map((m) => ({ value: m.id, label: m.position ? `${m.name} — ${m.position}` : m.name }));
  if (employee?.manager && !managerChoices.some((m) => m.value === employee.manager!.id))
    managerChoices.push({ value: employee.manager.id, label: employee.manager.name });
  const suggestion = employee && !employee.user ? employee.suggestedUser : null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={employee ? t('employees.editTitle', { name: employee.name }) : t('employees.addTitle')}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {suggestion && !form.userId && (
            <Alert variant="light" data-testid="user-suggestion">
              <Group justify="space-between" gap="xs">
                <span>{t('employees.suggestUser', { name: suggestion.name })}</span>
                <Button
                  size="xs"
                  loading={link.isPending}
                  onClick={() => link.mutate(suggestion.id)}
                >
                  {t('employees.linkUser')}
                </Button>
              </Group>
            </Alert>
          )}
          <TextInput
            name="name"
            label={t('employees.name')}
            required
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              name="position"
              label={t('employees.position')}
              value={form.position}
              onChange={(e) => set('position')(e.currentTarget.value)}
            />
            <TextInput
              name="stageKey"
              label={t('employees.stage')}
              description={t('employees.stageHint')}
              list="employee-stage-keys"
              value={form.stageKey}
              onChange={(e) => set('stageKey')(e.currentTarget.value)}
              error={fieldError('stageKey')}
            />
            <Select
              name="managerId"
              label={t('employees.manager')}
              placeholder={t('employees.noManager')}
              searchable
              clearable
              data={managerChoices}
              value={form.managerId || null}
              onChange={(v) => set('managerId')(v ?? '')}
              error={fieldError('managerId')}
            />
            <TextInput
              name="hireDate"
              type="date"
              label={t('employees.hireDate')}
              value={form.hireDate}
              onChange={(e) => set('hireDate')(e.currentTarget.value)}
              error={fieldError('hireDate')}
            />
            <TextInput
              name="email"
              type="email"
              label={t('employees.email')}
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={fieldError('email')}
            />
            <TextInput
              name="phone"
              type="tel"
              label={t('employees.phone')}
              value={form.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={fieldError('phone')}
            />
            <TextInput
              name="externalId"
              label={t('employees.externalId')}
              value={form.externalId}
              onChange={(e) => set('externalId')(e.currentTarget.value)}
              error={fieldError('externalId')}
            />
            <NativeSelect
              name="status"
              label={t('employees.status')}
              value={form.status}
              onChange={(e) => set('status')(e.currentTarget.value)}
              data={EMPLOYEE_STATUSES.map((s) => ({
                value: s,
                label: t(`employees.statuses.${s}`),
              }))}
            />
          </SimpleGrid>
          {users.length > 0 && (
            <NativeSelect
              name="userId"
              label={t('employees.user')}
              value={form.userId}
              onChange={(e) => set('userId')(e.currentTarget.value)}
              error={fieldError('userId')}
              data={[
                { value: '', label: t('employees.noUser') },
                ...users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
              ]}
            />
          )}
          <datalist id="employee-stage-keys">
            {(stageKeys.data ?? []).map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
          <ErrorAlert error={save.error ?? link.error ?? remove.error} />
          <Group justify="space-between">
            {employee ? (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('employees.deleteConfirm', { name: employee.name })))
                    remove.mutate();
                }}
              >
                {t('employees.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
