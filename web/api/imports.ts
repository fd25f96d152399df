// The imports endpoints the UI uses; shapes come from shared/api/imports.ts (types only).
import type {
  ImportOut,
  ImportSummaryOut,
  ImportTargetName,
  Mapping,
  ReportOut,
} from '../../shared/api/imports.ts';
import { api, request } from './client.ts';
import type { Page } from './orgs.ts';

export type { ImportOut, ImportSummaryOut, ImportTargetName, Mapping, ReportOut };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type comes from the name: browsers on Windows call a .csv file "application/vnd.ms-excel". */
function contentTypeOf(name: string): string {
  if (/\.xlsx$/i.test(name)) return XLSX;
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'text/csv';
  return 'application/octet-stream';
}

export const uploadImport = ({ file, target }: { file: File; target: ImportTargetName }) =>
  request<ImportOut>(
    'POST',
    `/api/v1/imports?filename=${encodeURIComponent(file.name)}&target=${target}`,
    new Blob([file], { type: contentTypeOf(file.name) }),
  );
export const listImports = () => api.get<Page<ImportSummaryOut>>('/api/v1/imports?limit=50');
export const getImport = (id: string) =>
  api.get<ImportOut>(`/api/v1/imports/${encodeURIComponent(id)}`);
export const validateImport = (id: string, mapping: Mapping) =>
  api.post<ReportOut>(`/api/v1/imports/${encodeURIComponent(id)}/validate`, { mapping });
export const commitImport = (id: string, mapping: Mapping, acknowledge: boolean) =>
  api.post<ImportOut>(`/api/v1/imports/${encodeURIComponent(id)}/commit`, { mapping, acknowledge });
export const discardImport = (id: string) =>
  api.delete<void>(`/api/v1/imports/${encodeURIComponent(id)}`);
