// Message templates by kind × language. Admins edit the subject and body (the variables each
// kind offers are listed and can be inserted) or reset a template to the built-in text.
import {
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
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
  const templates = useQuery({ queryKey: TEMPLATES_KEY, queryFn: listTemplates });
  const [editing, setEditing] = useState<MessageTemplate | null>(null);

  return (
    <>
      <PageHeader title={t('templates.title')} intro={t('templates.intro')} />
      <ErrorAlert error={templates.error} />
      {templates.data && (
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
            <Table.Tbody>
              {templates.data.items.map((tpl) => (
                <Table.Tr key={`${tpl.kind}-${tpl.language}`} data-testid="template-row">
                  <Table.Td>{t(`templates.kinds.${tpl.kind}`)}</Table.Td>
                  <Table.Td>
                    <Code>{tpl.language}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {tpl.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={tpl.custom ? 'violet' : 'gray'}
                      style={{ textTransform: 'none' }}
                    >
                      {t(tpl.custom ? 'templates.custom' : 'templates.builtIn')}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(tpl)}>
                        {t('templates.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {/* Keyed by template so the form starts from that template's text each time. */}
      {editing && (
        <EditTemplateModal
          key={`${editing.kind}-${editing.language}`}
          template={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
