// Who a call was with and who took it, for a group of calls being stored: one read of the
// organisation's contact phones and user e-mails, one query for the employees the group names.
import type { Ctx } from '../../context.ts';
import type { CallsTable } from '../../db/types.ts';
import { matchEmployeesByText } from '../employees/index.ts';
import type { CallRowInput } from './call-rows.ts';
import { normalisePhone } from './phone.ts';
import * as repo from './telephony.repo.ts';

type NewCall = Omit<CallRowInput, 'row'>;

/**
 * Matches calls to contacts (by normalised phone), to users (employee written as their e-mail)
 * and to employees (by name, e-mail, phone or external id: one query for the whole group).
 */
export async function matcherFor(ctx: Ctx, calls: readonly NewCall[]) {
  const byPhone = new Map<string, { id: string; client_id: string }>();
  for (const c of await repo.listContactPhones(ctx.db, ctx.orgId)) {
    const phone = normalisePhone(c.phone);
    if (phone && !byPhone.has(phone)) byPhone.set(phone, c); // the oldest contact wins a shared number
  }
  const byEmail = new Map(
    (await repo.listUserEmails(ctx.db, ctx.orgId)).map((u) => [u.email.toLowerCase(), u.id]),
  );
  const employees = await matchEmployeesByText(
    ctx,
    calls.flatMap((c) => (c.employee ? [c.employee] : [])),
  );
  return (
    call: NewCall,
  ): Pick<CallsTable, 'contact_id' | 'client_id' | 'user_id' | 'employee_id'> => {
    const contact = call.phone ? byPhone.get(call.phone) : undefined;
    return {
      contact_id: contact?.id ?? null,
      client_id: contact?.client_id ?? null,
      user_id: (call.employee && byEmail.get(call.employee.toLowerCase())) || null,
      employee_id: (call.employee && employees.get(call.employee.trim())) || null,
    };
  };
}
