// Header names and cell words of sales exports (1C: «Реализация товаров и услуг», «Возврат товаров
// от покупателя»; CRMs; English spreadsheets), folded: lower case, ё → е, punctuation → spaces.
import type { ImportField } from '../../../shared/api/imports.ts';
import type { TransactionIn } from '../../../shared/api/economics.ts';

export const TRANSACTION_SYNONYMS: Partial<Record<ImportField, string[]>> = {
  externalId: [
    'номер',
    'документ',
    '№ документа',
    '№',
    'номер документа',
    'номер накладной',
    'external id',
    'document',
    'document no',
    'invoice',
  ],
  kind: ['вид', 'тип', 'вид операции', 'тип операции', 'вид документа', 'kind', 'type'],
  date: ['дата', 'дата документа', 'дата продажи', 'дата реализации', 'date', 'document date'],
  amount: ['сумма', 'сумма с ндс', 'сумма документа', 'выручка', 'amount', 'sum', 'total'],
  cost: ['себестоимость', 'себестоимость продаж', 'cost', 'cogs'],
  currency: ['валюта', 'валюта документа', 'currency'],
  clientExternalId: [
    'код клиента',
    'контрагент код',
    'код контрагента',
    'код покупателя',
    'id клиента',
    'client id',
    'customer id',
    'client code',
  ],
  clientName: ['клиент', 'контрагент', 'покупатель', 'client', 'customer', 'client name'],
  clientInn: ['инн', 'инн контрагента', 'инн покупателя', 'инн клиента', 'контрагент инн', 'inn'],
  product: ['номенклатура', 'товар', 'услуга', 'продукт', 'product', 'item'],
  stage: ['этап', 'этап пути', 'stage'],
  dueDate: ['срок оплаты', 'оплатить до', 'due date', 'due'],
  paidAt: ['дата оплаты', 'оплачено', 'paid at', 'paid', 'payment date'],
};

/** A kind cell starts with one of these (1C names documents «Реализация (акт, накладная)»). */
const KIND_PREFIXES: [string, TransactionIn['kind']][] = [
  ['продажа', 'sale'],
  ['реализация', 'sale'],
  ['отгрузка', 'sale'],
  ['sale', 'sale'],
  ['возврат', 'refund'],
  ['refund', 'refund'],
  ['return', 'refund'],
];

export function kindOf(text: string): TransactionIn['kind'] | undefined {
  const s = text.toLowerCase().replace(/ё/g, 'е');
  return KIND_PREFIXES.find(([prefix]) => s.startsWith(prefix))?.[1];
}

/** A currency cell → an ISO 4217 code; the rouble under its everyday names. */
export function currencyOf(text: string): string | undefined {
  const s = text.trim().toLowerCase();
  if (['₽', 'руб', 'руб.', 'рубль', 'rur', 'rub', 'р.'].includes(s)) return 'RUB';
  return /^[a-z]{3}$/.test(s) ? s.toUpperCase() : undefined;
}
