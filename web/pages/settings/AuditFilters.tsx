// The audit log's filters (issue 19): an action (those the log holds, in words), who acted (a
// person), and a range of UTC days; plus the export of what the filters show (CSV/XLSX).
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listAuditActions, type AuditFilters } from '../../api/orgs.ts';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { useUsers } from '../../components/useUsers.ts';

export function AuditFiltersBar({
  value,
  onChange,
}: {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: listAuditActions });
  const set = (patch: AuditFilters) => onChange({ ...value, ...patch });
  const any = { value: '', label: t('access.auditFilters.any') };
  const words = (a: string) =>
    t(`audit.actions.${a.replace(/\./g, '_')}`, { defaultValue: t('audit.unknownAction') });
  const filtered = Object.values(value).some(Boolean);

  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap" data-testid="audit-filters">
      <NativeSelect
        size="xs"
        miw={200}
        label={t('access.auditFilters.action')}
        name="action"
        value={value.action ?? ''}
        onChange={(e) => set({ action: e.currentTarget.value || undefined })}
        data={[any, ...(actions.data ?? []).map((a) => ({ value: a, label: words(a) }))]}
      />
      <NativeSelect
        size="xs"
        miw={160}
        label={t('access.auditFilters.actor')}
        name="actor"
        value={value.actor ?? ''}
        onChange={(e) => set({ actor: e.currentTarget.value || undefined })}
        data={[any, ...users.map((u) => ({ value: u.id, label: u.name }))]}
      />
      <TextInput
        size="xs"
        type="date"
        label={t('access.auditFilters.from')}
        name="from"
        value={value.from ?? ''}
        onChange={(e) => set({ from: e.currentTarget.value || undefined })}
      />
      <TextInput
        size="xs"
        type="date"
        label={t('access.auditFilters.to')}
        name="to"
        value={value.to ?? ''}
        onChange={(e) => set({ to: e.currentTarget.value || undefined })}
      />
      {filtered && (
        <Button size="xs" variant="subtle" onClick={() => onChange({})}>
          {t('access.auditFilters.clear')}
        </Button>
      )}
      <ListExportButtons list="audit" params={{ ...value }} />
    </Group>
  );
}
