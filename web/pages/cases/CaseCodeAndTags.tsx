// A case's resolution code in words and its tags (issue 21), with a field to add a tag.
import { Badge, Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCase, type CaseOut } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Field } from '../../components/Field.tsx';
import { useResolutionCodes } from '../../components/useResolutionCodes.ts';

export function CaseTags({ tags, size = 'sm' }: { tags: string[]; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={4} data-testid="case-tags">
      {tags.map((tag) => (
        <Badge
          key={tag}
          size={size}
          variant="light"
          color="grape"
          style={{ textTransform: 'none' }}
        >
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

export function CaseCodeAndTags({ c, writable }: { c: CaseOut; writable: boolean }) {
  const { t } = useTranslation();
  const codes = useResolutionCodes();
  const queryClient = useQueryClient();
  const [tag, setTag] = useState('');
  const add = useMutation({
    mutationFn: (value: string) => updateCase(c.id, { addTags: [value] }),
    onSuccess: (saved) => {
      setTag('');
      queryClient.setQueryData(['case', c.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['case', c.id, 'events'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
      <Field label={t('closing.codeLabel')}>
        <span data-testid="case-resolution-code">{codes.nameOf(c.resolutionCode) ?? '—'}</span>
      </Field>
      <Field label={t('closing.tags.label')}>
        {c.tags.length > 0 ? <CaseTags tags={c.tags} /> : !writable && '—'}
        {writable && (
          <Group
            gap="xs"
            mt={4}
            component="form"
            wrap="nowrap"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim()) add.mutate(tag.trim());
            }}
          >
            <TextInput
              size="xs"
              name="tag"
              aria-label={t('closing.tags.add')}
              placeholder={t('closing.tags.add')}
              value={tag}
              maxLength={40}
              onChange={(e) => setTag(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="light"
              type="submit"
              disabled={!tag.trim()}
              loading={add.isPending}
            >
              +
            </Button>
          </Group>
        )}
        <ErrorAlert error={add.error} />
      </Field>
    </SimpleGrid>
  );
}
