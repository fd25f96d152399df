// The telephony endpoints the UI uses; shapes come from shared/api/telephony.ts (types only).
import type {
  CallOut,
  CallSettingsOut,
  ImportCallsOut,
  MissedCallsOut,
  OperationsGroupBy,
  OperationsOut,
} from '../../shared/api/telephony.ts';
import { api, request } from './client.ts';
import type { Page } from './orgs.ts';

export type {
  CallOut,
  CallSettingsOut,
  ImportCallsOut,
  MissedCallsOut,
  OperationsGroupBy,
  OperationsOut,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type comes from the name: browsers on Windows call a .csv file "application/vnd.ms-excel". */
function contentTypeOf(name: string): string {
  if (/\.xlsx$/i.test(name)) return XLSX;
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'text/csv';
  return 'application/octet-stream';
}

const query = (params: Record<string, string | number | boolean | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '' && v !== false)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export interface CallFilters {
  missedOnly: boolean;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  /** YYYY-MM-DD, inclusive (sent as the next day, exclusive) */
  to?: string;
  employee?: string;
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const listCalls = (f: CallFilters, cursor?: string) =>
  api.get<Page<CallOut>>(
    `/api/v1/calls?${query({ limit: 50, cursor, missedOnly: f.missedOnly, from: f.from, to: f.to ? nextDay(f.to) : undefined, employee: f.employee?.trim() })}`,
  );
export const listMissedCalls = () => api.get<MissedCallsOut>('/api/v1/calls/missed');
export const getCallSettings = () => api.get<CallSettingsOut>('/api/v1/calls/settings');
export const setCallSettings = (callbackTargetMinutes: number) =>
  request<CallSettingsOut>('PUT', '/api/v1/calls/settings', { callbackTargetMinutes });
export const importCalls = (file: File, opts: { dryRun: boolean; timeZone: string }) =>
  request<ImportCallsOut>(
    'POST',
    `/api/v1/calls/import?${query({ filename: file.name, dryRun: opts.dryRun ? 'true' : undefined, timeZone: opts.timeZone })}`,
    new Blob([file], { type: contentTypeOf(file.name) }),
  );
export const getOperations = (groupBy: OperationsGroupBy, from?: string, to?: string) =>
  api.get<OperationsOut>(
    `/api/v1/metrics/operations?${query({ groupBy, from, to: to ? nextDay(to) : undefined })}`,
  );
