// The competencies endpoints the UI uses (issue 18); types only from shared/api.
import type {
  AssessmentsOut,
  ChecklistOut,
  CompetencyOut,
  GapsOut,
  ModelsOut,
  TrainingItemOut,
} from '../../shared/api/competencies.ts';
import type { TrainingSuggestionsOut } from '../../shared/api/scorecard-training.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type {
  AssessmentsOut,
  ChecklistOut,
  CompetencyOut,
  GapsOut,
  ModelsOut,
  TrainingItemOut,
  TrainingSuggestionsOut,
};

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return s ? `?${s}` : '';
};
const id = encodeURIComponent;

export const listCompetencies = () => api.get<{ items: CompetencyOut[] }>('/api/v1/competencies');
export const createCompetency = (body: {
  nameRu: string;
  nameEn: string;
  description?: string;
  metricKey?: string;
}) => api.post<CompetencyOut>('/api/v1/competencies', body);
export const deleteCompetency = (competencyId: string) =>
  api.delete<void>(`/api/v1/competencies/${id(competencyId)}`);
export const listModels = () => api.get<ModelsOut>('/api/v1/competencies/models');
export const putModel = (position: string, levels: Record<string, number>) =>
  api.put<ModelsOut>('/api/v1/competencies/models', { position, levels });
export const getGaps = (params: { stage?: string; employeeId?: string }) =>
  api.get<GapsOut>(`/api/v1/competencies/gaps${q(params)}`);
export const getReportsGaps = (managerId: string) =>
  api.get<GapsOut>(`/api/v1/competencies/gaps/reports/${id(managerId)}`);
export const getAssessments = (employeeId: string) =>
  api.get<AssessmentsOut>(`/api/v1/employees/${id(employeeId)}/assessments`);
export const assess = (
  employeeId: string,
  kind: 'self' | 'manager' | 'peer',
  levels: Record<string, number>,
) => api.post<AssessmentsOut>(`/api/v1/employees/${id(employeeId)}/assessments`, { kind, levels });
export const listTrainingItems = (params: { employeeId?: string; status?: string }) =>
  api.get<Page<TrainingItemOut>>(`/api/v1/training-items${q({ ...params, limit: '200' })}`);
export const createTrainingItem = (body: {
  employeeId: string;
  competencyId?: string;
  title?: string;
  kind?: TrainingItemOut['kind'];
  dueDate?: string;
}) => api.post<TrainingItemOut>('/api/v1/training-items', body);
export const updateTrainingItem = (
  itemId: string,
  body: Partial<Pick<TrainingItemOut, 'status' | 'kind' | 'title' | 'dueDate'>>,
) => api.patch<TrainingItemOut>(`/api/v1/training-items/${id(itemId)}`, body);
/** Suggestions of the last whole month (its first day to the first day of this month). */
export const trainingSuggestions = (today = new Date()) => {
  const day = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const [y, m] = [today.getFullYear(), today.getMonth()];
  return api.get<TrainingSuggestionsOut>(
    `/api/v1/scorecard/training-suggestions${q({ period: 'month', from: day(y, m - 1), to: day(y, m) })}`,
  );
};
export const getTemplate = () =>
  api.get<{ items: { id: string; titleRu: string; titleEn: string }[] }>(
    '/api/v1/onboarding/template',
  );
export const putTemplate = (items: { titleRu: string; titleEn: string }[]) =>
  api.put<{ items: { id: string }[] }>('/api/v1/onboarding/template', { items });
export const listChecklists = () =>
  api.get<{ items: ChecklistOut[] }>('/api/v1/onboarding/checklists');
export const createChecklist = (employeeId: string) =>
  api.post<ChecklistOut>('/api/v1/onboarding/checklists', { employeeId });
export const tickItem = (checklistId: string, itemId: string, done: boolean) =>
  api.put<ChecklistOut>(`/api/v1/onboarding/checklists/${id(checklistId)}/items/${id(itemId)}`, {
    done,
  });
