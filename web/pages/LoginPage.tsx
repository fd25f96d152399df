import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionOut } from '../api/orgs.ts';
import { loginStep, loginWithCode } from '../api/security.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { navigate } from '../router.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: SessionOut) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const signIn = useMutation({
    mutationFn: loginStep,
    onSuccess: (out) =>
      'twoFactorRequired' in out ? setChallenge(out.challenge) : onSignedIn(out),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  }

  if (challenge)
    return (
      <CodeStep
        challenge={challenge}
        onSignedIn={onSignedIn}
        onBack={() => {
          setChallenge(null);
          signIn.reset();
        }}
      />
    );

  return (
    <AuthFrame title={t('auth.title')} subtitle={t('auth.subtitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <ErrorAlert error={signIn.error} />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.submit')}
          </Button>
          <Anchor
            href="/forgot-password"
            size="sm"
            ta="center"
            data-testid="forgot-password"
            onClick={(e) => {
              e.preventDefault();
              navigate('/forgot-password');
            }}
          >
            {t('security.login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

/** The second step: a code from the authenticator app, or a recovery code. */
function CodeStep({
  challenge,
  onSignedIn,
  onBack,
}: {
  challenge: string;
  onSignedIn: (session: SessionOut) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useMutation({ mutationFn: loginWithCode, onSuccess: onSignedIn });

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = value.trim();
    verify.mutate(recovery ? { challenge, recoveryCode: v } : { challenge, code: v });
  }

  return (
    <AuthFrame title={t('security.login.codeTitle')} subtitle={t('auth.subtitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            {t(recovery ? 'security.login.recoveryIntro' : 'security.login.codeIntro')}
          </Text>
          <TextInput
            label={t(recovery ? 'security.login.recoveryCode' : 'security.code')}
            name={recovery ? 'recoveryCode' : 'code'}
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            maxLength={recovery ? 32 : 6}
            required
            autoFocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <ErrorAlert error={verify.error} />
          <Button type="submit" loading={verify.isPending} fullWidth mt="xs">
            {t('security.login.verify')}
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setRecovery(!recovery);
              setValue('');
              verify.reset();
            }}
          >
            {t(recovery ? 'security.login.useCode' : 'security.login.useRecovery')}
          </Button>
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onBack}>
            {t('security.login.back')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
