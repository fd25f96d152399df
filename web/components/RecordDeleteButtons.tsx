// Admins' deletion of one feedback record or one case (issue 19), from its page; afterwards the
// list it came from. Shown only to admins (the server checks again).
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deleteCase, deleteFeedback } from '../api/privacy.ts';
import { can } from '../permissions.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { DeleteButton } from './DeleteButton.tsx';

export function RecordDeleteButton({ kind, id }: { kind: 'feedback' | 'case'; id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  if (!can(user.role, 'org.manage')) return null;
  return (
    <DeleteButton
      label={t('privacy.delete')}
      title={t('privacy.deleteRecordTitle')}
      text={t(kind === 'feedback' ? 'privacy.deleteFeedbackText' : 'privacy.deleteCaseText')}
      onDelete={() => (kind === 'feedback' ? deleteFeedback(id) : deleteCase(id))}
      onDone={() => {
        void queryClient.invalidateQueries({
          queryKey: [kind === 'feedback' ? 'feedback' : 'cases'],
        });
        notifications.show({ color: 'green', message: t('privacy.deleted') });
        navigate(kind === 'feedback' ? '/feedback' : '/cases');
      }}
    />
  );
}
