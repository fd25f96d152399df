// The "Today" page (issue 21): shapes from shared/api/today.ts (types only).
import type { z } from 'zod';
import type { snoozeBody, TodayCaseOut, TodayOut, TodayRecordOut } from '../../shared/api/today.ts';
import { api } from './client.ts';

export type { TodayCaseOut, TodayOut, TodayRecordOut };
export type SnoozeRef = z.input<typeof snoozeBody>['ref'];

export const getToday = () => api.get<TodayOut>('/api/v1/today');
export const snoozeItem = (ref: SnoozeRef) =>
  api.post<{ until: string }>('/api/v1/today/snoozes', { ref });
