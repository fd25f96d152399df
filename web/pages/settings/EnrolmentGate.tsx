// Shown instead of the app when the organisation requires two-factor sign-in and the person has
// not switched it on: the server refuses everything else until then (two_factor_required).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { useSession, useSetSession } from '../../session.tsx';
import { TwoFactorPanel } from './TwoFactorPanel.tsx';

export function EnrolmentGate({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  return (
    <AuthFrame title={t('security.enrolTitle')} subtitle={t('security.enrolIntro')}>
      <TwoFactorPanel
        onChanged={(enabled) =>
          setSession({ ...session, user: { ...session.user, twoFactor: enabled } })
        }
      />
      <Button variant="subtle" color="gray" onClick={onSignOut}>
        {t('auth.signOut')}
      </Button>
    </AuthFrame>
  );
}
