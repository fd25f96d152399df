// Shared by the telephony API tests: the call-log CSV header and a small sales call log.

/** The header row of a call log as the PBX exports it. */
export const HEADER =
  'Дата/Время;Направление;Ожидание, с;Отвечен;Длительность;Сотрудник;Телефон;Этап';

/** Sales: a call missed at 09:00 (Moscow) after 12 s of waiting, called back at 09:20. */
export const SALES_CSV = [
  HEADER,
  '20.11.2026 09:00;входящий;12;нет;0;Анна;(912) 345-67-89;продажи',
  '20.11.2026 09:20;исходящий;0;да;180;Анна;+7 912 345 67 89;продажи',
  '',
].join('\r\n');
