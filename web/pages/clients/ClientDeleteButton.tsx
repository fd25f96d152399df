// "Delete client…" on the client card for admins (issue 19): a client without records goes with
// its card and contacts (erased); one with records gets the client_in_use message in the dialog.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClientOut } from '../../api/clients.ts';
import { deleteClient } from '../../api/privacy.ts';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { navigate } from '../../router.tsx';

export function ClientDeleteButton({ client }: { client: ClientOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <DeleteButton
      label={t('privacy.deleteClient')}
      title={t('privacy.deleteClientTitle', { name: client.name })}
      text={t('privacy.deleteClientText')}
      onDelete={() => deleteClient(client.id)}
      onDone={() => {
        void queryClient.invalidateQueries({ queryKey: ['clients'] });
        notifications.show({ color: 'green', message: t('privacy.deleteClientDone') });
        navigate('/clients');
      }}
    />
  );
}
