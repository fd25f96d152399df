// Employees; shapes from shared/api/employees.ts (types only: zod stays out of the bundle).
import type { z } from 'zod';
import type {
  createEmployeeBody,
  EmployeeOut,
  updateEmployeeBody,
} from '../../shared/api/employees.ts';
import { EMPLOYEE_STATUSES } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';
import { getSatisfaction } from './metrics.ts';
import type { Page } from './orgs.ts';

export type { EmployeeOut };
export type EmployeeStatus = EmployeeOut['status'];
export { EMPLOYEE_STATUSES };

const id = (value: string) => encodeURIComponent(value);

export const listEmployees = (
  q: { q?: string; stage?: string; status?: string; cursor?: string; limit?: number } = {},
) => api.get<Page<EmployeeOut>>(`/api/v1/employees${queryString({ limit: 50, ...q })}`);
export const createEmployee = (body: z.input<typeof createEmployeeBody>) =>
  api.post<EmployeeOut>('/api/v1/employees', body);
export const updateEmployee = (employeeId: string, body: z.input<typeof updateEmployeeBody>) =>
  api.patch<EmployeeOut>(`/api/v1/employees/${id(employeeId)}`, body);
export const deleteEmployee = (employeeId: string) =>
  api.delete<void>(`/api/v1/employees/${id(employeeId)}`);

/**
 * The stage keys in use: those of employees and those feedback records name (the satisfaction
 * figures by stage since 2000), sorted, for the stage field's suggestions.
 */
export async function listStageKeys(): Promise<string[]> {
  const [own, feedback] = await Promise.all([
    api.get<{ items: string[] }>('/api/v1/employees/stage-keys'),
    getSatisfaction({ metric: 'nps', groupBy: 'stage', from: '2000-01-01' }).catch(() => null),
  ]);
  const keys = new Set(own.items);
  for (const g of feedback?.groups ?? []) if (g.key !== 'none') keys.add(g.key);
  return [...keys].sort((a, b) => a.localeCompare(b));
}
