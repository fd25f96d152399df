// Global search and saved views (issue 21); shapes from shared/api/search.ts and saved-views.ts.
import type { SearchOut } from '../../shared/api/search.ts';
import type { SavedViewList, SavedViewOut } from '../../shared/api/saved-views.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type { SavedViewList, SavedViewOut, SearchOut };

export const searchEverything = (q: string, limit = 5) =>
  api.get<SearchOut>(`/api/v1/search${queryString({ q, limit })}`);

export const listSavedViews = (list: SavedViewList) =>
  api.get<{ items: SavedViewOut[] }>(`/api/v1/saved-views${queryString({ list })}`);

export const createSavedView = (
  list: SavedViewList,
  name: string,
  filters: Record<string, string>,
) => api.post<SavedViewOut>('/api/v1/saved-views', { list, name, filters });

export const renameSavedView = (id: string, name: string) =>
  api.patch<SavedViewOut>(`/api/v1/saved-views/${encodeURIComponent(id)}`, { name });

export const deleteSavedView = (id: string) =>
  api.delete<void>(`/api/v1/saved-views/${encodeURIComponent(id)}`);
