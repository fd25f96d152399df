// Boot: ask /api/config whether the instance needs set-up, then whether someone is signed in,
// and show the set-up page, the login page or the app accordingly.
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client.ts';
import { getPublicConfig, getSession, logout, type SessionOut } from './api/orgs.ts';
import { mayHaveSession, rememberSession } from './api/session-hint.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { adoptUserLanguage } from './i18n.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordResetPages.tsx';
import { EnrolmentGate } from './pages/settings/EnrolmentGate.tsx';
import { navigate, usePath } from './router.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { PageForPath } from './routes.tsx';
import { SESSION_KEY, SessionContext } from './session.tsx';

/** The session, or null when nobody is signed in (401 is an answer here, not an error). */
async function loadSession(): Promise<SessionOut | null> {
  if (!mayHaveSession()) return null;
  try {
    const session = await getSession();
    await adoptUserLanguage(session.user.language);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberSession(false);
      return null;
    }
    throw error;
  }
}

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const path = usePath();
  const config = useQuery({ queryKey: ['config'], queryFn: getPublicConfig, staleTime: Infinity });
  const needsSession = config.data !== undefined && !config.data.setupRequired;
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: loadSession,
    enabled: needsSession,
    staleTime: Infinity,
  });

  async function signedIn(next: SessionOut) {
    await adoptUserLanguage(next.user.language);
    queryClient.setQueryData(['config'], { ...config.data, setupRequired: false });
    queryClient.setQueryData(SESSION_KEY, next);
    if (path === '/forgot-password' || path === '/reset-password') navigate('/', { replace: true });
  }

  async function signOut() {
    await logout().catch(() => undefined); // the cookie may already be gone; sign out locally anyway
    queryClient.setQueryData(SESSION_KEY, null);
    // Drop every cached page of the old session so the next person starts clean. The session
    // entry itself stays: the boot query observes it, and removing it would orphan that observer.
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== 'config' && q.queryKey[0] !== SESSION_KEY[0],
    });
  }

  if (config.isError || session.isError) {
    return (
      <Center h="100vh" p="md">
        <Stack align="center">
          <Text>{t('app.bootFailed')}</Text>
          <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (config.data?.setupRequired) return <SetupPage onSignedIn={signedIn} />;
  // The e-mailed reset link works whether or not someone is signed in on this browser.
  if (path === '/reset-password') return <ResetPasswordPage />;
  if (session.data === null)
    return path === '/forgot-password' ? (
      <ForgotPasswordPage />
    ) : (
      <LoginPage onSignedIn={signedIn} />
    );
  if (!session.data) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  // The organisation requires a second factor this person lacks: set it up before anything else.
  const mustEnrol = session.data.org.requireTwoFactor || session.data.user.mustSetUpTwoFactor;
  if (mustEnrol && !session.data.user.twoFactor)
    return (
      <SessionContext.Provider value={session.data}>
        <EnrolmentGate onSignOut={() => void signOut()} />
      </SessionContext.Provider>
    );
  return (
    <SessionContext.Provider value={session.data}>
      <AppLayout onSignOut={() => void signOut()}>
        <PageForPath />
      </AppLayout>
    </SessionContext.Provider>
  );
}
