// The signed-in person's two-factor sign-in: set up with the QR code (or the key typed in),
// switch on with a current code — the ten recovery codes are shown once, in a modal that closes
// only with "I have saved the codes" — and switch off with the password and a current code.
import {
  Alert,
  Button,
  Code,
  Image,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  disableTwoFactor,
  enableTwoFactor,
  getTwoFactor,
  setupTwoFactor,
} from '../../api/security.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const STATUS_KEY = ['me', '2fa'] as const;

export function TwoFactorPanel({ onChanged }: { onChanged?: (enabled: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: getTwoFactor });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATUS_KEY });
  const setup = useMutation({ mutationFn: setupTwoFactor });
  const enable = useMutation({
    mutationFn: enableTwoFactor,
    onSuccess: (out) => {
      setCode('');
      setup.reset();
      setRecoveryCodes(out.recoveryCodes);
    },
  });
  const disable = useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: async () => {
      setCode('');
      setPassword('');
      await refresh();
      onChanged?.(false);
    },
  });

  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data) return null;
  const s = status.data;

  const codeInput = (
    <TextInput
      label={t('security.code')}
      name="code"
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={6}
      required
      value={code}
      onChange={(e) => setCode(e.currentTarget.value)}
    />
  );

  return (
    <Stack gap="md" maw={480}>
      {s.required && !s.enabled && <Alert color="orange">{t('security.required')}</Alert>}
      <Text fw={600} data-testid="two-factor-status">
        {t(s.enabled ? 'security.statusOn' : 'security.statusOff')}
      </Text>
      {s.enabled ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            disable.mutate({ password, code: code.trim() });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('security.codesLeft', { count: s.recoveryCodesLeft })}</Text>
            <Text fw={500}>{t('security.disableTitle')}</Text>
            <PasswordInput
              label={t('security.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {codeInput}
            <ErrorAlert error={disable.error} />
            <Button type="submit" color="red" variant="light" loading={disable.isPending}>
              {t('security.disable')}
            </Button>
          </Stack>
        </form>
      ) : setup.data ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            enable.mutate(code.trim());
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('security.scanQr')}</Text>
            <Image
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.data.qrSvg)}`}
              alt={t('security.qrAlt')}
              w={200}
              h={200}
              data-testid="two-factor-qr"
            />
            <Text size="sm" fw={500}>
              {t('security.secretLabel')}
            </Text>
            <Code block data-testid="two-factor-secret" style={{ wordBreak: 'break-all' }}>
              {setup.data.secret}
            </Code>
            {codeInput}
            <ErrorAlert error={enable.error} />
            <Button type="submit" loading={enable.isPending}>
              {t('security.enable')}
            </Button>
          </Stack>
        </form>
      ) : (
        <>
          <ErrorAlert error={setup.error} />
          <Button onClick={() => setup.mutate()} loading={setup.isPending} w="fit-content">
            {t('security.setUp')}
          </Button>
        </>
      )}
      <Modal
        opened={recoveryCodes !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        title={t('security.recoveryTitle')}
      >
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            {t('security.recoveryWarning')}
          </Alert>
          <Code block data-testid="recovery-codes">
            {(recoveryCodes ?? []).join('\n')}
          </Code>
          <Button
            onClick={async () => {
              setRecoveryCodes(null);
              await refresh();
              onChanged?.(true);
            }}
          >
            {t('security.recoverySaved')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
