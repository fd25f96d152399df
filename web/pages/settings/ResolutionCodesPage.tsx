// Resolution codes (issue 21): the reasons cases are closed with, per organisation. An admin
// renames a code in both languages, moves it up or down, retires it (no longer offered, still on
// the cases resolved with it) or brings it back, and adds new ones. One card per code, so the
// page reads the same at 390 px as on a desktop.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createResolutionCode,
  reorderResolutionCodes,
  updateResolutionCode,
  type ResolutionCodeOut,
} from '../../api/cases.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RESOLUTION_CODES_KEY, useResolutionCodes } from '../../components/useResolutionCodes.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';

function CodeCard({
  code,
  index,
  count,
  manage,
  onSave,
  onMove,
  pending,
}: {
  code: ResolutionCodeOut;
  index: number;
  count: number;
  manage: boolean;
  onSave: (patch: { nameRu?: string; nameEn?: string; retired?: boolean }) => void;
  onMove: (by: -1 | 1) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [nameRu, setNameRu] = useState(code.nameRu);
  const [nameEn, setNameEn] = useState(code.nameEn);
  const changed = nameRu.trim() !== code.nameRu || nameEn.trim() !== code.nameEn;
  return (
    <Card withBorder padding="sm" data-testid="resolution-code" opacity={code.retired ? 0.7 : 1}>
      <Group gap="xs" mb="xs">
        <Text fw={600} size="sm">
          {index + 1}.
        </Text>
        {code.retired && (
          <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
            {t('closing.settings.retired')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput
          label={t('closing.settings.nameRu')}
          value={nameRu}
          readOnly={!manage}
          onChange={(e) => setNameRu(e.currentTarget.value)}
        />
        <TextInput
          label={t('closing.settings.nameEn')}
          value={nameEn}
          readOnly={!manage}
          onChange={(e) => setNameEn(e.currentTarget.value)}
        />
      </SimpleGrid>
      {manage && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            disabled={!changed || !nameRu.trim() || !nameEn.trim()}
            loading={pending}
            onClick={() => onSave({ nameRu: nameRu.trim(), nameEn: nameEn.trim() })}
          >
            {t('closing.settings.save')}
          </Button>
          <Button size="xs" variant="default" disabled={index === 0} onClick={() => onMove(-1)}>
            {t('closing.settings.up')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('closing.settings.down')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color={code.retired ? 'blue' : 'red'}
            onClick={() => onSave({ retired: !code.retired })}
          >
            {t(code.retired ? 'closing.settings.restore' : 'closing.settings.retire')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function ResolutionCodesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const manage = can(user.role, 'org.manage');
  const queryClient = useQueryClient();
  const codes = useResolutionCodes();
  const [nameRu, setNameRu] = useState('');
  const [nameEn, setNameEn] = useState('');
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: RESOLUTION_CODES_KEY });
    notifications.show({ color: 'green', message: t('closing.settings.saved') });
  };
  const save = useMutation({
    mutationFn: (v: { id: string; patch: Parameters<typeof updateResolutionCode>[1] }) =>
      updateResolutionCode(v.id, v.patch),
    onSuccess: done,
  });
  const move = useMutation({ mutationFn: reorderResolutionCodes, onSuccess: done });
  const add = useMutation({
    mutationFn: createResolutionCode,
    onSuccess: () => {
      setNameRu('');
      setNameEn('');
      done();
    },
  });
  const order = codes.all.map((c) => c.id);
  const moved = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    return next;
  };

  return (
    <>
      <PageHeader title={t('closing.settings.title')} intro={t('closing.settings.intro')} />
      <ErrorAlert error={codes.error ?? save.error ?? move.error ?? add.error} />
      <Stack gap="sm" maw={760}>
        {codes.all.map((code, index) => (
          <CodeCard
            // A rename elsewhere (or a reorder) starts the card's fields afresh.
            key={`${code.id}:${code.nameRu}:${code.nameEn}`}
            code={code}
            index={index}
            count={codes.all.length}
            manage={manage}
            pending={save.isPending && save.variables?.id === code.id}
            onSave={(patch) => save.mutate({ id: code.id, patch })}
            onMove={(by) => move.mutate(moved(index, by))}
          />
        ))}
        {manage && (
          <Card
            withBorder
            padding="sm"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ nameRu: nameRu.trim(), nameEn: nameEn.trim() });
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                name="nameRu"
                label={t('closing.settings.nameRu')}
                value={nameRu}
                onChange={(e) => setNameRu(e.currentTarget.value)}
              />
              <TextInput
                name="nameEn"
                label={t('closing.settings.nameEn')}
                value={nameEn}
                onChange={(e) => setNameEn(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Group mt="sm">
              <Button
                type="submit"
                loading={add.isPending}
                disabled={!nameRu.trim() || !nameEn.trim()}
              >
                {t('closing.settings.add')}
              </Button>
            </Group>
          </Card>
        )}
      </Stack>
    </>
  );
}
