// Security of the signed-in person's own sign-in: two-factor sign-in and sessions (issue 19).
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useSession, useSetSession } from '../../session.tsx';
import { SessionsPanel } from './SessionsPanel.tsx';
import { TwoFactorPanel } from './TwoFactorPanel.tsx';

export function SecurityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  return (
    <>
      <PageHeader title={t('security.title')} intro={t('security.intro')} />
      <TwoFactorPanel
        onChanged={(enabled) =>
          setSession({ ...session, user: { ...session.user, twoFactor: enabled } })
        }
      />
      <SessionsPanel />
    </>
  );
}
