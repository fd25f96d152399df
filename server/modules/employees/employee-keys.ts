// The derived columns of an employee row, kept by the app: the folded name and the phone in
// one comparable form (what calls and import files are matched on), and the search text. Pure.
import type { EmployeesTable } from '../../db/types.ts';
import { normalisePhone } from '../../lib/phone.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

/** Lower case, ё → е, runs of spaces as one: "Петрова  Анна" and "петрова анна" are one name. */
export function nameKeyOf(name: string): string {
  return foldForSearch(name).replace(/\s+/g, ' ').trim();
}

type Source = Pick<
  EmployeesTable,
  'name' | 'position' | 'email' | 'phone' | 'external_id' | 'stage_key'
>;

export function derivedKeys(
  e: Source,
): Pick<EmployeesTable, 'name_key' | 'phone_key' | 'search_text'> {
  return {
    name_key: nameKeyOf(e.name),
    phone_key: normalisePhone(e.phone) ?? null,
    search_text: foldForSearch(
      [e.name, e.position, e.email, e.phone, e.external_id, e.stage_key].filter(Boolean).join(' '),
    ),
  };
}
