// Header names and cell words of CRM exports (amoCRM, Bitrix24, 1C), Russian and English.
import type { ImportField } from '../../../shared/api/imports.ts';
import type { ContactRole } from '../clients/index.ts';

export const CLIENT_SYNONYMS: Partial<Record<ImportField, string[]>> = {
  clientExternalId: [
    'id клиента',
    'код клиента',
    'код',
    'код контрагента',
    'id',
    'id компании',
    'client id',
    'customer id',
    'external id',
    'externalid',
  ],
  clientName: [
    'клиент',
    'компания',
    'название компании',
    'наименование',
    'контрагент',
    'организация',
    'название',
    'client',
    'client name',
    'company',
    'customer',
  ],
  inn: ['инн', 'инн клиента', 'инн контрагента', 'inn', 'tax id'],
  segment: ['сегмент', 'категория', 'тип клиента', 'segment'],
  contactEmail: ['email', 'e-mail', 'e mail', 'почта', 'эл почта', 'электронная почта', 'mail'],
  contactName: ['контакт', 'контактное лицо', 'фио', 'имя', 'contact', 'contact name', 'name'],
  contactPhone: ['телефон', 'тел', 'мобильный', 'рабочий телефон', 'phone', 'mobile'],
  contactLanguage: ['язык', 'language', 'lang'],
  contactRole: ['роль', 'роль контакта', 'должность в сделке', 'role', 'roles'],
};

export const LANGUAGE_NAMES: Record<string, 'ru' | 'en'> = {
  ru: 'ru',
  rus: 'ru',
  russian: 'ru',
  рус: 'ru',
  русский: 'ru',
  en: 'en',
  eng: 'en',
  english: 'en',
  англ: 'en',
  английский: 'en',
};

export const CONTACT_ROLE_NAMES: Record<string, ContactRole> = {
  decision_maker: 'decision_maker',
  'decision maker': 'decision_maker',
  лпр: 'decision_maker',
  'лицо принимающее решение': 'decision_maker',
  influencer: 'influencer',
  'влияет на решение': 'influencer',
  влияющий: 'influencer',
  user: 'user',
  пользователь: 'user',
  payer: 'payer',
  плательщик: 'payer',
  бухгалтерия: 'payer',
};
