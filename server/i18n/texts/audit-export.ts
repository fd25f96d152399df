// Column headers of the audit log's export (GET /api/v1/audit/export, issue 19), ru and en;
// merged into listExports by ../catalogue.ts.

const ru = {
  listExports: {
    audit: {
      sheet: 'Журнал аудита',
      createdAt: 'Время (UTC)',
      action: 'Действие',
      actorType: 'Тип участника',
      actorId: 'ID участника',
      targetType: 'Тип объекта',
      targetId: 'ID объекта',
      ip: 'IP-адрес',
      userAgent: 'Браузер (User-Agent)',
      details: 'Подробности',
      id: 'ID',
    },
  },
};

const en: typeof ru = {
  listExports: {
    audit: {
      sheet: 'Audit log',
      createdAt: 'Time (UTC)',
      action: 'Action',
      actorType: 'Actor type',
      actorId: 'Actor ID',
      targetType: 'Target type',
      targetId: 'Target ID',
      ip: 'IP address',
      userAgent: 'User agent',
      details: 'Details',
      id: 'ID',
    },
  },
};

export const auditExportTexts = { ru, en };
