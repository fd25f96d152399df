// The eNPS pulse endpoints the UI uses (types only from shared/api, so zod stays out of the bundle).
import type { z } from 'zod';
import type {
  createPulseBody,
  createPulseOut,
  PulseOut,
  PulseResultsOut,
  ScorecardEmployeesOut,
} from '../../shared/api/pulse.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { PulseOut, PulseResultsOut, ScorecardEmployeesOut };
export type CreatedPulseOut = z.infer<typeof createPulseOut>;

const id = (value: string) => encodeURIComponent(value);

export const listPulses = () => api.get<Page<PulseOut>>('/api/v1/pulses?limit=200');
export const createPulse = (body: z.input<typeof createPulseBody>) =>
  api.post<CreatedPulseOut>('/api/v1/pulses', body);
export const setPulseStatus = (pulseId: string, status: 'open' | 'closed') =>
  api.patch<PulseOut>(`/api/v1/pulses/${id(pulseId)}`, { status });
export const pulseResults = (pulseId: string, period: 'month' | 'quarter' | 'year') =>
  api.get<PulseResultsOut>(`/api/v1/pulses/${id(pulseId)}/results?period=${period}`);
export const employeeStageKeys = () => api.get<{ items: string[] }>('/api/v1/employees/stage-keys');
/** The employee layer of one stage: its team's eNPS per month with target and status. */
export const stageEnps = (stageKey: string) =>
  api.get<ScorecardEmployeesOut>(
    `/api/v1/scorecard/employees?stage=${encodeURIComponent(stageKey)}`,
  );
