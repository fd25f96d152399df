// Row types of the employees table (migration 0019): the people who run each journey stage.
import type { EmployeeStatus } from '../../../shared/domain/vocabulary.ts';

export type { EmployeeStatus };

/** An employee (employees module); a login is optional (user_id). */
export interface EmployeesTable {
  id: string;
  org_id: string;
  name: string;
  position: string | null;
  /** The journey stage (or team) by its key, like every record's `stage` (ADR 012). */
  stage_key: string | null;
  /** Another employee of the same organisation. */
  manager_id: string | null;
  /** YYYY-MM-DD */
  hire_date: string | null;
  /** Lower-cased by the app; unique per organisation when present. */
  email: string | null;
  phone: string | null;
  /** The phone as +7XXXXXXXXXX (server/lib/phone.ts), for matching calls. */
  phone_key: string | null;
  external_id: string | null;
  status: EmployeeStatus;
  /** A user of the same organisation; at most one employee per user. */
  user_id: string | null;
  /** The name folded (foldForSearch, single spaces) for exact matching by name. */
  name_key: string;
  search_text: string;
  created_at: string;
  updated_at: string;
}
