// First run without bootstrap variables: create the organisation and its first admin.
import { Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setUp, type SessionOut } from '../api/orgs.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { isInvalidField } from '../format.ts';
import { currentLanguage, LANGUAGES, type Language } from '../i18n.ts';

const MIN_PASSWORD = 8;

export function SetupPage({
  onSignedIn,
  tokenRequired,
}: {
  onSignedIn: (session: SessionOut) => void;
  /** The instance listens beyond loopback: the one-time token from the server log is asked. */
  tokenRequired: boolean;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    orgName: '',
    name: '',
    email: '',
    password: '',
    language: currentLanguage() as Language,
    setupToken: '',
  });
  const create = useMutation({ mutationFn: setUp, onSuccess: onSignedIn });
  const field = (key: Exclude<keyof typeof form, 'language'>) => ({
    name: key,
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [key]: e.currentTarget.value }),
    error: isInvalidField(create.error, key) ? t('common.checkField') : undefined,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { setupToken, ...rest } = form;
    create.mutate(tokenRequired ? { ...rest, setupToken: setupToken.trim() } : rest);
  }

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.intro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('setup.orgName')} required maxLength={200} {...field('orgName')} />
          <TextInput
            label={t('setup.name')}
            required
            maxLength={200}
            autoComplete="name"
            {...field('name')}
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            required
            autoComplete="username"
            {...field('email')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
            {...field('password')}
          />
          {tokenRequired && (
            <TextInput
              label={t('setup.token')}
              description={t('setup.tokenHint')}
              required
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              {...field('setupToken')}
            />
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="setup-language">
              {t('setup.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="setup-language"
              value={form.language}
              onChange={(value) => setForm({ ...form, language: value as Language })}
              data={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`) }))}
            />
          </div>
          <ErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
