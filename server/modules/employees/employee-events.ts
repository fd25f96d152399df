// The event the employees module emits inside its own transaction when someone is added through
// the API (ADR 008): upper modules (competencies' onboarding checklist) react in the same
// transaction, so a failure there rolls the new employee back too.
import type { Ctx } from '../../context.ts';
import type { EmployeesTable } from '../../db/types.ts';
import { createHook } from '../../lib/hook.ts';

export interface EmployeeCreated {
  employee: EmployeesTable;
}

export const employeeCreated = createHook<Ctx, EmployeeCreated>('employees.created');
