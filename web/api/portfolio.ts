// The client portfolio (issue 17); shapes from shared/api/portfolio.ts (types only: zod stays out
// of the bundle).
import type {
  BreakdownItem,
  ClientPlaybookOut,
  MovesOut,
  PortfolioCell,
  PortfolioClientOut,
  PortfolioOut,
  PortfolioWeights,
  PortfolioWeightsOut,
  PlaybookActionStateOut,
  PlaybookOut,
  PutPlaybookBody,
  SnapshotOut,
  StrategyOut,
  WeightsPreviewOut,
} from '../../shared/api/portfolio.ts';
import type { PortfolioLevel } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type {
  BreakdownItem,
  ClientPlaybookOut,
  MovesOut,
  PortfolioCell,
  PortfolioClientOut,
  PortfolioLevel,
  PortfolioOut,
  PortfolioWeights,
  PortfolioWeightsOut,
  PlaybookActionStateOut,
  PlaybookOut,
  PutPlaybookBody,
  StrategyOut,
  WeightsPreviewOut,
};
export type SnapshotHead = Omit<SnapshotOut, 'created'>;

export interface PortfolioFilter {
  asOf?: string;
  segment?: string;
  managerId?: string;
  attractiveness?: PortfolioLevel;
  relationship?: PortfolioLevel;
  limit?: number;
  cursor?: string;
}

export const getPortfolio = (q: PortfolioFilter) =>
  api.get<PortfolioOut>(`/api/v1/portfolio${queryString({ ...q })}`);
export const getMoves = (from: string, to: string) =>
  api.get<MovesOut>(`/api/v1/portfolio/moves${queryString({ from, to })}`);
export const listSnapshots = () =>
  api.get<{ snapshots: SnapshotHead[] }>('/api/v1/portfolio/snapshots');
export const takeSnapshot = (period?: string) =>
  api.post<SnapshotOut>('/api/v1/portfolio/snapshots', period ? { period } : {});
export const refreshPortfolio = () =>
  api.post<{ computedAt: string; clients: number }>('/api/v1/portfolio/refresh');
export const getWeights = () => api.get<PortfolioWeightsOut>('/api/v1/portfolio/weights');
export const putWeights = (w: PortfolioWeights) =>
  api.put<PortfolioWeightsOut>('/api/v1/portfolio/weights', w);
export const previewWeights = (w: PortfolioWeights) =>
  api.post<WeightsPreviewOut>('/api/v1/portfolio/weights/preview', w);
export const getStrategies = () =>
  api.get<{ strategies: StrategyOut[] }>('/api/v1/portfolio/strategies');
export const putStrategy = (cell: PortfolioCell, texts: { textRu: string; textEn: string }) =>
  api.put<StrategyOut>(
    `/api/v1/portfolio/strategies/${cell.attractiveness}/${cell.relationship}`,
    texts,
  );
export const getPlaybooks = () =>
  api.get<{ playbooks: PlaybookOut[] }>('/api/v1/portfolio/playbooks');
export const putPlaybook = (cell: PortfolioCell, body: PutPlaybookBody) =>
  api.put<PlaybookOut>(
    `/api/v1/portfolio/playbooks/${cell.attractiveness}/${cell.relationship}`,
    body,
  );
export const getClientPlaybook = (clientId: string) =>
  api.get<ClientPlaybookOut>(`/api/v1/portfolio/clients/${encodeURIComponent(clientId)}/playbook`);
export const markPlaybookDone = (clientId: string, actionId: string) =>
  api.post<PlaybookActionStateOut>(
    `/api/v1/portfolio/clients/${encodeURIComponent(clientId)}/playbook/${encodeURIComponent(actionId)}/done`,
  );

/**
 * One client's scores and breakdown. There is no per-client endpoint, so the matrix is read with
 * the client's own segment and manager as filters (few rows), page by page until it shows up.
 */
export async function findPortfolioClient(client: {
  id: string;
  segment: string | null;
  managerId: string | null;
}): Promise<PortfolioClientOut | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const out = await getPortfolio({
      segment: client.segment ?? undefined,
      managerId: client.managerId ?? undefined,
      limit: 1000,
      cursor,
    });
    const found = out.clients.find((c) => c.clientId === client.id);
    if (found) return found;
    if (!out.nextCursor) return null;
    cursor = out.nextCursor;
  }
  return null;
}
