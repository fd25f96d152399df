// Before sign-in: ask for a reset link (/forgot-password) and set a new password with the link
// from the e-mail (/reset-password#token=…; the token stays in the fragment, so it never reaches
// a server log or a Referer header).
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmPasswordReset, requestPasswordReset } from '../api/security.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { navigate } from '../router.tsx';

function ToLogin() {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => navigate('/', { replace: true })}>
      {t('security.reset.toLogin')}
    </Button>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: requestPasswordReset });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate(email.trim());
  }
  return (
    <AuthFrame title={t('security.reset.forgotTitle')} subtitle={t('security.reset.forgotIntro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {send.isSuccess ? (
            <Alert color="green" data-testid="reset-sent">
              {t('security.reset.sent')}
            </Alert>
          ) : (
            <>
              <TextInput
                label={t('auth.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <ErrorAlert error={send.error} />
              <Button type="submit" loading={send.isPending} fullWidth>
                {t('security.reset.send')}
              </Button>
            </>
          )}
          <ToLogin />
        </Stack>
      </form>
    </AuthFrame>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  const [password, setPassword] = useState('');
  const save = useMutation({ mutationFn: confirmPasswordReset });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ token: token ?? '', password });
  }
  return (
    <AuthFrame title={t('security.reset.title')} subtitle={t('security.reset.intro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {save.isSuccess ? (
            <Alert color="green" data-testid="reset-done">
              {t('security.reset.done')}
            </Alert>
          ) : (
            <>
              {!token && <Text c="red">{t('errors.reset_token_invalid')}</Text>}
              <PasswordInput
                label={t('security.reset.newPassword')}
                name="newPassword"
                autoComplete="new-password"
                minLength={8}
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <ErrorAlert error={save.error} />
              <Button type="submit" loading={save.isPending} disabled={!token} fullWidth>
                {t('security.reset.save')}
              </Button>
            </>
          )}
          <ToLogin />
        </Stack>
      </form>
    </AuthFrame>
  );
}
