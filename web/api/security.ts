// Two-factor sign-in and password reset (shapes from shared/api/security.ts, types only).
import type { z } from 'zod';
import type {
  LoginChallengeOut,
  recoveryCodesOut,
  TwoFactorSetupOut,
  TwoFactorStatusOut,
} from '../../shared/api/security.ts';
import type { SessionOut as MySession } from '../../shared/api/access.ts';
import type { SessionOut } from '../../shared/api/orgs.ts';
import { api, setCsrfToken } from './client.ts';
import { rememberSession } from './session-hint.ts';

export type { LoginChallengeOut, MySession, TwoFactorSetupOut, TwoFactorStatusOut };
export type RecoveryCodes = z.infer<typeof recoveryCodesOut>;

function keepCsrf(session: SessionOut): SessionOut {
  setCsrfToken(session.csrfToken);
  rememberSession(true);
  return session;
}

/** The password step: a session, or the challenge the second factor answers. */
export async function loginStep(body: {
  email: string;
  password: string;
}): Promise<SessionOut | LoginChallengeOut> {
  const out = await api.post<SessionOut | LoginChallengeOut>('/api/v1/auth/login', body);
  return 'twoFactorRequired' in out ? out : keepCsrf(out);
}
export const loginWithCode = (body: { challenge: string; code?: string; recoveryCode?: string }) =>
  api.post<SessionOut>('/api/v1/auth/login/2fa', body).then(keepCsrf);

export const requestPasswordReset = (email: string) =>
  api.post<{ accepted: true }>('/api/v1/auth/password-reset', { email });
export const confirmPasswordReset = (body: { token: string; password: string }) =>
  api.post<void>('/api/v1/auth/password-reset/confirm', body);

export const getTwoFactor = () => api.get<TwoFactorStatusOut>('/api/v1/me/2fa');
export const setupTwoFactor = () => api.post<TwoFactorSetupOut>('/api/v1/me/2fa/setup');
export const enableTwoFactor = (code: string) =>
  api.post<RecoveryCodes>('/api/v1/me/2fa/enable', { code });
export const disableTwoFactor = (body: { password: string; code: string }) =>
  api.post<void>('/api/v1/me/2fa/disable', body);

// Sessions of the signed-in person and an admin's 2FA reset (issue 19; shared/api/access.ts).
export const listMySessions = () =>
  api.get<{ items: MySession[] }>('/api/v1/me/sessions').then((r) => r.items);
export const revokeMySession = (id: string) =>
  api.delete<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`);
export async function signOutEverywhere(): Promise<void> {
  await api.post<void>('/api/v1/me/sessions/sign-out-everywhere');
  rememberSession(false);
  setCsrfToken(undefined);
}
export const resetTwoFactorOf = (userId: string) =>
  api.post<unknown>(`/api/v1/users/${encodeURIComponent(userId)}/2fa/reset`);
