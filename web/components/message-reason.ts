// Why a message did not go out, in words: a missing mail set-up is said plainly, any other
// reason is the mail server's own answer. Empty for a message that is queued or sent.
import type { TFunction } from 'i18next';
import type { MessageOut } from '../api/messaging.ts';

export function messageFailureReason(
  m: Pick<MessageOut, 'status' | 'lastError'>,
  t: TFunction,
): string {
  if ((m.status !== 'failed' && m.status !== 'not_sent') || !m.lastError) return '';
  return /SMTP_URL is not configured/.test(m.lastError)
    ? t('templates.messageReason.smtpMissing')
    : m.lastError;
}
