import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/employees.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { employeeViews, type EmployeeView } from './employee-views.ts';
import * as employees from './employees.service.ts';

export const presentEmployee = ({ row, ...people }: EmployeeView): api.EmployeeOut => ({
  id: row.id,
  name: row.name,
  position: row.position,
  stageKey: row.stage_key,
  managerId: row.manager_id,
  manager: people.manager,
  hireDate: row.hire_date,
  email: row.email,
  phone: row.phone,
  externalId: row.external_id,
  status: row.status,
  user: people.user,
  suggestedUser: people.suggestedUser,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function registerEmployeeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employees'];
  const one = async (ctx: ReturnType<typeof ctxOf>, row: Parameters<typeof employeeViews>[1][0]) =>
    presentEmployee((await employeeViews(ctx, [row]))[0]!);

  r.post(
    '/api/v1/employees',
    {
      schema: {
        tags,
        summary: 'Add an employee (with or without a login)',
        body: api.createEmployeeBody,
        response: { 201: api.employeeOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      return reply.status(201).send(await one(ctx, await employees.createEmployee(ctx, req.body)));
    },
  );
  r.get(
    '/api/v1/employees',
    {
      schema: {
        tags,
        summary: 'Employees, with search (Cyrillic too) and stage and status filters',
        querystring: api.listEmployeesQuery,
        response: { 200: page(api.employeeOut) },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const result = await employees.listEmployees(ctx, req.query);
      const views = await employeeViews(ctx, result.items);
      return { items: views.map(presentEmployee), nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/employees/stage-keys',
    {
      schema: {
        tags,
        summary: 'The stage keys employees are on',
        response: { 200: api.stageKeysOut },
      },
    },
    async (req) => ({ items: await employees.listEmployeeStageKeys(ctxOf(deps, req)) }),
  );
  r.get(
    '/api/v1/employees/:id',
    { schema: { tags, params: idParam, response: { 200: api.employeeOut } } },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return one(ctx, await employees.getEmployee(ctx, req.params.id));
    },
  );
  r.patch(
    '/api/v1/employees/:id',
    {
      schema: {
        tags,
        summary: 'Change an employee; userId links (or with null unlinks) their login',
        params: idParam,
        body: api.updateEmployeeBody,
        response: { 200: api.employeeOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return one(ctx, await employees.updateEmployee(ctx, req.params.id, req.body));
    },
  );
  r.delete(
    '/api/v1/employees/:id',
    { schema: { tags, summary: 'Remove an employee', params: idParam } },
    async (req, reply) => {
      await employees.deleteEmployee(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
