// The arbiter's settings: the rule table behind its suggested actions and the people who get the
// monthly report. Analysts read them; managers and admins change them.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { RecipientsEditor } from './RecipientsEditor.tsx';
import { RulesEditor } from './RulesEditor.tsx';

export function ArbiterSettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = can(user.role, 'data.write');
  return (
    <Stack gap="md">
      <PageHeader
        title={t('arbiter.settings.title')}
        intro={t('arbiter.settings.intro')}
        action={<AnchorLink to="/arbiter">{t('arbiter.settings.back')}</AnchorLink>}
      />
      <RulesEditor canEdit={canEdit} />
      <RecipientsEditor canEdit={canEdit} />
    </Stack>
  );
}
