// Client economics; shapes from shared/api/economics.ts (types only: zod stays out of the bundle).
import type { TransactionOut } from '../../shared/api/economics.ts';
import type {
  BySatisfactionOut,
  ClientEconomicsOut,
  EconomicsSettingsOut,
  FiguresOut,
  LeversOut,
  NpsGroup,
  SatisfactionGroupOut,
  SummaryOut,
} from '../../shared/api/economics-figures.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';
import type { Page } from './orgs.ts';

export type {
  BySatisfactionOut,
  ClientEconomicsOut,
  FiguresOut,
  LeversOut,
  NpsGroup,
  SatisfactionGroupOut,
  SummaryOut,
  TransactionOut,
};
export type PeriodUnit = 'month' | 'quarter' | 'year';
export interface Window {
  from: string;
  to: string;
}
export type EconomicsSettings = EconomicsSettingsOut;

export const getSummary = (q: Window & { period: PeriodUnit }) =>
  api.get<SummaryOut>(`/api/v1/economics/summary${queryString({ ...q })}`);
export const getLevers = (a: Window, b: Window, period: PeriodUnit) =>
  api.get<LeversOut>(
    `/api/v1/economics/levers${queryString({ aFrom: a.from, aTo: a.to, bFrom: b.from, bTo: b.to, period })}`,
  );
export const getClientEconomics = (clientId: string, period: PeriodUnit = 'month') =>
  api.get<ClientEconomicsOut>(
    `/api/v1/economics/clients/${encodeURIComponent(clientId)}${queryString({ period })}`,
  );
export const getBySatisfaction = (q: Window & { period: PeriodUnit }) =>
  api.get<BySatisfactionOut>(`/api/v1/economics/by-satisfaction${queryString({ ...q })}`);
export const getEconomicsSettings = () => api.get<EconomicsSettings>('/api/v1/economics/settings');
export const listTransactions = (q: { clientId: string; cursor?: string; limit?: number }) =>
  api.get<Page<TransactionOut>>(`/api/v1/transactions${queryString({ limit: 50, ...q })}`);

export type ExportTable = 'profit-formula' | 'by-satisfaction' | 'transactions';
export type ExportFormat = 'csv' | 'xlsx';
/** A plain link: the browser downloads the file with the session cookie (GET needs no CSRF). */
export const exportUrl = (
  table: ExportTable,
  format: ExportFormat,
  params: Record<string, string | undefined>,
) => `/api/v1/economics/export/${table}${queryString({ ...params, format })}`;
