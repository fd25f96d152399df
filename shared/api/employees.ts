// Employees (SPEC C11): the people who run each journey stage, with or without a login.
import { z } from 'zod';
import { EMPLOYEE_STATUSES } from '../domain/vocabulary.ts';
import { isoDate } from './care.ts';
import { phone } from './clients.ts';

export const employeeStatus = z.enum(EMPLOYEE_STATUSES);
const text = (max: number) => z.string().trim().min(1).max(max);
const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
/** A journey stage (or team) by its key, as records name their stage. */
const stageKey = text(100);

export const createEmployeeBody = z.object({
  name: text(300),
  position: text(200).optional(),
  stageKey: stageKey.optional(),
  /** Another employee of the same organisation. */
  managerId: z.uuid().optional(),
  hireDate: isoDate.optional(),
  email: email.optional(),
  phone: phone.optional(),
  /** Personnel number (табельный номер) or the HR system's id; unique per organisation. */
  externalId: text(200).optional(),
  status: employeeStatus.default('active'),
  /** The employee's login, a user of the same organisation; one employee per user. */
  userId: z.uuid().optional(),
});
export type CreateEmployeeBody = z.infer<typeof createEmployeeBody>;

export const updateEmployeeBody = z
  .object({
    name: text(300),
    position: text(200).nullable(),
    stageKey: stageKey.nullable(),
    managerId: z.uuid().nullable(),
    hireDate: isoDate.nullable(),
    email: email.nullable(),
    phone: phone.nullable(),
    externalId: text(200).nullable(),
    status: employeeStatus,
    userId: z.uuid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export type UpdateEmployeeBody = z.infer<typeof updateEmployeeBody>;

const person = z.object({ id: z.string(), name: z.string() });

export const employeeOut = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  stageKey: z.string().nullable(),
  managerId: z.string().nullable(),
  /** The manager's name, for lists; null without a manager. */
  manager: person.nullable(),
  hireDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  status: employeeStatus,
  /** The linked login; null for an employee without one. */
  user: person.nullable(),
  /**
   * A user of the organisation with this employee's e-mail who is not linked to anyone: the
   * link to suggest (PATCH userId). Null when linked or when there is none.
   */
  suggestedUser: person.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EmployeeOut = z.infer<typeof employeeOut>;

export const listEmployeesQuery = z.object({
  /** Name, position, e-mail, phone or personnel number; Cyrillic folded. */
  q: z.string().trim().max(200).optional(),
  stage: z.string().trim().max(100).optional(),
  status: employeeStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListEmployeesQuery = z.infer<typeof listEmployeesQuery>;

export const stageKeysOut = z.object({ items: z.array(z.string()) });
