// A transaction told in words, the same on the client's economics tab and timeline:
// "Продажа 12 345,00 ₽ · оплачено с опозданием на 5 дн.", "Возврат 1 000,00 ₽".
import type { TFunction } from 'i18next';
import type { TransactionOut } from '../../api/economics.ts';
import { calendarDate, money } from './format.ts';

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Payment state of a sale in words, or undefined when nothing is known (no due date, refund). */
export function paymentWords(
  tx: TransactionOut,
  t: TFunction,
  lng: string,
  today = new Date().toISOString().slice(0, 10),
): string | undefined {
  if (tx.kind !== 'sale') return undefined;
  if (tx.paidAt) {
    if (!tx.dueDate || tx.paidAt <= tx.dueDate) return t('economics.tx.paidOnTime');
    return t('economics.tx.paidLate', { count: days(tx.dueDate, tx.paidAt) });
  }
  if (!tx.dueDate) return undefined;
  return tx.dueDate < today
    ? t('economics.tx.overdue', { count: days(tx.dueDate, today) })
    : t('economics.tx.due', { date: calendarDate(tx.dueDate, lng) });
}

export function transactionTitle(tx: TransactionOut, t: TFunction, lng: string): string {
  const head = t(`economics.tx.kinds.${tx.kind}`, { amount: money(tx.amount, lng) });
  const payment = paymentWords(tx, t, lng);
  return [head, tx.product, payment].filter(Boolean).join(' · ');
}

/** Whether a sale was paid late or is overdue (for a red mark). */
export const isLate = (tx: TransactionOut, today = new Date().toISOString().slice(0, 10)) =>
  tx.kind === 'sale' &&
  Boolean(tx.dueDate) &&
  (tx.paidAt ? tx.paidAt > tx.dueDate! : tx.dueDate! < today);
