// Message templates by kind × language. Admins edit the subject and body (the variables each
// kind offers are listed and can be inserted) or reset a template to the built-in text. On a
// phone the rows become cards, so "Edit" is never scrolled out of sight.
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listTemplates,
  resetTemplate,
  saveTemplate,
  type MessageTemplate,
} from '../../api/messaging.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';

const TEMPLATES_KEY = ['templates'] as const;

function EditTemplateModal({
  template,
  onClose,
}: {
  template: MessageTemplate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const done = (messageKey: string) => {
    void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY });
    notifications.show({ color: 'green', message: t(messageKey) });
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      saveTemplate(template!.kind, template!.language, {
        subject: subject.trim(),
        body: body.trim(),
      }),
    onSuccess: () => done('templates.saved'),
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(template!.kind, template!.language),
    onSuccess: () => done('templates.resetDone'),
  });
  if (!template) return null;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('templates.editTitle', {
        kind: t(`templates.kinds.${template.kind}`),
        language: template.language.toUpperCase(),
      })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500}>
              {t('templates.variables')}
            </Text>
            <Group gap={4} mt={4}>
              {template.variables.map((v) => (
                <Button
                  key={v}
                  size="compact-xs"
                  variant="light"
                  title={t('templates.insert')}
                  onClick={() => setBody((b) => `${b}{{${v}}}`)}
                >
                  {`{{${v}}}`}
                </Button>
              ))}
            </Group>
            {template.variables.includes('unsubscribeUrl') && (
              <Text size="xs" c="dimmed" mt={4} data-testid="unsubscribe-hint">
                {t('templates.unsubscribeHint', { placeholder: '{{unsubscribeUrl}}' })}
              </Text>
            )}
          </div>
          <TextInput
            name="subject"
            label={t('templates.subject')}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <Textarea
            name="body"
            label={t('templates.body')}
            required
            autosize
            minRows={8}
            maxRows={20}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <ErrorAlert error={save.error ?? reset.error} />
          <Group justify="space-between">
            {template.custom ? (
              <Button
                variant="subtle"
                color="red"
                loading={reset.isPending}
                onClick={() => reset.mutate()}
              >
                {t('templates.reset')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={save.isPending}
                disabled={!subject.trim() || !body.trim()}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const manage = can(user.role, 'org.manage');
  const phone = useMediaQuery('(max-width: 48em)');
  const templates = useQuery({ queryKey: TEMPLATES_KEY, queryFn: listTemplates });
  const [editing, setEditing] = useState<MessageTemplate | null>(null);

  // The parts of one template's line, laid out as a table row or, on a phone, as a card.
  const parts = (tpl: MessageTemplate) => ({
    kind: t(`templates.kinds.${tpl.kind}`),
    language: <Code>{tpl.language}</Code>,
    source: (
      <Badge
        variant="light"
        color={tpl.custom ? 'violet' : 'gray'}
        style={{ textTransform: 'none', flexShrink: 0, overflow: 'visible' }}
      >
        {t(tpl.custom ? 'templates.custom' : 'templates.builtIn')}
      </Badge>
    ),
    edit: manage && (
      <Button size="compact-xs" variant="light" onClick={() => setEditing(tpl)}>
        {t('templates.edit')}
      </Button>
    ),
  });
  const keyOf = (tpl: MessageTemplate) => `${tpl.kind}-${tpl.language}`;

  // On a phone the table would scroll sideways and hide "Edit": one card per template.
  const card = (tpl: MessageTemplate) => {
    const p = parts(tpl);
    return (
      <Card key={keyOf(tpl)} withBorder padding="xs" radius="sm" data-testid="template-row">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} style={{ minWidth: 0 }}>
            {p.kind} {p.language}
          </Text>
          {p.source}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('templates.subject')}: {tpl.subject}
        </Text>
        {p.edit && <Group mt={6}>{p.edit}</Group>}
      </Card>
    );
  };
  const row = (tpl: MessageTemplate) => {
    const p = parts(tpl);
    return (
      <Table.Tr key={keyOf(tpl)} data-testid="template-row">
        <Table.Td>{p.kind}</Table.Td>
        <Table.Td>{p.language}</Table.Td>
        <Table.Td>
          <Text size="sm" lineClamp={1}>
            {tpl.subject}
          </Text>
        </Table.Td>
        <Table.Td>{p.source}</Table.Td>
        {manage && <Table.Td>{p.edit}</Table.Td>}
      </Table.Tr>
    );
  };

  return (
    <>
      <PageHeader title={t('templates.title')} intro={t('templates.intro')} />
      <ErrorAlert error={templates.error} />
      {templates.data && phone && <Stack gap="xs">{templates.data.items.map(card)}</Stack>}
      {templates.data && !phone && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.kind')}</Table.Th>
                <Table.Th>{t('templates.language')}</Table.Th>
                <Table.Th>{t('templates.subject')}</Table.Th>
                <Table.Th>{t('templates.source')}</Table.Th>
                {manage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{templates.data.items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {/* Keyed by template so the form starts from that template's text each time. */}
      {editing && (
        <EditTemplateModal
          key={keyOf(editing)}
          template={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
