// Journey stages: the registry, owners, targets and merging; shapes from shared/api/stages.ts.
import type { z } from 'zod';
import type {
  createStageBody,
  StageOut,
  StageTarget,
  updateStageBody,
} from '../../shared/api/stages.ts';
import { api } from './client.ts';

export type { StageOut, StageTarget };

const id = (value: string) => encodeURIComponent(value);

export const listStages = () => api.get<{ items: StageOut[] }>('/api/v1/stages');
export const getStage = (stageId: string) => api.get<StageOut>(`/api/v1/stages/${id(stageId)}`);
export const createStage = (body: z.input<typeof createStageBody>) =>
  api.post<StageOut>('/api/v1/stages', body);
export const updateStage = (stageId: string, body: z.input<typeof updateStageBody>) =>
  api.patch<StageOut>(`/api/v1/stages/${id(stageId)}`, body);
export const putStageTargets = (stageId: string, targets: StageTarget[]) =>
  api.put<StageOut>(`/api/v1/stages/${id(stageId)}/targets`, { targets });
export const mergeStage = (stageId: string, intoId: string) =>
  api.post<StageOut>(`/api/v1/stages/${id(stageId)}/merge`, { intoId });
export const deleteStage = (stageId: string) => api.delete<void>(`/api/v1/stages/${id(stageId)}`);

/** The stage's name in the reader's language. */
export const stageName = (s: Pick<StageOut, 'nameRu' | 'nameEn'>, lng: string) =>
  lng.startsWith('en') ? s.nameEn : s.nameRu;
