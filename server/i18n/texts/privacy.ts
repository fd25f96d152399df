// Words of a contact's data export page (issue 19, data-subject rights), ru and en. Part of the
// one server catalogue (../catalogue.ts); en must have exactly the keys of ru. Section titles come
// with the sections (each module names its own part).

const ru = {
  privacy: {
    title: 'Данные о контакте: {{name}}',
    erasedName: 'Удалённый контакт',
    exportedAt: 'Выгрузка сформирована {{at}}. Здесь всё, что организация хранит об этом человеке.',
    contact: 'Контакт',
    client: 'Клиент',
    empty: 'Нет записей.',
    field: 'Поле',
    value: 'Значение',
    count: 'Записей: {{n}}',
  },
};

const en: typeof ru = {
  privacy: {
    title: 'Data about a contact: {{name}}',
    erasedName: 'Erased contact',
    exportedAt:
      'Export made at {{at}}. This is everything the organisation holds about this person.',
    contact: 'Contact',
    client: 'Client',
    empty: 'No records.',
    field: 'Field',
    value: 'Value',
    count: 'Records: {{n}}',
  },
};

export const privacyTexts = { ru, en };
