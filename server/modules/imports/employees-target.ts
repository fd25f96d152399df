// The employees target: an HR export of the people who run each stage. A row's employee is matched
// by personnel number, else e-mail, and updated with what the row gives; otherwise it is created
// (it then needs a name). Managers are named by name, e-mail or personnel number, of a row of the
// same file or of an employee already stored (employees-commit.ts).
import { z } from 'zod';
import { phone } from '../../../shared/api/clients.ts';
import {
  EMPLOYEE_FIELDS,
  MAX_REPORTED_ERRORS,
  type ImportField,
} from '../../../shared/api/imports.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { parseCalendarDate } from '../../lib/tabular/cell-values.ts';
import { commitEmployeeRows, type EmployeeRowInput } from './employees-commit.ts';
import { EMPLOYEE_STATUS_NAMES, EMPLOYEE_SYNONYMS } from './employees-words.ts';
import { convertEachRow, type ImportTarget } from './targets.ts';

const email = z.email().max(254);

export const employeesTarget: ImportTarget<EmployeeRowInput> = {
  name: 'employees',
  fields: EMPLOYEE_FIELDS,
  synonyms: EMPLOYEE_SYNONYMS,
  required: [['personnelNumber', 'employeeName', 'employeeEmail']],
  rehearse: true,
  convert: (table, mapping) =>
    convertEachRow(
      table,
      mapping,
      EMPLOYEE_FIELDS,
      (cell, fail) => {
        const text = (f: ImportField, max: number) => {
          const v = cell(f);
          if (v !== undefined && v.length > max)
            fail(f, 'too_long', `${f} is longer than ${max} characters`);
          return v?.slice(0, max);
        };
        const out: EmployeeRowInput = {
          externalId: text('personnelNumber', 200),
          name: text('employeeName', 300),
          position: text('position', 200),
          stageKey: text('stage', 100),
          manager: text('manager', 300),
        };
        const day = cell('hireDate');
        if (day !== undefined) {
          out.hireDate = parseCalendarDate(day);
          if (!out.hireDate)
            fail(
              'hireDate',
              'invalid_date',
              `"${day.slice(0, 40)}" is not DD.MM.YYYY or YYYY-MM-DD`,
            );
        }
        const mail = cell('employeeEmail')?.toLowerCase();
        if (mail !== undefined && !email.safeParse(mail).success)
          fail('employeeEmail', 'invalid_email', `"${mail.slice(0, 60)}" is not an e-mail address`);
        else out.email = mail;
        const tel = cell('employeePhone');
        if (tel !== undefined && !phone.safeParse(tel).success)
          fail(
            'employeePhone',
            'invalid_phone',
            'A phone number of digits, spaces, dashes, brackets',
          );
        else out.phone = tel;
        const status = cell('employeeStatus');
        if (status !== undefined) {
          out.status = EMPLOYEE_STATUS_NAMES[foldForSearch(status).replace(/\s+/g, ' ')];
          if (!out.status)
            fail(
              'employeeStatus',
              'unknown_status',
              `Unknown status "${status.slice(0, 40)}"; use работает, в отпуске or уволен`,
            );
        }
        if (!out.externalId && !out.name && !out.email)
          fail(null, 'employee_missing', 'The row names no employee: no number, name or e-mail');
        return out;
      },
      MAX_REPORTED_ERRORS,
    ),
  commit: (tx, rows, opts) => commitEmployeeRows(tx, rows, opts.mapping),
};
