// GET /api/v1/employees/export (issue 16): the employee list, every page of it with the list's
// filters, as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { EmployeeOut } from '../../../shared/api/employees.ts';
import { employeesExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { employeeViews } from './employee-views.ts';
import { presentEmployee } from './employees.routes.ts';
import * as employees from './employees.service.ts';

export const EMPLOYEE_COLUMNS: readonly ExportColumn<EmployeeOut>[] = [
  { key: 'name', type: 'text', value: (e) => e.name },
  { key: 'position', type: 'text', value: (e) => e.position },
  { key: 'stageKey', type: 'text', value: (e) => e.stageKey },
  { key: 'manager', type: 'text', value: (e) => e.manager?.name ?? null },
  { key: 'hireDate', type: 'date', value: (e) => e.hireDate },
  { key: 'email', type: 'text', value: (e) => e.email },
  { key: 'phone', type: 'text', value: (e) => e.phone },
  { key: 'externalId', type: 'text', value: (e) => e.externalId },
  { key: 'status', type: 'text', value: (e) => e.status },
  { key: 'user', type: 'text', value: (e) => e.user?.name ?? null },
  { key: 'id', type: 'text', value: (e) => e.id },
];

export function registerEmployeesExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/employees/export',
    tag: 'employees',
    summary: 'The employee list (filters as GET /api/v1/employees) as one CSV or XLSX file',
    querystring: employeesExportQuery,
    list: 'employees',
    columns: EMPLOYEE_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await employees.listEmployees(ctx, { ...q, cursor, limit });
      // The manager's and the login's names, a page at a time, as the list shows them.
      const views = await employeeViews(ctx, page.items);
      return { items: views.map(presentEmployee), nextCursor: page.nextCursor };
    },
  });
}
